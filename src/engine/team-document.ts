import * as Y from 'yjs';
import { sha256Hex } from './canonical';
import type { EvidenceRecord } from './records';
import { type SignedAssessment, signedContent } from './signed-content';
import type { Answer, AnswerValue } from './types';

/**
 * The shape of a team assessment in Yjs, shared by the app and the team server (docs/team-mode.md).
 *
 * Each revision of a shared assessment is two documents, so that the server enforces roles with Hocuspocus's own
 * read-only connections instead of parsing updates: `answers` (details and answers: owners and editors write) and
 * `review` (reviewer comments and replies: every role writes). Each answer is a Y.Map of its fields, so two
 * people changing the answer and the comment of one question both keep their change; the same field changed twice
 * converges on one value, decided by Yjs.
 */

export type TeamRole = 'owner' | 'editor' | 'reviewer' | 'validator';
export const TEAM_ROLES: readonly TeamRole[] = ['owner', 'editor', 'reviewer', 'validator'];

export type TeamDocumentPart = 'answers' | 'review';

export interface TeamPerson {
  /** Stable per invitation: the token's subject. */
  id: string;
  name: string;
}

export interface TeamAnswer extends Answer {
  updatedBy?: TeamPerson;
}

export interface ReviewComment {
  id: string;
  questionId: string;
  author: TeamPerson;
  role: TeamRole;
  at: string;
  text: string;
}

/** Which parts a role may change; the server makes every other connection read-only. */
export function canWrite(role: TeamRole, part: TeamDocumentPart): boolean {
  return part === 'review' || role === 'owner' || role === 'editor';
}

export function canSignOff(role: TeamRole): boolean {
  return role === 'owner' || role === 'validator';
}

export function canInvite(role: TeamRole): boolean {
  return role === 'owner';
}

const SHARE_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isShareId(text: string): boolean {
  return SHARE_ID.test(text);
}

export function documentName(shareId: string, revision: number, part: TeamDocumentPart): string {
  return `${shareId}/${revision}/${part}`;
}

export interface DocumentAddress {
  shareId: string;
  revision: number;
  part: TeamDocumentPart;
}

/** The address a document name stands for, or undefined for any name this app would not make. */
export function parseDocumentName(name: string): DocumentAddress | undefined {
  const [shareId, revisionText, part, ...rest] = name.split('/');
  if (rest.length > 0 || !shareId || !isShareId(shareId)) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(revisionText ?? '')) return undefined;
  if (part !== 'answers' && part !== 'review') return undefined;
  return { shareId, revision: Number(revisionText), part };
}

const DETAILS = 'details';
const ANSWERS = 'answers';
const COMMENTS = 'comments';
const DETAIL_FIELDS = [
  'questionnaireId',
  'questionnaireVersion',
  'title',
  'organisation',
  'aiSystem',
  'assessor',
  'revision',
] as const satisfies readonly (keyof SignedAssessment)[];
const ANSWER_FIELDS = ['value', 'justification', 'comment', 'updated', 'updatedBy', 'carriedOver'] as const;

export function writeDetails(doc: Y.Doc, details: SignedAssessment, origin?: unknown): void {
  const map = doc.getMap<unknown>(DETAILS);
  doc.transact(() => {
    for (const field of DETAIL_FIELDS) {
      const value = details[field];
      if (value === undefined) map.delete(field);
      else if (map.get(field) !== value) map.set(field, value);
    }
  }, origin);
}

export function readDetails(doc: Y.Doc): SignedAssessment | undefined {
  const map = doc.getMap<unknown>(DETAILS);
  if (typeof map.get('questionnaireId') !== 'string') return undefined;
  return Object.fromEntries(DETAIL_FIELDS.map((field) => [field, map.get(field)])) as unknown as SignedAssessment;
}

