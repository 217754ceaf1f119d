import type { AnswerRecord, AssessmentRecord, TeamLink } from '../engine/records';
import type { SignedAssessment } from '../engine/signed-content';
import type { TeamAnswer } from '../engine/team-document';
import type { SignOff } from '../engine/types';
import { guarded } from './errors';
import { db, fieldsOf, recordHistory, sameFields } from './repository';

/**
 * The local side of a shared assessment: the answers table stays what every screen reads, and what the team's
 * document holds is written into it here, with the history of every change (the value that lost a merge included).
 */

export function linkToTeam(assessmentId: string, team: TeamLink): Promise<void> {
  return guarded(async () => {
    await db().assessments.update(assessmentId, { team });
  });
}

export function findShared(shareId: string): Promise<AssessmentRecord[]> {
  return guarded(() => db().assessments.where('team.shareId').equals(shareId).toArray());
}

/** A local record of a team answer, or undefined when the local one already says the same. */
function recordOf(assessmentId: string, answer: TeamAnswer): AnswerRecord {
  const record: AnswerRecord = { ...answer, assessmentId };
  if (!answer.updatedBy) delete record.updatedBy;
  return record;
}

/**
 * Writes answers that came from the team's document (another person, another tab, this device's own earlier state)
 * into the answers table, each change into the history with its author. Answers whose fields are already those
 * stored are left alone, so that a document echoing this tab's own writes costs nothing. Returns what changed.
 */
export function applyTeamAnswers(assessmentId: string, answers: readonly TeamAnswer[]): Promise<AnswerRecord[]> {
  if (answers.length === 0) return Promise.resolve([]);
  return guarded(() =>
    db().transaction('rw', db().answers, db().history, db().assessments, async () => {
      const assessment = await db().assessments.get(assessmentId);
      if (!assessment || assessment.status === 'signed') return [];
      const changed: AnswerRecord[] = [];
      for (const answer of answers) {
        const stored = await db().answers.get([assessmentId, answer.questionId]);
        const next = recordOf(assessmentId, answer);
        if (stored && sameFields(fieldsOf(stored), fieldsOf(next)) && stored.carriedOver === next.carriedOver) continue;
        await db().answers.put(next);
        await recordHistory(
          assessmentId,
          answer.questionId,
          fieldsOf(stored),
          fieldsOf(next),
          next.updated,
          next.updatedBy,
          true,
        );
        changed.push(next);
      }
      if (changed.length > 0) {
        await db().assessments.update(assessmentId, {
          updated: new Date().toISOString(),
          status: assessment.status === 'draft' ? 'inProgress' : assessment.status,
        });
      }
      return changed;
    }),
  );
}

/** The team's validator signed this revision on the server: it becomes read-only here too. */
export function markSignedByTeam(assessmentId: string, signOff: SignOff): Promise<void> {
  return guarded(async () => {
    await db().assessments.update(assessmentId, { status: 'signed', signOff, updated: signOff.signedAt });
  });
}

/** The details the owner edits; the questionnaire and the revision are the share's, never changed this way. */
const OWNER_DETAILS = ['title', 'organisation', 'aiSystem', 'assessor'] as const;

/** The owner's details as the team's document has them, into this device's record: returns whether they changed. */
export function applyTeamDetails(assessmentId: string, details: SignedAssessment): Promise<boolean> {
  return guarded(() =>
    db().transaction('rw', db().assessments, async () => {
      const assessment = await db().assessments.get(assessmentId);
      if (!assessment) return false;
      const changes: Partial<Pick<AssessmentRecord, (typeof OWNER_DETAILS)[number]>> = {};
      for (const field of OWNER_DETAILS) {
        const value = details[field];
        if (typeof value === 'string' && value !== assessment[field]) changes[field] = value;
      }
      if (Object.keys(changes).length === 0) return false;
      await db().assessments.update(assessmentId, changes);
      return true;
    }),
  );
}

/** The owner's changed details are in the team's document now: later ones come from there. */
export function markDetailsShared(assessmentId: string): Promise<void> {
  return guarded(async () => {
    const assessment = await db().assessments.get(assessmentId);
    if (assessment?.team?.detailsChanged) {
      await db().assessments.update(assessmentId, { team: { ...assessment.team, detailsChanged: false } });
    }
  });
}
