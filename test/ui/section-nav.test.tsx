import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { computeVisibility } from '../../src/engine/progress';
import { SectionNav } from '../../src/ui/assessment/SectionNav';
import { answers, fixtureQuestionnaire } from '../helpers';
import { i18n } from './render';

const questionnaire = fixtureQuestionnaire();
const given = answers({ role: 'provider', staff: 3 });
const visibility = computeVisibility(questionnaire, given);

function nav(currentSectionId: string | undefined) {
  return (
    <Router hook={memoryLocation({ path: '/' }).hook}>
      <SectionNav
        assessmentId="a1"
        questionnaire={questionnaire}
        answers={given}
        visibility={visibility}
        currentSectionId={currentSectionId}
        language="en"
      />
    </Router>
  );
}

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('the section list on a narrow screen', () => {
  it('is folded behind a button that names the current section and its progress', () => {
    render(nav('facts'));
    const toggle = screen.getByRole('button', { name: 'Sections 1. Facts 2 of 6' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(list).toHaveAttribute('data-open', 'false');
    expect(within(list as HTMLElement).getByRole('link', { name: 'Facts 2 of 6' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('opens and closes with the button, and Escape closes it and returns focus to the button', async () => {
    const user = userEvent.setup();
    render(nav('requirements'));
    const toggle = screen.getByRole('button', { name: /^Sections 2\. Requirements/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toHaveAttribute('data-open', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(screen.getByRole('link', { name: /^Facts/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('folds again once another section is chosen', async () => {
    const user = userEvent.setup();
    const { rerender } = render(nav('facts'));
    await user.click(screen.getByRole('button', { name: /^Sections 1\. Facts/ }));
    rerender(nav('requirements'));
    expect(screen.getByRole('button', { name: /^Sections 2\. Requirements/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('names the summary, with the overall progress, on the summary', () => {
    render(nav(undefined));
    expect(screen.getByRole('button', { name: 'Sections Summary 2 of 8' })).toBeInTheDocument();
  });
});
