// @vitest-environment node
import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { extractAssessmentJson, MAX_ATTACHMENT_BYTES, pdfShape } from '../../src/backup/pdf';
import { type ImportFile, readImportFile } from '../../src/backup/read';
import { applyImport, planImport } from '../../src/storage/backup';
import { db, listAnswers, selectDatabase } from '../../src/storage/repository';
import { doublyDeflatedObjectStream, hugeXRefIndex, sharedKidsNameTree } from '../backup/hostile-files';
import { answers, fixtureQuestionnaire } from '../helpers';
import { ASSESSMENT, readBack, report } from '../report/report-helpers';

beforeEach(() => selectDatabase(`conformo-pdf-${crypto.randomUUID()}`));

const fileOf = (bytes: Uint8Array, name = 'report.pdf'): ImportFile => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
});

const ANSWERS = answers({
  conformity: { value: 'partial', comment: 'Seuil ≥ 95 % – « qualité »' },
  'single-choice': 'b',
  'multiple-choice': ['x', 'y'],
  'short-text': 'Chatbot « Léa » – 12 000 €',
  number: 42,
});

describe('importing a PDF report', () => {
  it('finds the assessment.json that buildReport attached, as qpdf does', async () => {
    const pdf = await report(fixtureQuestionnaire(), ANSWERS, 'fr');
    const attachment = await extractAssessmentJson(pdf);
    if (!attachment.ok) throw new Error(attachment.problem);
    const json = new TextDecoder().decode(attachment.bytes);
    expect(JSON.parse(json)).toEqual(JSON.parse(readBack(pdf).attachment()));
  });

  it('imports the assessment and its answers from a real report', async () => {
    const questionnaire = fixtureQuestionnaire();
    const pdf = await report(questionnaire, ANSWERS, 'de');
    const read = await readImportFile(fileOf(pdf));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value).toMatchObject({ source: 'pdf', scope: 'answers' });
    const plan = await planImport(read.value.entries, read.value.scope);
    const outcome = await applyImport(plan, new Map(), { copySuffix: ' (importiert)' });
    expect(outcome).toMatchObject({ ok: true, summary: { added: 1, ids: [ASSESSMENT.id] } });
    expect(await db().assessments.get(ASSESSMENT.id)).toMatchObject({
      ...ASSESSMENT,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
    });
    const stored = new Map((await listAnswers(ASSESSMENT.id)).map((a) => [a.questionId, a]));
    for (const [questionId, answer] of ANSWERS) {
      expect(stored.get(questionId)).toEqual({ assessmentId: ASSESSMENT.id, ...answer });
    }

    // The same report again: already present.
    const again = await readImportFile(fileOf(pdf));
    if (!again.ok) throw new Error('invalid');
    expect((await planImport(again.value.entries, again.value.scope)).items[0]?.status).toBe('identical');
  });

  it('refuses a PDF without the attachment and a damaged PDF, clearly', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();
    expect(await readImportFile(fileOf(await plain.save()))).toMatchObject({
      ok: false,
      errors: [{ pointer: '', code: 'pdfNoAttachment' }],
    });
    const other = await PDFDocument.create();
    other.addPage();
    await other.attach(new TextEncoder().encode('{}'), 'invoice.json', { mimeType: 'application/json' });
    expect(await readImportFile(fileOf(await other.save()))).toMatchObject({
      ok: false,
      errors: [{ code: 'pdfNoAttachment' }],
    });
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all');
    expect(await readImportFile(fileOf(garbage))).toMatchObject({ ok: false, errors: [{ code: 'pdfUnreadable' }] });
    const truncated = await report(fixtureQuestionnaire(), ANSWERS, 'en');
    const result = await readImportFile(fileOf(truncated.slice(0, 2000)));
    expect(result.ok).toBe(false);
  });
});

describe('a hostile PDF', () => {
  it('stops inflating an attachment past the limit (a compressed bomb)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await doc.attach(new Uint8Array(MAX_ATTACHMENT_BYTES + 1024), 'assessment.json', { mimeType: 'application/json' });
    const pdf = await doc.save();
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(await extractAssessmentJson(pdf)).toEqual({
      ok: false,
      problem: 'attachmentTooLarge',
      max: MAX_ATTACHMENT_BYTES,
    });
    expect(await readImportFile(fileOf(pdf))).toEqual({
      ok: false,
      errors: [{ pointer: '', code: 'attachmentTooLarge', params: { max: MAX_ATTACHMENT_BYTES } }],
    });
  });

  const refused = { ok: false, errors: [{ pointer: '', code: 'tooComplex', params: {} }] };

  it('stops an object stream deflated twice before it inflates (7 KB became 6 GB in pdf-lib)', async () => {
    const pdf = doublyDeflatedObjectStream();
    expect(pdf.length).toBeLessThan(16 * 1024);
    expect(await extractAssessmentJson(pdf)).toEqual({ ok: false, problem: 'tooComplex' });
    expect(await readImportFile(fileOf(pdf))).toEqual(refused);
  });

  it('refuses a cross-reference stream whose /Index promises more entries than it holds', async () => {
    expect(await readImportFile(fileOf(hugeXRefIndex()))).toEqual(refused);
  });

  it('walks a name tree whose nodes share one /Kids array within a bounded number of steps', async () => {
    expect(await readImportFile(fileOf(sharedKidsNameTree()))).toEqual(refused);
  });

  it('takes a file for a PDF by its structure, not by a "%PDF-" somewhere near its start', async () => {
    const pdf = await report(fixtureQuestionnaire(), ANSWERS, 'en');
    expect(pdfShape(pdf)).toBe('pdf');
    expect(pdfShape(pdf.subarray(0, 2000))).toBe('truncatedPdf');
    expect(pdfShape(new TextEncoder().encode('{"title": "%PDF-1.7 notes"}'))).toBe('notPdf');
    expect(pdfShape(new TextEncoder().encode(' %PDF-1.7\n'))).toBe('notPdf');
    expect(await readImportFile(fileOf(pdf.subarray(0, 2000)))).toMatchObject({
      ok: false,
      errors: [{ code: 'pdfUnreadable' }],
    });
  });
});