/** Calls back when a transaction changed the details, with its origin. */
export function watchDetails(doc: Y.Doc, onChange: (origin: unknown) => void): () => void {
  const map = doc.getMap<unknown>(DETAILS);
  const observer = (_event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => onChange(transaction.origin);
  map.observe(observer);
  return () => map.unobserve(observer);
}

function sameField(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/**
 * Writes answers field by field, touching only the fields that differ, so that an unchanged field never wins a
 * merge it had no part in.
 */
export function writeAnswers(doc: Y.Doc, answers: readonly TeamAnswer[], origin?: unknown): void {
  const all = doc.getMap<Y.Map<unknown>>(ANSWERS);
  doc.transact(() => {
    for (const answer of answers) {
      let fields = all.get(answer.questionId);
      if (!fields) {
        fields = new Y.Map<unknown>();
        all.set(answer.questionId, fields);
      }
      for (const field of ANSWER_FIELDS) {
        const value = answer[field];
        if (value === undefined) {
          if (fields.has(field)) fields.delete(field);
        } else if (!sameField(fields.get(field), value)) {
          fields.set(field, Array.isArray(value) ? [...value] : value);
        }
      }
    }
  }, origin);
}

function answerOf(questionId: string, fields: Y.Map<unknown>): TeamAnswer {
  const answer: TeamAnswer = { questionId, updated: String(fields.get('updated') ?? '') };
  const value = fields.get('value');
  if (value !== undefined) answer.value = value as AnswerValue;
  for (const field of ['justification', 'comment'] as const) {
    const text = fields.get(field);
    if (typeof text === 'string') answer[field] = text;
  }
  const by = fields.get('updatedBy') as TeamPerson | undefined;
  if (by && typeof by.name === 'string') answer.updatedBy = by;
  if (fields.get('carriedOver') === true) answer.carriedOver = true;
  return answer;
}

export function readAnswer(doc: Y.Doc, questionId: string): TeamAnswer | undefined {
  const fields = doc.getMap<Y.Map<unknown>>(ANSWERS).get(questionId);
  return fields instanceof Y.Map ? answerOf(questionId, fields) : undefined;
}

export function readAnswers(doc: Y.Doc): TeamAnswer[] {
  const answers: TeamAnswer[] = [];
  for (const [questionId, fields] of doc.getMap<Y.Map<unknown>>(ANSWERS)) {
    if (fields instanceof Y.Map) answers.push(answerOf(questionId, fields));
  }
  return answers;
}

/**
 * Calls back with the ids of the questions a transaction changed and its origin, for every transaction, local or
 * remote. Returns the function that stops watching.
 */
export function watchAnswers(
  doc: Y.Doc,
  onChange: (questionIds: Set<string>, origin: unknown, local: boolean) => void,
): () => void {
  const all = doc.getMap<Y.Map<unknown>>(ANSWERS);
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === all) for (const key of event.changes.keys.keys()) changed.add(key);
      else {
        const questionId = event.path[0];
        if (typeof questionId === 'string') changed.add(questionId);
      }
    }
    if (changed.size > 0) onChange(changed, transaction.origin, transaction.local);
  };
  all.observeDeep(observer);
  return () => all.unobserveDeep(observer);
}

export function addReviewComment(doc: Y.Doc, comment: ReviewComment, origin?: unknown): void {
  const comments = doc.getMap<Y.Array<ReviewComment>>(COMMENTS);
  doc.transact(() => {
    let list = comments.get(comment.questionId);
    if (!list) {
      list = new Y.Array<ReviewComment>();
      comments.set(comment.questionId, list);
    }
    list.push([comment]);
  }, origin);
}

export function readReviewComments(doc: Y.Doc): ReviewComment[] {
  const all: ReviewComment[] = [];
  for (const list of doc.getMap<Y.Array<ReviewComment>>(COMMENTS).values()) {
    if (list instanceof Y.Array) all.push(...list.toArray());
  }
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The content hash of a revision as stored in its answers document: what a team sign-off covers. */
export function teamContentHash(doc: Y.Doc): Promise<string> | undefined {
  const details = readDetails(doc);
  if (!details) return undefined;
  return sha256Hex(signedContent({ assessment: details, answers: readAnswers(doc) }));
}

/** What the team knows of an evidence file: its bytes stay out of the document, on the server by their SHA-256. */
export type TeamEvidence = Omit<EvidenceRecord, 'assessmentId' | 'blob'>;

const EVIDENCE = 'evidence';

export function writeEvidence(doc: Y.Doc, file: TeamEvidence, origin?: unknown): void {
  doc.transact(() => doc.getMap<TeamEvidence>(EVIDENCE).set(file.id, { ...file }), origin);
}

/**
 * Removed files are remembered by id: a device that was offline when a file was removed still holds it, and must
 * learn to drop it rather than share it again as a file the team lacks.
 */
const REMOVED_EVIDENCE = 'removedEvidence';

export function removeEvidence(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    doc.getMap<TeamEvidence>(EVIDENCE).delete(id);
    doc.getMap<true>(REMOVED_EVIDENCE).set(id, true);
  }, origin);
}

export function readEvidence(doc: Y.Doc): TeamEvidence[] {
  return [...doc.getMap<TeamEvidence>(EVIDENCE).values()];
}

export function wasEvidenceRemoved(doc: Y.Doc, id: string): boolean {
  return doc.getMap<true>(REMOVED_EVIDENCE).has(id);
}

/** Calls back with the evidence files a transaction added and removed, and its origin. */
export function watchEvidence(
  doc: Y.Doc,
  onChange: (added: TeamEvidence[], removed: string[], origin: unknown) => void,
): () => void {
  const files = doc.getMap<TeamEvidence>(EVIDENCE);
  const observer = (event: Y.YMapEvent<TeamEvidence>, transaction: Y.Transaction) => {
    const added: TeamEvidence[] = [];
    const removed: string[] = [];
    for (const [id, change] of event.changes.keys) {
      const file = files.get(id);
      if (change.action === 'delete') removed.push(id);
      else if (file) added.push(file);
    }
    onChange(added, removed, transaction.origin);
  };
  files.observe(observer);
  return () => files.unobserve(observer);
}
