import type { PDFDocument } from '@cantoo/pdf-lib';
import { ATTACHMENT_NAME } from '../engine/assessment-file';

/** A PDF name tree is shallow in practice; a hostile one may loop, so its walk is bounded. */
const MAX_NODES = 10_000;
/** The attachment is an assessment without its files: far below this. A compressed bomb stops here. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type PdfAttachment =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'pdfUnreadable'; detail: string }
  | { ok: false; problem: 'pdfNoAttachment' }
  | { ok: false; problem: 'attachmentTooLarge'; max: number };

export function looksLikePdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first KiB, as readers allow a little garbage before the header.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Finds the assessment.json that every Conformo report attaches (src/report/build-report.ts, `doc.attach`) in the
 * catalog's /Names /EmbeddedFiles name tree and returns its decoded bytes. pdf-lib is loaded here, only for PDFs.
 */
export async function extractAssessmentJson(bytes: Uint8Array): Promise<PdfAttachment> {
  const pdf = await import('@cantoo/pdf-lib');
  let doc: PDFDocument;
  try {
    doc = await pdf.PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    return { ok: false, problem: 'pdfUnreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return findAttachment(doc, pdf);
  } catch (error) {
    // A damaged or hostile PDF may break anywhere in its object graph.
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
  const pending: (typeof root)[] = [root];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < MAX_NODES) {
    const node = pending.pop();
    if (!node || seen.has(node)) continue;
    seen.add(node);
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i += 1) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) pending.push(kid);
    }
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
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
