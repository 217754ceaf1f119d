import type { TeamPerson, TeamRole } from './team-document';
import type { Answer, SignOff } from './types';

/**
 * What the database stores, one type per record, defined here once: storage keeps them, the backup format is derived
 * from them (src/backup/format.ts), state and ui read them. A field added here reaches every layer.
 */

export type AssessmentStatus = 'draft' | 'inProgress' | 'completed' | 'signed';

export interface AssessmentRecord {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  title: string;
  organisation: string;
  aiSystem: string;
  assessor: string;
  status: AssessmentStatus;
  created: string;
  updated: string;
  /** 1 for a first assessment; reopening a signed one starts the next revision, the signed one stays intact. */
  revision?: number;
  /** The signed assessment this revision reopened, or the assessment a re-assessment was duplicated from. */
  previousId?: string;
  archived?: boolean;
  signOff?: SignOff;
  /** Set once the assessment is shared with a team server (docs/team-mode.md); absent, it lives on this device only. */
  team?: TeamLink;
}

/** How this device takes part in a shared assessment: which share and revision, as whom. */
export interface TeamLink {
  shareId: string;
  revision: number;
  /** The invitation this device uses, a JWT the server checks on every connection. */
  token: string;
  person: TeamPerson;
  role: TeamRole;
  joined: string;
  /**
   * The owner changed the details (title, organisation, …) on this device since they last went into the team's
   * document. Only then does this device write them there: otherwise a device with older details would undo a
   * rename made on another one.
   */
  detailsChanged?: boolean;
}

/** An answer as stored: the engine's Answer, filed under its assessment. */
export interface AnswerRecord extends Answer {
  assessmentId: string;
  /** In a shared assessment, who made the change stored here. */
  updatedBy?: TeamPerson;
}

/** What a user gives for one question, without where and when. */
export type AnswerFields = Pick<Answer, 'value' | 'justification' | 'comment'>;

/** One change of one answer: when, what it was, what it became. */
export interface HistoryRecord {
  /** Auto-incremented by the database: the order changes happened in. */
  id?: number;
  assessmentId: string;
  questionId: string;
  at: string;
  before: AnswerFields;
  after: AnswerFields;
  /** In a shared assessment, who made the change (absent: this device's user). */
  by?: TeamPerson;
}

/** The largest evidence file stored, whether attached to a question or imported with a backup. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** A file attached to a question as evidence. */
export interface EvidenceRecord {
  id: string;
  assessmentId: string;
  questionId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  added: string;
  blob: Blob;
}
