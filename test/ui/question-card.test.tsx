import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/engine/types';
import { QuestionCard } from '../../src/ui/assessment/QuestionCard';
import { toggleChoice } from '../../src/ui/questions/MultipleChoiceInput';
import { fixtureQuestionnaire } from '../helpers';
import { i18n, renderWithRouter } from './render';

const questionnaire = fixtureQuestionnaire();
const byId = (id: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id) as Question;
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\u202egnp.exe';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

function renderCard(question: Question, answer?: Parameters<typeof QuestionCard>[0]['answer'], readOnly = false) {
  const onChange = vi.fn();
  renderWithRouter(
    <QuestionCard
      assessmentId="a1"
      readOnly={readOnly}
      files={[]}
      number="1.1"
      question={question}
      answer={answer}
      language="en"
      onChange={onChange}
      onCommit={() => {}}
    />,
  );
  return onChange;
}

describe('QuestionCard', () => {
  it('labels the conformity choices with the question and saves a click at once', async () => {
    const onChange = renderCard(byId('risk-system'));
    const group = screen.getByRole('radiogroup', { name: /Risk system\?/ });
    expect(group).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Partially conform' }));
    expect(onChange).toHaveBeenCalledWith('risk-system', { value: 'partial' }, undefined);
  });

  it('asks for a justification when a requirement does not apply', () => {
    renderCard(byId('risk-system'), { questionId: 'risk-system', value: 'notApplicable', updated: 'x' });
    expect(screen.getByLabelText('Why does this not apply?')).toBeInvalid();
    expect(screen.getByText('A justification is required when a requirement does not apply.')).toBeInTheDocument();
  });

  it('shows references, and help formatted when opened', async () => {
    renderCard(byId('system-description'));
    expect(screen.getByText('AI Act Annex IV(1)(a)')).toBeInTheDocument();
    await userEvent.click(screen.getByText('What this means'));
    expect((await screen.findByText('Plain')).tagName).toBe('STRONG');
  });

  it('renders hostile answers and comments as text, never as markup', () => {
    renderCard(byId('system-name'), { questionId: 'system-name', value: HOSTILE, comment: HOSTILE, updated: 'x' });
    expect(screen.getByRole('textbox', { name: /System name/ })).toHaveValue(HOSTILE);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('escapes HTML in help texts and drops javascript: links', async () => {
    const question: Question = {
      ...byId('system-description'),
      help: {
        en: `${HOSTILE} [click](javascript:alert(1)) [spec](https://eur-lex.europa.eu/eli/reg/2024/1689/oj)`,
        fr: 'x',
        de: 'x',
      },
    };
    renderCard(question);
    await userEvent.click(screen.getByText('What this means'));
    expect(await screen.findByRole('link', { name: 'spec' })).toBeInTheDocument();
    expect(document.querySelector('.help img, .help script')).toBeNull();
    expect(screen.queryByRole('link', { name: 'click' })).toBeNull();
    expect(screen.getByRole('link', { name: 'spec' })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('batches typing and commits on blur', async () => {
    const onChange = renderCard(byId('system-name'));
    await userEvent.type(screen.getByRole('textbox', { name: /System name/ }), 'ab');
    expect(onChange).toHaveBeenLastCalledWith('system-name', { value: 'ab' }, { immediate: false });
  });

  it('refuses a number outside its range with a message, and keeps the typed text', async () => {
    const onChange = renderCard(byId('staff'));
    const input = screen.getByRole('spinbutton');
    await userEvent.type(input, '-5');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number between 0 and 100,000.');
    expect(input).toHaveValue(-5);
    expect(onChange).not.toHaveBeenCalledWith('staff', { value: -5 }, expect.anything());
  });
});

describe('QuestionCard of a signed assessment', () => {
  it('shows the answer but lets nothing be changed', () => {
    renderCard(byId('risk-system'), { questionId: 'risk-system', value: 'conform', updated: 'x' }, true);
    expect(screen.getByRole('radio', { name: 'Conform' })).toBeChecked();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.getByLabelText('Your comment (actions, owners, evidence references)')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Clear the answer' })).toBeNull();
    expect(screen.queryByLabelText(/Attach evidence/)).toBeNull();
  });
});

describe('a carried-over answer', () => {
  it('says so and can be confirmed as it is', async () => {
    const onChange = renderCard(byId('risk-system'), {
      questionId: 'risk-system',
      value: 'conform',
      carriedOver: true,
      updated: 'x',
    });
    expect(screen.getByText(/Carried over from the previous assessment/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm this answer' }));
    expect(onChange).toHaveBeenCalledWith('risk-system', { confirm: true });
  });
});

describe('multiple choice', () => {
  const options = byId('uses').options ?? [];
  it('lets an exclusive option clear the others, and the others clear it', () => {
    expect(toggleChoice(options, ['biometric', 'hr'], 'none', true)).toEqual(['none']);
    expect(toggleChoice(options, ['none'], 'hr', true)).toEqual(['hr']);
    expect(toggleChoice(options, ['hr'], 'biometric', true)).toEqual(['biometric', 'hr']);
    expect(toggleChoice(options, ['biometric', 'hr'], 'hr', false)).toEqual(['biometric']);
  });
});
