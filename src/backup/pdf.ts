import type { PDFDocument } from '@cantoo/pdf-lib';
import { ATTACHMENT_NAME } from '../engine/assessment-file';
import { limitStructureStreams, PdfTooComplex, StepBudget, wasRefused } from './pdf-limits';

/** The attachment is an assessment without its files: far below this. A compressed bomb stops here. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type PdfAttachment =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'pdfUnreadable'; detail: string }
  | { ok: false; problem: 'pdfNoAttachment' }
  | { ok: false; problem: 'tooComplex' }
  | { ok: false; problem: 'attachmentTooLarge'; max: number };

/**
 * A PDF by its structure: the header opens the file (a JSON file that mentions "%PDF-" is JSON), and its last KiB
 * holds the cross-reference offset and the end-of-file marker, or it is a PDF that was cut short.
 */
export function pdfShape(bytes: Uint8Array): 'pdf' | 'truncatedPdf' | 'notPdf' {
  const latin1 = new TextDecoder('latin1');
  if (!/^%PDF-\d\.\d/.test(latin1.decode(bytes.subarray(0, 8)))) return 'notPdf';
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('startxref') && tail.includes('%%EOF') ? 'pdf' : 'truncatedPdf';
}

/**
 * Finds the assessment.json that every Conformo report attaches (src/report/build-report.ts, `doc.attach`) in the
 * catalog's /Names /EmbeddedFiles name tree and returns its decoded bytes. pdf-lib is loaded here, only for PDFs.
 */
export async function extractAssessmentJson(bytes: Uint8Array): Promise<PdfAttachment> {
  const pdf = await import('@cantoo/pdf-lib');
  limitStructureStreams(pdf);
  try {
    const doc = await pdf.PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    if (wasRefused(doc.context)) return { ok: false, problem: 'tooComplex' };
    return findAttachment(doc, pdf);
  } catch (error) {
    // A damaged or hostile PDF may break anywhere in its object graph.
    if (error instanceof PdfTooComplex) return { ok: false, problem: 'tooComplex' };
    return { ok: false, problem: 'pdfUnreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

type PdfLib = typeof import('@cantoo/pdf-lib');

function findAttachment(doc: PDFDocument, pdf: PdfLib): PdfAttachment {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } = pdf;
  const text = (value: unknown): string | undefined =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (!root) return { ok: false, problem: 'pdfNoAttachment' };
  // A node is queued once, however many parents list it; every kid and entry looked at costs a step.
  const budget = new StepBudget();
  const pending = [root];
  const seen = new Set<unknown>(pending);
  while (pending.length > 0) {
    const node = pending.pop() as NonNullable<typeof root>;
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i += 1) {
      budget.take();
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict && !seen.has(kid)) {
        seen.add(kid);
        pending.push(kid);
      }
    }
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      budget.take();
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const fileName =
        text(spec.lookup(PDFName.of('UF'))) ?? text(spec.lookup(PDFName.of('F'))) ?? text(pairs.lookup(i));
      if (fileName !== ATTACHMENT_NAME) continue;
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (!(stream instanceof PDFRawStream)) continue;
      // Decode at most one byte past the limit: a small PDF must not inflate into gigabytes.
      const decoded = decodePDFRawStream(stream).getBytes(MAX_ATTACHMENT_BYTES + 1);
      if (decoded.length > MAX_ATTACHMENT_BYTES) {
        return { ok: false, problem: 'attachmentTooLarge', max: MAX_ATTACHMENT_BYTES };
      }
      return { ok: true, bytes: new Uint8Array(decoded) };
    }
  }
  return { ok: false, problem: 'pdfNoAttachment' };
}
