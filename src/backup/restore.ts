import { ASSESSMENT_FILE_FORMAT, ASSESSMENT_FILE_FORMAT_VERSION } from '../engine/assessment-file';
import { decodedLength } from '../engine/base64';
import { checkDepth } from '../engine/depth';
import { validateBackupSchema } from '../engine/generated/validators.js';
import { MAX_EVIDENCE_BYTES } from '../engine/records';
import { simplifySchemaErrors } from '../engine/schema-errors';
import type { SchemaError } from '../engine/schema-validator';
import { type BackupError, type BackupResult, backupError } from './errors';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupEntry, type RestoredImport } from './format';
import { backupAnswer, backupAssessment, backupEvidence, backupHistory } from './records';

/** Keys that could reach a prototype if some code ever assigned them: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ERRORS = 100;

type Json = Record<string, unknown>;

function pointerOf(parent: string, key: string | number): string {
  return `${parent}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Walks without recursion (the depth is checked first, but a wide document must not cost a stack either). */
function findForbiddenKeys(data: unknown): BackupError[] {
  const errors: BackupError[] = [];
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const child = pointerOf(pointer, key);
      if (FORBIDDEN_KEYS.has(key)) errors.push(backupError(child, 'forbiddenKey', { key }));
      else stack.push([(node as Json)[key], child]);
    }
  }
  return errors;
}

/** Is this a Conformo file at all, and one this version can read? Asked before any detailed check. */
function identify(data: unknown): BackupError | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return backupError('', 'notConformo');
  const { format, formatVersion } = data as Json;
  const supported =
    format === BACKUP_FORMAT ? BACKUP_FORMAT_VERSION : format === ASSESSMENT_FILE_FORMAT ? undefined : null;
  if (supported === null) return backupError('', 'notConformo');
  const max = supported ?? ASSESSMENT_FILE_FORMAT_VERSION;
  if (typeof formatVersion === 'number' && formatVersion > max) {
    return backupError('/formatVersion', 'newerVersion', { version: formatVersion, supported: max });
  }
  return undefined;
}

/** An `anyOf` that failed is one error, not one per branch. */
function collapseAnyOf(errors: readonly SchemaError[]): SchemaError[] {
  const anyOf = errors.filter((e) => e.keyword === 'anyOf');
  return errors.filter(
    (e) =>
      !anyOf.some((a) => a !== e && e.instancePath === a.instancePath && e.schemaPath.startsWith(`${a.schemaPath}/`)),
  );
}

const EVIDENCE_SIZE = /^\/assessments\/\d+\/evidence\/\d+\/size$/;

function schemaErrors(): BackupError[] {
  const raw = collapseAnyOf(validateBackupSchema.errors ?? []);
  return simplifySchemaErrors(raw).map((error) =>
    error.schemaError?.keyword === 'maximum' && EVIDENCE_SIZE.test(error.pointer)
      ? backupError(error.pointer, 'evidenceTooLarge', { max: MAX_EVIDENCE_BYTES })
      : error,
  );
}

// Restoring, field by field into fresh objects (Excalidraw's restore.ts): the schema has already checked types, and
// only the records' own fields are copied (./records), so nothing else a file carries can reach the database.

function restoreEntry(data: Json): BackupEntry {
  return {
    assessment: backupAssessment(data.assessment),
    answers: (data.answers as unknown[]).map(backupAnswer),
    history: (data.history as unknown[]).map(backupHistory),
    evidence: (data.evidence as unknown[]).map(backupEvidence),
  };
}

function restoreDocument(data: Json): RestoredImport {
  if (data.format === ASSESSMENT_FILE_FORMAT) {
    return {
      kind: 'assessmentFile',
      scope: 'answers',
      exportedAt: String(data.exportedAt),
      entries: [
        {
          assessment: backupAssessment(data.assessment),
          answers: (data.answers as unknown[]).map(backupAnswer),
          history: [],
          evidence: [],
        },
      ],
    };
  }
  return {
    kind: 'backup',
    scope: 'full',
    exportedAt: String(data.exportedAt),
    entries: (data.assessments as Json[]).map(restoreEntry),
  };
}

/** What the schema cannot say: ids unique where the database needs them, evidence that can be what it claims. */
function checkEntries(restored: RestoredImport): BackupError[] {
  const errors: BackupError[] = [];
  const base = (i: number) => (restored.kind === 'backup' ? `/assessments/${i}` : '');
  const assessmentIds = new Set<string>();
  const evidenceIds = new Set<string>();
  restored.entries.forEach((entry, i) => {
    const id = entry.assessment.id;
    if (assessmentIds.has(id)) errors.push(backupError(`${base(i)}/assessment/id`, 'duplicateAssessment', { id }));
    assessmentIds.add(id);
    const questions = new Set<string>();
    entry.answers.forEach((answer, j) => {
      if (questions.has(answer.questionId)) {
        errors.push(backupError(`${base(i)}/answers/${j}/questionId`, 'duplicateAnswer', { id: answer.questionId }));
      }
      questions.add(answer.questionId);
    });
    entry.evidence.forEach((file, j) => {
      const pointer = `${base(i)}/evidence/${j}`;
      if (evidenceIds.has(file.id)) errors.push(backupError(`${pointer}/id`, 'duplicateEvidence', { id: file.id }));
      evidenceIds.add(file.id);
      const length = decodedLength(file.data);
      if (length === undefined) errors.push(backupError(`${pointer}/data`, 'evidenceBase64', { name: file.name }));
      else if (length !== file.size) {
        errors.push(
          backupError(`${pointer}/data`, 'evidenceSize', { name: file.name, size: file.size, actual: length }),
        );
      }
    });
  });
  return errors;
}

/**
 * Validates and restores what a user imports, before anything is written: a Conformo backup or the assessment
 * attached to a report. Never throws; errors are data with a JSON pointer. Evidence hashes are checked afterwards
 * (asynchronously) by verifyEvidence.
 */
export function restoreImport(data: unknown): BackupResult<RestoredImport> {
  const depthError = checkDepth(data);
  if (depthError) return { ok: false, errors: [depthError] };
  const forbidden = findForbiddenKeys(data);
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  const foreign = identify(data);
  if (foreign) return { ok: false, errors: [foreign] };
  if (!validateBackupSchema(data)) return { ok: false, errors: schemaErrors().slice(0, MAX_ERRORS) };
  const restored = restoreDocument(data as Json);
  const errors = checkEntries(restored);
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, value: restored };
}

/**
 * Objects and arrays a backup may hold. A backup of a hundred assessments of 1,000 questions with their history holds
 * about 1.5 million; each costs the parser some 50 bytes, so this keeps a parse within a few hundred MB, whereas 240 MB
 * of empty objects (80 million) takes a tab down.
 */
export const MAX_JSON_CONTAINERS = 4_000_000;

/** Counts `{` and `[` outside strings, skipping each string in one step, without building anything. */
export function hasMoreContainers(text: string, max: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        // Unterminated: JSON.parse says so.
        if (end < 0) return false;
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (code === 0x7b || code === 0x5b) {
      count += 1;
      if (count > max) return true;
    }
  }
  return false;
}

/** The text of a .json file (a byte-order mark is allowed); corrupted JSON is an error, never an exception. */
export function parseImport(text: string, maxContainers = MAX_JSON_CONTAINERS): BackupResult<RestoredImport> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [backupError('', 'emptyFile')] };
  if (hasMoreContainers(body, maxContainers)) return { ok: false, errors: [backupError('', 'tooComplex')] };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, errors: [backupError('', 'corrupted', { detail: (error as Error).message })] };
  }
  return restoreImport(data);
}
