import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { sameAnswer } from '../engine/answers';
import type { AnswerRecord, AssessmentRecord, TeamLink } from '../engine/records';
import {
  addReviewComment,
  documentName,
  type ReviewComment,
  readAnswer,
  readAnswers,
  readDetails,
  readEvidence,
  readReviewComments,
  removeEvidence,
  type TeamAnswer,
  type TeamEvidence,
  type TeamPerson,
  type TeamRole,
  wasEvidenceRemoved,
  watchAnswers,
  watchDetails,
  watchEvidence,
  writeAnswers,
  writeDetails,
  writeEvidence,
} from '../engine/team-document';
import {
  type EvidenceChange,
  listEvidence,
  onEvidenceChanged,
  removeTeamEvidence,
  sha256OfBlob,
  storeTeamEvidence,
} from './evidence';
import { getAssessment, listAnswers, onAnswersWritten } from './repository';
import { downloadEvidence, uploadEvidence } from './team-api';
import { addPending, clearPending, loadDocument, pendingOf, releaseDocument } from './team-db';
import { applyTeamAnswers, applyTeamDetails, markDetailsShared } from './team-records';

/**
 * One shared assessment kept in step with the team's server: its two Yjs documents loaded from IndexedDB (y-dexie),
 * synced by Hocuspocus, and projected into the answers table every screen reads. Merging is Yjs's; this module only
 * moves answers between the table and the document: this tab's durable writes into the document, everything else the
 * document learns (other people, other tabs, the device's own earlier state) into the table.
 */

export type TeamConnectionStatus = 'connecting' | 'syncing' | 'synced' | 'offline' | 'refused';

export interface TeamPresence {
  clientId: number;
  person: TeamPerson;
  role: TeamRole;
  sectionId?: string;
}

export interface TeamSyncState {
  status: TeamConnectionStatus;
  /** Answers changed here that the server has not acknowledged yet. */
  waiting: number;
  /** The server's reason when it refused the connection (docs/team-mode.md, error codes). */
  refusal?: string;
  /** The server grants this device read access only (its role, or a sealed revision). */
  readOnly: boolean;
  /** Everyone else on this assessment now. */
  others: TeamPresence[];
  reviewComments: ReviewComment[];
}

export interface TeamEvents {
  onState: (state: TeamSyncState) => void;
  /** The server says the revision was signed off, or that a next revision was started. */
  onStateless: (message: { type: string; revision?: number }) => void;
}

/** Marks transactions made here from this tab's own writes, so that they are not projected back. */
const FROM_THIS_TAB = Symbol('conformo: this tab');

