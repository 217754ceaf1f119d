import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCatalog } from '../../src/state/catalog';
import { useSession } from '../../src/state/session';
import { App } from '../../src/ui/App';
import { freshDatabase, seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';
import { i18n } from './render';

const questionnaire = fixtureQuestionnaire();
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

beforeEach(async () => {
  freshDatabase('ui-hidden');
  useCatalog.setState({
    status: 'ready',
    entries: [{ source: 'all-types.json', result: { ok: true, questionnaire } }],
  });
  await act(() => useSession.getState().openStorage());
  await act(() => i18n.changeLanguage('en'));
});

async function openRequirements(answers: Record<string, string | string[]>) {
  const assessment = await seedAssessment({ answers });
  window.location.hash = `#/assessments/${assessment.id}/sections/requirements`;
  render(<App />);
  await screen.findByRole('heading', { level: 2, name: '2. Requirements' });
}

describe('questions hidden by a condition', () => {
  it('leave a note where they would be, saying which answer shows them; numbers keep their place', async () => {
    await openRequirements({ role: 'deployer', uses: ['none'] });
    const items = [...document.querySelectorAll('.section-content article, .section-content .hidden-note')];
    expect(items.map((item) => (item.tagName === 'ARTICLE' ? 'card' : plain(item.textContent)))).toEqual([
      'card',
      'Question 2.2 is not shown: it applies only when the answer to 1.2 (“Uses?”) includes “Biometrics”.',
      'Question 2.3 is not shown: it applies only when the answer to 1.1 (“Your role?”) is “Provider” and not (the answer to 1.2 (“Uses?”) includes “None”).',
    ]);
    expect(plain(items[0]?.textContent)).toMatch(/^2\.1\s*Risk system\?/);
  });

  it('say nothing when every question is shown', async () => {
    await openRequirements({ role: 'provider', uses: ['biometric'] });
    expect(document.querySelector('.hidden-note')).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });

  it('are explained in French and German', async () => {
    await openRequirements({ role: 'deployer', uses: ['hr'] });
    await act(() => i18n.changeLanguage('fr'));
    expect(plain(document.querySelector('.hidden-note')?.textContent)).toBe(
      'La question 2.2 n’est pas affichée : elle ne s’applique que si la réponse à 1.2 (« Usages ? ») comprend « Biométrie ».',
    );
    await act(() => i18n.changeLanguage('de'));
    expect(plain(document.querySelector('.hidden-note')?.textContent)).toBe(
      'Frage 2.2 wird nicht angezeigt: Sie gilt nur, wenn die Antwort auf 1.2 („Verwendungen?“) „Biometrie“ enthält.',
    );
  });
});
