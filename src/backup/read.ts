import { activeContentOf } from './active-content';
import { type BackupResult, backupError } from './errors';
import { type VerifiedEntry, verifyEvidence } from './evidence';
import { MAX_IMPORT_BYTES, type RestoredImport } from './format';
import { extractAssessmentJson, pdfShape } from './pdf';
import { parseImport } from './restore';
import { checkSignOffs, type UnsignedOnImport } from './sign-offs';

/** What a file input gives (a File); tests pass plain objects. */
export interface ImportFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadImport {
  /** A backup, the assessment.json of a report, or that same JSON found inside a PDF report. */
  source: 'backup' | 'assessmentFile' | 'pdf';
  scope: RestoredImport['scope'];
  entries: VerifiedEntry[];
  /** Signed assessments whose content hash did not match: they are imported as not signed off. */
  unsigned: UnsignedOnImport[];
  /** Names of evidence files of a kind that can run code when opened (HTML, SVG, scripts, programs). */
  activeContent: string[];
}

/**
 * Reads and checks an imported file completely, writing nothing: size (before reading), PDF or JSON, format and
 * version, schema, hostile content, evidence hashes. Errors are data; this never throws on bad input.
 */
export async function readImportFile(file: ImportFile, maxBytes = MAX_IMPORT_BYTES): Promise<BackupResult<ReadImport>> {
  if (file.size > maxBytes) {
    return { ok: false, errors: [backupError('', 'tooLarge', { size: file.size, max: maxBytes })] };
  }
  if (file.size === 0) return { ok: false, errors: [backupError('', 'emptyFile')] };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let json: Uint8Array = bytes;
  const shape = pdfShape(bytes);
  if (shape === 'truncatedPdf') {
    return { ok: false, errors: [backupError('', 'pdfUnreadable', { detail: 'no end of file' })] };
  }
  const pdf = shape === 'pdf';
  if (pdf) {
    const attachment = await extractAssessmentJson(bytes);
    if (!attachment.ok) {
      const { ok: _ok, problem, ...params } = attachment;
      return { ok: false, errors: [backupError('', problem, params)] };
    }
    json = attachment.bytes;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return { ok: false, errors: [backupError('', 'corrupted', { detail: 'not UTF-8 text' })] };
  }
  const restored = parseImport(text);
  if (!restored.ok) return restored;
  const verified = await verifyEvidence(restored.value);
  if (!verified.ok) return verified;
  const { entries, unsigned } = await checkSignOffs(verified.value);
  const { kind, scope } = restored.value;
  return {
    ok: true,
    value: { source: pdf ? 'pdf' : kind, scope, entries, unsigned, activeContent: activeContentOf(entries) },
  };
}