export function collabUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/collab`;
}

/** Differs from the other in what a person gave (value, justification, comment), not only when. */
function differs(a: TeamAnswer | AnswerRecord, b: TeamAnswer | AnswerRecord): boolean {
  return !sameAnswer({ ...a, updated: '' }, { ...b, updated: '' });
}

export class TeamConnection {
  private readonly socket: HocuspocusProviderWebsocket;
  private answersProvider?: HocuspocusProvider;
  private reviewProvider?: HocuspocusProvider;
  private answersDoc?: Y.Doc;
  private reviewDoc?: Y.Doc;
  private readonly stops: (() => void)[] = [];
  private closed = false;
  private state: TeamSyncState = { status: 'connecting', waiting: 0, readOnly: false, others: [], reviewComments: [] };
  private sectionId: string | undefined;
  private readonly answersName: string;

  constructor(
    private readonly assessment: AssessmentRecord & { team: TeamLink },
    private readonly origin: string,
    private readonly events: TeamEvents,
  ) {
    const { shareId, revision } = assessment.team;
    this.answersName = documentName(shareId, revision, 'answers');
    this.socket = new HocuspocusProviderWebsocket({ url: collabUrl(origin) });
  }

  get link(): TeamLink {
    return this.assessment.team;
  }

  async open(): Promise<void> {
    const { shareId, revision, token } = this.assessment.team;
    const [answersDoc, reviewDoc] = await Promise.all([
      loadDocument(this.answersName),
      loadDocument(documentName(shareId, revision, 'review')),
    ]);
    if (this.closed) {
      releaseDocument(answersDoc);
      releaseDocument(reviewDoc);
      return;
    }
    this.answersDoc = answersDoc;
    this.reviewDoc = reviewDoc;
    await this.reconcile(answersDoc);
    this.stops.push(
      watchAnswers(answersDoc, (questionIds, origin) => {
        if (origin === FROM_THIS_TAB) return;
        const answers = [...questionIds].flatMap((id) => readAnswer(answersDoc, id) ?? []);
        void applyTeamAnswers(this.assessment.id, answers).catch((error) => console.error('team answers', error));
      }),
      onAnswersWritten((written) => this.share(written)),
      watchEvidence(answersDoc, (added, removed, origin) => {
        if (origin === FROM_THIS_TAB) return;
        for (const file of added) void this.fetchEvidence(file);
        for (const id of removed) void removeTeamEvidence(id).catch((error) => console.error('team evidence', error));
      }),
      onEvidenceChanged((change) => void this.shareEvidence(change)),
      watchDetails(answersDoc, (origin) => {
        if (origin !== FROM_THIS_TAB) this.receiveDetails(answersDoc);
      }),
    );
    this.receiveDetails(answersDoc);
    void this.reconcileEvidence(answersDoc);
    const showComments = () => this.update({ reviewComments: readReviewComments(reviewDoc) });
    reviewDoc.on('update', showComments);
    this.stops.push(() => reviewDoc.off('update', showComments));
    showComments();
    this.update({ waiting: (await pendingOf(this.answersName)).length });

    this.answersProvider = this.provider(this.answersName, answersDoc, token);
    this.reviewProvider = this.provider(documentName(shareId, revision, 'review'), reviewDoc, token);
    const awareness = this.answersProvider.awareness;
    if (awareness) {
      const showOthers = () => {
        const others: TeamPresence[] = [];
        for (const [clientId, value] of awareness.getStates()) {
          const user = (value as { user?: Omit<TeamPresence, 'clientId'> }).user;
          if (clientId !== awareness.clientID && user?.person) others.push({ clientId, ...user });
        }
        this.update({ others });
      };
      awareness.on('change', showOthers);
      this.stops.push(() => awareness.off('change', showOthers));
      this.announce();
    }
    this.answersProvider.attach();
    this.reviewProvider.attach();
    // The browser knows before the socket does: say "offline" at once, and reconnect as soon as it is back.
    if (typeof window !== 'undefined') {
      const offline = () => this.socket.disconnect();
      const online = () => void this.socket.connect();
      window.addEventListener('offline', offline);
      window.addEventListener('online', online);
      this.stops.push(() => {
        window.removeEventListener('offline', offline);
        window.removeEventListener('online', online);
      });
    }
  }

  /** Tells the others which section this person is in. */
  setSection(sectionId: string | undefined): void {
    this.sectionId = sectionId;
    this.announce();
  }

  addReviewComment(questionId: string, text: string, now = new Date()): void {
    if (!this.reviewDoc) return;
    const { person, role } = this.assessment.team;
    addReviewComment(this.reviewDoc, {
      id: crypto.randomUUID(),
      questionId,
      author: person,
      role,
      at: now.toISOString(),
      text,
    });
  }

  /** Resolves once the server holds every change this device made, or rejects after `timeoutMs`. */
  whenAllSent(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const check = () => {
        const provider = this.answersProvider;
        if (provider?.isSynced && !provider.hasUnsyncedChanges && this.state.status === 'synced') resolve();
        else if (Date.now() > deadline) reject(new Error('notSynced'));
        else setTimeout(check, 50);
      };
      check();
    });
  }

  /** The answers document as the server will see it: what a team sign-off covers. */
  document(): Y.Doc | undefined {
    return this.answersDoc;
  }

  close(): void {
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
    this.answersProvider?.destroy();
    this.reviewProvider?.destroy();
    this.socket.destroy();
    if (this.answersDoc) releaseDocument(this.answersDoc);
    if (this.reviewDoc) releaseDocument(this.reviewDoc);
  }

  private provider(name: string, document: Y.Doc, token: string): HocuspocusProvider {
    const isAnswers = name === this.answersName;
    return new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document,
      token,
      onAuthenticated: ({ scope }) => {
        if (isAnswers) this.update({ readOnly: scope === 'readonly' });
      },
      onAuthenticationFailed: ({ reason }) => this.update({ status: 'refused', refusal: reason }),
      onStatus: () => this.refreshStatus(),
      onSynced: () => this.refreshStatus(),
      onUnsyncedChanges: () => this.refreshStatus(),
      onStateless: ({ payload }) => {
        try {
          this.events.onStateless(JSON.parse(payload) as { type: string; revision?: number });
        } catch {
          // Not a message of ours.
        }
      },
    });
  }

  private refreshStatus(): void {
    const provider = this.answersProvider;
    if (!provider || this.state.status === 'refused') return;
    const connected = this.socket.status === 'connected';
    const status: TeamConnectionStatus = !connected
      ? this.state.status === 'connecting'
        ? 'connecting'
        : 'offline'
      : provider.isSynced && !provider.hasUnsyncedChanges
        ? 'synced'
        : 'syncing';
    this.update({ status });
    if (status === 'synced' && this.state.waiting > 0) {
      void clearPending(this.answersName).then(() => this.update({ waiting: 0 }));
    }
  }

  private announce(): void {
    const { person, role } = this.assessment.team;
    this.answersProvider?.awareness?.setLocalStateField('user', { person, role, sectionId: this.sectionId });
  }

  /** This tab's durable writes, into the document (and so to the server). */
  private share(written: readonly AnswerRecord[]): void {
    const doc = this.answersDoc;
    if (!doc) return;
    const mine = written.filter((record) => record.assessmentId === this.assessment.id);
    if (mine.length === 0) return;
    const { person } = this.assessment.team;
    writeAnswers(
      doc,
      mine.map(({ assessmentId: _, ...answer }) => ({ ...answer, updatedBy: person })),
      FROM_THIS_TAB,
    );
    void addPending(
      this.answersName,
      mine.map((record) => record.questionId),
    ).then((pending) => {
      if (this.socket.status !== 'connected' || this.answersProvider?.hasUnsyncedChanges)
        this.update({ waiting: pending.length });
    });
  }

  /**
   * Brings table and document together when the connection opens. Answers written to the table but not to the
   * document (the tab closed between the two, or they were given before the assessment was shared) go into the
   * document; what the document holds beyond the table comes into the table. Only for the moment between two
   * writes of this device: merging with others is the document's own (Yjs).
   */
  private async reconcile(doc: Y.Doc): Promise<void> {
    const { team } = this.assessment;
    // The owner's details, only when changed here: an older copy of them must not undo a rename made elsewhere.
    const current = await getAssessment(this.assessment.id);
    if (team.role === 'owner' && current?.team?.detailsChanged) {
      writeDetails(doc, current, FROM_THIS_TAB);
      await markDetailsShared(this.assessment.id);
    }
    const inDocument = new Map(readAnswers(doc).map((answer) => [answer.questionId, answer]));
    const toDocument: TeamAnswer[] = [];
    const toTable: TeamAnswer[] = [];
    const stored = await listAnswers(this.assessment.id);
    for (const record of stored) {
      const shared = inDocument.get(record.questionId);
      inDocument.delete(record.questionId);
      if (shared && !differs(shared, record)) continue;
      const { assessmentId: _, ...answer } = record;
      if (!shared || record.updated > shared.updated)
        toDocument.push({ ...answer, updatedBy: answer.updatedBy ?? team.person });
      else toTable.push(shared);
    }
    toTable.push(...inDocument.values());
    if (toDocument.length > 0 && (team.role === 'owner' || team.role === 'editor')) {
      writeAnswers(doc, toDocument, FROM_THIS_TAB);
      await addPending(
        this.answersName,
        toDocument.map((answer) => answer.questionId),
      );
    }
    await applyTeamAnswers(this.assessment.id, toTable);
  }

  /** The owner's details as the team has them (renamed on another device, say) into this device's record. */
  private receiveDetails(doc: Y.Doc): void {
    const details = readDetails(doc);
    if (!details) return;
    void applyTeamDetails(this.assessment.id, details).catch((error) => console.error('team details', error));
  }

  private get mayWriteAnswers(): boolean {
    const { role } = this.assessment.team;
    return role === 'owner' || role === 'editor';
  }

  /**
   * Evidence files: their bytes go to the server under their SHA-256, and only then their description into the
   * document, so that whoever sees a file listed can fetch it. Fetched bytes are checked against the hash before
   * they are kept; a file that does not match is never stored.
   */
  private async shareEvidence(change: EvidenceChange): Promise<void> {
    const doc = this.answersDoc;
    const record = 'added' in change ? change.added : change.removed;
    if (!doc || record.assessmentId !== this.assessment.id || !this.mayWriteAnswers) return;
    try {
      if ('removed' in change) {
        removeEvidence(doc, record.id, FROM_THIS_TAB);
        return;
      }
      const { token, shareId } = this.assessment.team;
      await uploadEvidence(this.origin, token, shareId, record.sha256, record.blob);
      const { blob: _blob, assessmentId: _id, ...file } = record;
      writeEvidence(doc, file, FROM_THIS_TAB);
    } catch (error) {
      // Offline or refused: the next connection uploads it (reconcileEvidence).
      console.error('sharing evidence', error);
    }
  }

  private async fetchEvidence(file: TeamEvidence): Promise<void> {
    try {
      const { token, shareId } = this.assessment.team;
      const blob = await downloadEvidence(this.origin, token, shareId, file.sha256);
      if ((await sha256OfBlob(blob)) !== file.sha256) throw new Error(`evidence ${file.id}: SHA-256 differs`);
      await storeTeamEvidence({ ...file, assessmentId: this.assessment.id, blob: blob.slice(0, blob.size, file.type) });
    } catch (error) {
      console.error('fetching evidence', error);
    }
  }

  private async reconcileEvidence(doc: Y.Doc): Promise<void> {
    const local = await listEvidence(this.assessment.id);
    const shared = new Map(readEvidence(doc).map((file) => [file.id, file]));
    for (const record of local) {
      if (shared.delete(record.id)) continue;
      if (wasEvidenceRemoved(doc, record.id)) await removeTeamEvidence(record.id);
      else await this.shareEvidence({ added: record });
    }
    for (const file of shared.values()) await this.fetchEvidence(file);
  }

  private update(change: Partial<TeamSyncState>): void {
    this.state = { ...this.state, ...change };
    if (!this.closed) this.events.onState(this.state);
  }
}
