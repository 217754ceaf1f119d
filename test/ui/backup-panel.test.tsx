import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackup } from '../../src/state/backup';
import { addEvidence } from '../../src/storage/evidence';
import { createAssessment, db, listAnswers, saveAnswers, selectDatabase } from '../../src/storage/repository';
import { BackupPanel } from '../../src/ui/backup/BackupPanel';
import { captureDownloads, type Download, i18n, renderWithRouter } from './render';

const INITIAL = useBackup.getState();
let downloads: Download[];

beforeEach(async () => {
  selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);
  useBackup.setState(INITIAL, true);
  await i18n.changeLanguage('en');
  downloads = captureDownloads();
});
afterEach(() => vi.restoreAllMocks());

const seed = async (title = 'Triage 2026') => {
  const assessment = await createAssessment({
    questionnaireId: 'ai-literacy-prohibited',
    questionnaireVersion: '1.0.0',
    title,
    organisation: 'Hôpital du Nord',
    aiSystem: 'Triage',
    assessor: 'A. Martin',
  });
  await saveAnswers([{ assessmentId: assessment.id, questionId: 'q1', value: 'conform' }]);
  return assessment;
};

const jsonFile = (content: unknown, name = 'backup.json') =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

/** The alert saying this, not the one the previous file left on screen until the new import clears it. */
async function refusal(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(text);
    return alert;
  });
}

async function exportEverything(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Export everything' }));
  await screen.findByText(/The backup conformo-backup-\d{4}-\d{2}-\d{2}\.json has been downloaded\./);
  const last = downloads.at(-1);
  if (!last) throw new Error('nothing downloaded');
  return last;
}

