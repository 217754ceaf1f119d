import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCatalog } from '../../src/state/catalog';
import { useSession } from '../../src/state/session';
import { App } from '../../src/ui/App';
import { freshDatabase, seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire, ROOT } from '../helpers';
import { captureDownloads, type Download, i18n } from './render';

// jsdom cannot fetch the app's font files: the report gets them from node_modules, as the build ships them.
vi.mock('../../src/state/report-fonts', () => ({
  loadReportFonts: async () => {
    const font = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf', name)));
    return { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
  },
}));

const questionnaire = fixtureQuestionnaire();
let downloads: Download[];

beforeEach(async () => {
  freshDatabase('ui-exports');
  useCatalog.setState({
    status: 'ready',
    entries: [{ source: 'all-types.json', result: { ok: true, questionnaire } }],
  });
  await act(() => useSession.getState().openStorage());
  await act(() => i18n.changeLanguage('en'));
  window.location.hash = '';
  downloads = captureDownloads();
});
afterEach(() => vi.restoreAllMocks());

const seedTwo = async () => {
  const triage = await seedAssessment({ title: 'Triage 2026', answers: { role: 'provider' } });
  await seedAssessment({ title: 'Chatbot 2026', answers: { role: 'deployer' } });
  return triage;
};

function downloaded(index: number): Blob {
  const file = downloads[index];
  if (!file) throw new Error(`download ${index} did not happen`);
  return file.blob;
}

const card = async (title: string) => (await screen.findByRole('link', { name: title })).closest('li') as HTMLElement;

describe('exporting one assessment', () => {
  it('is offered on its card on the home screen: the JSON backup holds that assessment only', async () => {
    const user = userEvent.setup();
    const triage = await seedTwo();
    render(<App />);
    const item = await card('Triage 2026');
    await user.click(within(item).getByRole('button', { name: 'JSON backup: Triage 2026' }));
    expect(
      await within(item).findByText(/^The backup conformo-backup-triage-2026-\d{4}-\d{2}-\d{2}\.json has been/),
    ).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    const backup = JSON.parse(await downloaded(0).text());
    expect(backup.assessments.map((a: { assessment: { id: string } }) => a.assessment.id)).toEqual([triage.id]);
  });

  it('is offered on its card as a PDF report in the interface language', async () => {
    const user = userEvent.setup();
    await seedTwo();
    render(<App />);
    const item = await card('Chatbot 2026');
    await user.click(within(item).getByRole('button', { name: 'PDF report: Chatbot 2026' }));
    expect(await within(item).findByText('The report has been downloaded.', {}, { timeout: 15_000 })).toBeVisible();
    expect(downloads[0]?.name).toMatch(/^conformo-chatbot-2026-en-\d{4}-\d{2}-\d{2}\.pdf$/);
    const head = new TextDecoder().decode(new Uint8Array(await downloaded(0).arrayBuffer()).slice(0, 5));
    expect(head).toBe('%PDF-');
  });

  it('offers no report for an assessment whose questionnaire this version lacks, but still its backup', async () => {
    await seedAssessment({ title: 'Old one', questionnaire: { id: 'retired', version: '0.1.0' } });
    render(<App />);
    const item = await card('Old one');
    expect(within(item).queryByRole('button', { name: /^PDF report/ })).toBeNull();
    expect(within(item).getByRole('button', { name: 'JSON backup: Old one' })).toBeEnabled();
  });

  it('is offered on its summary, the backup beside the report', async () => {
    const user = userEvent.setup();
    const triage = await seedTwo();
    window.location.hash = `#/assessments/${triage.id}/summary`;
    render(<App />);
    const exports = await screen.findByRole('region', { name: 'Export this assessment' });
    expect(within(exports).getByRole('button', { name: 'Export the PDF report' })).toBeEnabled();
    await user.click(within(exports).getByRole('button', { name: 'Export a JSON backup' }));
    expect(await within(exports).findByText(/^The backup conformo-backup-triage-2026-/)).toBeInTheDocument();
    const backup = JSON.parse(await downloaded(0).text());
    expect(backup.assessments).toHaveLength(1);
  });
});
