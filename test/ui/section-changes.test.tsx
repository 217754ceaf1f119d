import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { computeVisibility } from '../../src/engine/progress';
import type { TeamAnswer } from '../../src/engine/team-document';
import { SectionNav } from '../../src/ui/assessment/SectionNav';
import { answers, fixtureQuestionnaire } from '../helpers';
import { i18n } from './render';

const questionnaire = fixtureQuestionnaire();
const ANA = { id: 'p-ana', name: 'Ana Costa' };
const ME = { id: 'p-me', name: 'Me' };
const LAST_OPENED = '2026-12-01T09:00:00.000Z';

/** `null`: this device has never had the assessment open. */
function nav(given: ReadonlyMap<string, TeamAnswer>, lastOpened: string | null = LAST_OPENED) {
  return (
    <Router hook={memoryLocation({ path: '/' }).hook}>
      <SectionNav
        assessmentId="a1"
        questionnaire={questionnaire}
        answers={given}
        visibility={computeVisibility(questionnaire, given)}
        currentSectionId="facts"
        language="en"
        changedSince={lastOpened ?? undefined}
        personId={ME.id}
      />
    </Router>
  );
}

const MARK = 'changed since you last opened it';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('sections changed since this person last opened the assessment', () => {
  it('are marked when someone else changed one of their answers after that', () => {
    render(
      nav(
        answers({
          role: { value: 'provider', updated: '2026-12-02T10:00:00.000Z', updatedBy: ANA } as TeamAnswer,
          'risk-system': { value: 'conform', updated: '2026-11-30T10:00:00.000Z', updatedBy: ANA } as TeamAnswer,
        }),
      ),
    );
    expect(screen.getByRole('link', { name: `Facts 1 of 6 ${MARK}` })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Requirements 1 of 2' })).toBeInTheDocument();
    expect(document.querySelectorAll('.section-changed')).toHaveLength(1);
    expect(document.querySelector('.section-changed')).toHaveAttribute('aria-hidden', 'true');
  });

  it('are not marked for this person’s own changes, changes without an author, or on a first visit', () => {
    const given = answers({
      role: { value: 'provider', updated: '2026-12-02T10:00:00.000Z', updatedBy: ME } as TeamAnswer,
      'risk-system': { value: 'conform', updated: '2026-12-02T10:00:00.000Z' },
    });
    const { rerender } = render(nav(given));
    expect(screen.queryByText(MARK)).toBeNull();
    const byAna = answers({
      role: { value: 'provider', updated: '2026-12-02T10:00:00.000Z', updatedBy: ANA } as TeamAnswer,
    });
    rerender(nav(byAna, null));
    expect(screen.queryByText(MARK)).toBeNull();
    rerender(nav(byAna));
    expect(screen.getByText(MARK)).toBeInTheDocument();
  });

  it('say so in French and German', async () => {
    render(
      nav(answers({ role: { value: 'provider', updated: '2026-12-02T10:00:00.000Z', updatedBy: ANA } as TeamAnswer })),
    );
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByText('modifiée depuis votre dernière consultation')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('de'));
    expect(screen.getByText('seit Ihrem letzten Besuch geändert')).toBeInTheDocument();
  });
});
