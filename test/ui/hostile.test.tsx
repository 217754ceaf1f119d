import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/engine/load';
import type { Questionnaire } from '../../src/engine/types';
import { addEvidence } from '../../src/storage/evidence';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';
import { offerQuestionnaires, startApp } from './render';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '"><svg onload="window.__pwned=1">',
  '\u202Egnp.exe\u0007\u0000',
  'x'.repeat(100_000),
];
const payload = PAYLOADS.join(' ');
// Questionnaire strings are capped at 20,000 characters by the schema; user text is not.
const short = PAYLOADS.slice(0, 4).join(' ');
const text = (t: string) => ({ en: t, fr: t, de: t });

function hostileQuestionnaire(): Questionnaire {
  const q = structuredClone(fixtureQuestionnaire());
  q.title = text(`Title ${short}`);
  q.sections[0]!.title = text(`Section ${short}`);
  const role = q.sections[0]!.questions[0]!;
  role.text = text(`Role ${short}`);
  role.help = text(`Help ${short} [link](javascript:window.__pwned=1) <a href="javascript:alert(1)">a</a>`);
  role.options![0]!.label = text(`Provider ${short}`);
  const result = loadQuestionnaire(q);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.questionnaire;
}

beforeEach(() => startApp({ questionnaires: [], database: 'ui-hostile' }));

function expectInert() {
  expect(document.querySelector('main script, main img, main svg[onload], main [onerror]')).toBeNull();
  expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
}

describe('hostile content is shown as text and changes nothing', () => {
  it('in questionnaire strings, answers, comments, titles and evidence file names', async () => {
    const user = userEvent.setup();
    const questionnaire = hostileQuestionnaire();
    offerQuestionnaires(questionnaire);
    const record = await seedAssessment({
      questionnaire,
      title: `Assessment ${payload}`,
      organisation: payload,
      aiSystem: payload,
      assessor: payload,
      answers: { 'system-name': { value: payload, comment: payload } },
    });
    await addEvidence(record.id, 'role', new File(['x'], '<img src=x onerror=alert(1)>.pdf'));

    render(<App />);
    expect(await screen.findByRole('link', { name: /^Assessment <script>/ })).toBeInTheDocument();
    expectInert();

    window.location.hash = `#/assessments/${record.id}/sections/facts`;
    const role = await screen.findByRole('article', { name: /^1\.1 Role <script>/ });
    expect(within(role).getByRole('radio', { name: /^Provider <script>/ })).toBeInTheDocument();
    await user.click(within(role).getByText('What this means'));
    expect(await within(role).findByText(/Help <script>/)).toBeInTheDocument();
    expect(within(role).getByRole('button', { name: '<img src=x onerror=alert(1)>.pdf' })).toBeInTheDocument();
    expect(screen.getAllByDisplayValue(payload)).toHaveLength(2);
    expectInert();
  });

  it('shows characters that hide or reorder text as visible replacements, in titles, file names and labels', async () => {
    offerQuestionnaires(fixtureQuestionnaire());
    const record = await seedAssessment({ title: 'Policy \u202Efdp.exe' });
    await addEvidence(record.id, 'role', new File(['x'], 'minutes\u200B\u2066gnp.exe'));

    render(<App />);
    expect(await screen.findByRole('link', { name: 'Policy \uFFFDfdp.exe' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'PDF report: Policy \uFFFDfdp.exe' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/[\u200B\u202E\u2066]/);

    window.location.hash = `#/assessments/${record.id}/sections/facts`;
    const role = await screen.findByRole('article', { name: /^1\.1/ });
    expect(within(role).getByRole('button', { name: 'minutes\uFFFD\uFFFDgnp.exe' })).toBeInTheDocument();
    expect(within(role).getByRole('button', { name: /Remove minutes\uFFFD\uFFFDgnp\.exe/ })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/[\u200B\u202E\u2066]/);
  });
});
