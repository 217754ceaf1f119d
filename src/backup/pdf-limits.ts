import type { PDFRawStream } from '@cantoo/pdf-lib';

type PdfLib = typeof import('@cantoo/pdf-lib');

/**
 * An object or cross-reference stream of a Conformo report holds a few hundred KiB; this is far above that and far
 * below what takes a tab down. pdf-lib inflates these streams while loading, with no limit of its own.
 */
export const MAX_STRUCTURE_STREAM_BYTES = 16 * 1024 * 1024;

/** A structure of the PDF promises more than it holds, or more than reading it may cost: the file is refused. */
export class PdfTooComplex extends Error {
  override name = 'PdfTooComplex';
}

/** Inflates at most one byte past the limit: a few KiB of nested deflate cannot become gigabytes here. */
function boundedDecode(pdf: PdfLib, stream: PDFRawStream): ArrayLike<number> {
  const bytes = pdf.decodePDFRawStream(stream).getBytes(MAX_STRUCTURE_STREAM_BYTES + 1);
  if (bytes.length > MAX_STRUCTURE_STREAM_BYTES) throw new PdfTooComplex('a structure stream inflates too far');
  return bytes;
}

function integerOf(pdf: PdfLib, value: unknown): number {
  if (!(value instanceof pdf.PDFNumber)) throw new PdfTooComplex('a count is not a number');
  const number = value.asNumber();
  if (!Number.isSafeInteger(number) || number < 0) throw new PdfTooComplex('a count is not a whole number');
  return number;
}

/** /N objects, each named by two numbers in the stream's header: a larger /N cannot be true. */
function checkObjectStream(pdf: PdfLib, stream: PDFRawStream): void {
  const bytes = boundedDecode(pdf, stream);
  const count = integerOf(pdf, stream.dict.lookup(pdf.PDFName.of('N')));
  if (count * 4 > bytes.length) throw new PdfTooComplex('an object stream promises more objects than it holds');
}

/** Every entry /Index promises takes /W bytes: more entries than the stream's bytes is a loop, not a table. */
function checkXRefStream(pdf: PdfLib, stream: PDFRawStream): void {
  const bytes = boundedDecode(pdf, stream);
  const { dict } = stream;
  const widths = dict.lookup(pdf.PDFName.of('W'));
  if (!(widths instanceof pdf.PDFArray) || widths.size() !== 3) throw new PdfTooComplex('no /W of three widths');
  let entryWidth = 0;
  for (let i = 0; i < 3; i += 1) {
    const width = integerOf(pdf, widths.lookup(i));
    if (width > 8) throw new PdfTooComplex('a field wider than 8 bytes');
    entryWidth += width;
  }
  if (entryWidth === 0) throw new PdfTooComplex('entries of no width');
  const index = dict.lookup(pdf.PDFName.of('Index'));
  let entries = 0;
  if (index instanceof pdf.PDFArray) {
    for (let i = 1; i < index.size(); i += 2) entries += integerOf(pdf, index.lookup(i));
  } else {
    entries = integerOf(pdf, dict.lookup(pdf.PDFName.of('Size')));
  }
  if (entries * entryWidth > bytes.length) throw new PdfTooComplex('a cross-reference stream promises more entries');
}

const guarded = new WeakSet<object>();
/** pdf-lib catches what a stream parser throws and goes on: a refusal is recorded on the document being loaded. */
const refusedDocuments = new WeakSet<object>();

function checked(stream: PDFRawStream, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof PdfTooComplex) refusedDocuments.add(stream.dict.context);
    throw error;
  }
}

/** Did a structure stream of the document with this context fail its check while it loaded? */
export function wasRefused(context: object): boolean {
  return refusedDocuments.has(context);
}

/**
 * pdf-lib reads object and cross-reference streams while it loads a document, through these two factories; each is
 * wrapped once so that a stream is checked (bounded inflation, counts it can hold) before pdf-lib parses it. Legitimate
 * files pass unchanged; a hostile one stops with PdfTooComplex before it costs time or memory.
 */
export function limitStructureStreams(pdf: PdfLib): void {
  if (guarded.has(pdf.PDFObjectStreamParser)) return;
  guarded.add(pdf.PDFObjectStreamParser);
  const { PDFObjectStreamParser, PDFXRefStreamParser } = pdf;
  const objectStream = PDFObjectStreamParser.forStream;
  PDFObjectStreamParser.forStream = (stream, shouldWaitForTick) => {
    checked(stream, () => checkObjectStream(pdf, stream));
    return objectStream(stream, shouldWaitForTick);
  };
  const xrefStream = PDFXRefStreamParser.forStream;
  PDFXRefStreamParser.forStream = (stream) => {
    checked(stream, () => checkXRefStream(pdf, stream));
    return xrefStream(stream);
  };
}

/** At most this many name-tree entries and kids are looked at: a report's tree has one leaf with one file. */
export const MAX_NAME_TREE_STEPS = 100_000;

/** Counts work, not nodes: a shared /Kids array visited from many parents costs a step each time. */
export class StepBudget {
  private left: number;
  constructor(steps = MAX_NAME_TREE_STEPS) {
    this.left = steps;
  }
  take(): void {
    this.left -= 1;
    if (this.left < 0) throw new PdfTooComplex('the name tree is too large');
  }
}