describe('the backup panel', () => {
  it('exports everything and one assessment as downloads', async () => {
    const user = userEvent.setup();
    await seed();
    renderWithRouter(<BackupPanel />);
    const all = await exportEverything(user);
    expect(all.name).toMatch(/^conformo-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(await all.blob.text());
    expect(document).toMatchObject({ format: 'conformo.backup', formatVersion: 1, app: 'Conformo' });
    expect(document.assessments[0].answers[0]).toMatchObject({ questionId: 'q1', value: 'conform' });

    await user.click(screen.getByText('Export one assessment'));
    await user.click(screen.getByRole('button', { name: 'Export JSON: Triage 2026' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]?.name).toMatch(/^conformo-backup-triage-2026-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('imports a backup into an empty database and reports it', async () => {
    const user = userEvent.setup();
    const { id } = await seed();
    renderWithRouter(<BackupPanel />);
    const { blob } = await exportEverything(user);
    selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);

    await user.upload(screen.getByLabelText('Import a backup or report'), jsonFile(await blob.text()));
    expect(await screen.findByText('1 assessment imported.')).toHaveAttribute('role', 'status');
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['conform']);

    await user.upload(screen.getByLabelText('Import a backup or report'), jsonFile(await blob.text()));
    await screen.findByText('1 assessment already present: nothing to import.');
    expect(await db().assessments.count()).toBe(1);
  });

  it('warns, in French too, that a sign-off that does not match its answers was not kept', async () => {
    const user = userEvent.setup();
    const { id } = await seed('Triage « signé »');
    renderWithRouter(<BackupPanel />);
    const document = JSON.parse(await (await exportEverything(user)).blob.text());
    document.assessments[0].assessment.status = 'signed';
    document.assessments[0].assessment.signOff = {
      name: 'Forger',
      role: 'None',
      date: '2026-11-29',
      statement: 'Reviewed.',
      contentHash: '0'.repeat(64),
      signedAt: '2026-11-29T10:00:00.000Z',
    };
    selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);
    await act(() => i18n.changeLanguage('fr'));

    await user.upload(screen.getByLabelText('Importer une sauvegarde ou un rapport'), jsonFile(document));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '« Triage « signé » » comportait une validation dont l’empreinte ne correspond pas à ses réponses',
    );
    expect((await db().assessments.get(id))?.status).toBe('inProgress');
  });

  it('imports evidence files that could run code when opened, and says which, in German too', async () => {
    const user = userEvent.setup();
    const { id } = await seed();
    const page = new File(['<script>alert(1)</script>'], 'rapport.html', { type: 'text/html' });
    const hidden = new File(['<svg/>'], 'logo.png', { type: 'image/svg+xml' });
    const plain = new File(['policy'], 'policy.txt', { type: 'text/plain' });
    for (const file of [page, hidden, plain]) await addEvidence(id, 'q1', file);
    renderWithRouter(<BackupPanel />);
    const backup = await exportEverything(user);
    selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);
    await act(() => i18n.changeLanguage('de'));

    await user.upload(screen.getByLabelText('Sicherung oder Bericht importieren'), jsonFile(await backup.blob.text()));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Einige Nachweisdateien dieser Sicherung sind von einer Art, die beim Öffnen Code ausführen kann: „logo.png“ und „rapport.html“.',
    );
    expect(alert).not.toHaveTextContent('policy.txt');
    expect((await db().evidence.toArray()).map((file) => file.name).sort()).toEqual([
      'logo.png',
      'policy.txt',
      'rapport.html',
    ]);
  });

  it('shows located errors in the user’s language and writes nothing', async () => {
    const user = userEvent.setup();
    renderWithRouter(<BackupPanel />);
    await user.upload(screen.getByLabelText('Import a backup or report'), jsonFile('{"format": "conformo.backup", '));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('backup.json was not imported. Nothing has been changed on this device.');
    expect(alert).toHaveTextContent('The file is damaged or is not JSON');

    await act(() => i18n.changeLanguage('fr'));
    const input = screen.getByLabelText('Importer une sauvegarde ou un rapport');
    await user.upload(input, jsonFile({ type: 'excalidraw', elements: [] }, 'dessin.json'));
    await refusal('Ce n’est pas une sauvegarde Conformo : le fichier a été écrit par un autre programme');

    await user.upload(input, jsonFile({ format: 'conformo.backup', formatVersion: 9 }, 'future.json'));
    await refusal('écrite par une version plus récente de Conformo');

    await act(() => i18n.changeLanguage('de'));
    const bad = {
      format: 'conformo.backup',
      formatVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      app: 'Conformo',
      assessments: [{ assessment: { id: 'x' }, answers: [{ questionId: 1 }], history: [], evidence: [] }],
    };
    await user.upload(screen.getByLabelText('Sicherung oder Bericht importieren'), jsonFile(bad, 'kaputt.json'));
    const errors = await refusal('kaputt.json wurde nicht importiert.');
    expect(errors).toHaveTextContent('Bewertung 1, Antwort 1');
    expect(errors).toHaveTextContent('/assessments/0/answers/0/questionId');
    expect(await db().assessments.count()).toBe(0);
  });

  it('refuses a file over 200 MB before reading it, in MB of the user’s language', async () => {
    const user = userEvent.setup();
    await act(() => i18n.changeLanguage('fr'));
    renderWithRouter(<BackupPanel />);
    const huge = jsonFile('{}', 'énorme.json');
    Object.defineProperty(huge, 'size', { value: 320.5 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    await user.upload(await screen.findByLabelText('Importer une sauvegarde ou un rapport'), huge);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le fichier pèse 320,5 Mo ; seuls les fichiers jusqu’à 200 Mo peuvent être importés.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('asks about an assessment already stored: keep both, never replace with older data', async () => {
    const user = userEvent.setup();
    const { id } = await seed();
    renderWithRouter(<BackupPanel />);
    const { blob } = await exportEverything(user);
    const text = await blob.text();
    await saveAnswers([{ assessmentId: id, questionId: 'q1', value: 'partial' }], new Date(Date.now() + 60_000));

    const input = screen.getByLabelText('Import a backup or report');
    await user.upload(input, jsonFile(text));
    const dialog = await screen.findByRole('dialog', { name: 'Already on this device' });
    const keepBoth = within(dialog).getByRole('radio', { name: 'Keep both: import it as “Triage 2026 (imported)”' });
    expect(keepBoth).toBeChecked();
    expect(keepBoth).toHaveFocus();
    expect(within(dialog).queryByRole('radio', { name: /Replace/ })).toBeNull();
    expect(dialog).toHaveTextContent('Replacing is not offered');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db().assessments.count()).toBe(1);

    await user.upload(input, jsonFile(text));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('1 assessment imported as a copy, next to the one already on this device.');
    const titles = (await db().assessments.toArray()).map((a) => a.title).sort();
    expect(titles).toEqual(['Triage 2026', 'Triage 2026 (imported)']);
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['partial']);
  });

  it('offers to replace an older stored assessment with the newer one from the file', async () => {
    const user = userEvent.setup();
    const { id } = await seed();
    renderWithRouter(<BackupPanel />);
    const older = await (await exportEverything(user)).blob.text();
    await saveAnswers([{ assessmentId: id, questionId: 'q1', value: 'partial' }], new Date(Date.now() + 60_000));
    const newer = await (await exportEverything(user)).blob.text();

    selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);
    const input = screen.getByLabelText('Import a backup or report');
    await user.upload(input, jsonFile(older));
    await screen.findByText('1 assessment imported.');
    await user.upload(input, jsonFile(newer));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: /^Replace the one on this device/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await screen.findByText('1 assessment replaced by the newer version from the file.');
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['partial']);
    expect(await db().assessments.count()).toBe(1);
  });

  it('writes nothing and says why when the stored assessment changes while the user chooses', async () => {
    const user = userEvent.setup();
    const { id } = await seed();
    renderWithRouter(<BackupPanel />);
    const older = await (await exportEverything(user)).blob.text();
    await saveAnswers([{ assessmentId: id, questionId: 'q1', value: 'partial' }], new Date(Date.now() + 60_000));
    const newer = await (await exportEverything(user)).blob.text();

    selectDatabase(`conformo-ui-backup-${crypto.randomUUID()}`);
    const input = screen.getByLabelText('Import a backup or report');
    await user.upload(input, jsonFile(older));
    await screen.findByText('1 assessment imported.');
    await user.upload(input, jsonFile(newer));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: /^Replace the one on this device/ }));
    // Another tab changes the stored assessment after this one: the file's version is no longer the newer one.
    await saveAnswers([{ assessmentId: id, questionId: 'q1', value: 'nonConform' }], new Date(Date.now() + 120_000));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await refusal('Assessments changed in another tab while you were choosing. Nothing was imported');
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['nonConform']);
  });
});
