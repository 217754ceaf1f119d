import { type AnswerPatch, answerKey, applyPatch, mergePatches } from '../engine/answers';
import type { Answer } from '../engine/types';
import { classifyStorageError, type StorageProblem } from '../storage/errors';
import type { SavedAnswers } from '../storage/repository';

/** One answer's changes that are not durable yet: queued, or being written, or both (typed on during a write). */
export interface UnsavedChange {
  patch: AnswerPatch;
  /** Grows with every change of this answer; a write removes the entry only if nothing was added since it began. */
  revision: number;
}

export type FlushResult = { ok: true } | { ok: false; problem: StorageProblem };

export interface UnsavedChangesOptions {
  write: (patches: AnswerPatch[]) => Promise<SavedAnswers>;
  /** Called after every change of the map (a change added, a write begun, made durable or failed). */
  onChange: (changes: UnsavedChanges) => void;
  /**
   * A write committed: called just before its changes leave the map, in the same synchronous step, so that the
   * stored answers it hands on and the smaller map reach the screen in one render, never the older value between.
   */
  onWritten?: (saved: SavedAnswers) => void;
  /** A change is written at most this long after the first change that is not yet written, however typing goes on. */
  maxDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * The one place an answer lives between the user's change and its durable write. Every change is merged into its
 * answer's entry; the entry leaves the map only once a write that contains all of it has committed. The view shows
 * stored answers with these entries on top, and the save status is derived from them.
 */
export class UnsavedChanges {
  private readonly entries = new Map<string, UnsavedChange>();
  private snapshot: ReadonlyMap<string, UnsavedChange> | undefined;
  private timer: unknown;
  private running: Promise<FlushResult> | undefined;
  private nextRevision = 1;
  /** Why the last write failed, until a write succeeds. */
  problem: StorageProblem | undefined;
  /** When a write last made everything durable. */
  lastSaved: string | undefined;
  /** Writes wait until storage is open; changes made before are kept (and journaled). */
  private ready = false;

  constructor(private readonly options: UnsavedChangesOptions) {}

  /**
   * The changes as an immutable snapshot, the same object until the changes themselves change: starting or ending a
   * write that leaves them as they were re-renders nothing and rewrites no journal.
   */
  get changes(): ReadonlyMap<string, UnsavedChange> {
    this.snapshot ??= new Map(this.entries);
    return this.snapshot;
  }

  get writing(): boolean {
    return this.running !== undefined;
  }

  add(patch: AnswerPatch): void {
    const key = answerKey(patch.assessmentId, patch.questionId);
    const earlier = this.entries.get(key);
    // By the time each change was made, not by arrival: a journal adopted from a closed page may be older.
    const older = earlier && (patch.at ?? '') < (earlier.patch.at ?? '');
    this.snapshot = undefined;
    this.entries.set(key, {
      patch: !earlier ? patch : older ? mergePatches(patch, earlier.patch) : mergePatches(earlier.patch, patch),
      revision: this.nextRevision++,
    });
    this.schedule();
    this.options.onChange(this);
  }

  /** Storage is open: write what was kept meanwhile. */
  start(): void {
    this.ready = true;
    if (this.entries.size > 0) void this.flush();
  }

  /**
   * Writes every change made so far and resolves when all of them are durable, or with the storage problem that
   * stopped them (they stay in the map, for the next try). A write already running is waited for first.
   */
  async flush(): Promise<FlushResult> {
    this.cancelTimer();
    while (this.running) await this.running;
    // Nothing left unsaved: what was given is stored (or was refused, and the user was told so when it was).
    if (this.entries.size === 0) return { ok: true };
    if (!this.ready) return { ok: false, problem: this.problem ?? 'unavailable' };
    this.running = this.writeAll();
    this.options.onChange(this);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      this.options.onChange(this);
    }
  }

  /** Forgets every change not yet written (after "delete all my data"), once a running write has ended. */
  async discard(): Promise<void> {
    this.cancelTimer();
    while (this.running) await this.running;
    this.entries.clear();
    this.snapshot = undefined;
    this.problem = undefined;
    this.options.onChange(this);
  }

  private async writeAll(): Promise<FlushResult> {
    const batch = [...this.entries.entries()].map(([key, change]) => ({ key, ...change }));
    let saved: SavedAnswers;
    try {
      saved = await this.options.write(batch.map((b) => b.patch));
    } catch (error) {
      this.problem = classifyStorageError(error).problem;
      return { ok: false, problem: this.problem };
    }
    this.options.onWritten?.(saved);
    for (const { key, revision } of batch) {
      if (this.entries.get(key)?.revision === revision && this.entries.delete(key)) this.snapshot = undefined;
    }
    // A signed assessment can never take these changes; keeping them would fail every later write.
    this.problem = saved.refused.length > 0 ? 'readOnly' : undefined;
    this.lastSaved = new Date().toISOString();
    this.options.onChange(this);
    if (this.entries.size > 0) this.schedule();
    return this.problem ? { ok: false, problem: this.problem } : { ok: true };
  }

  private schedule(): void {
    // Not restarted by later changes: continuous typing is written every maxDelayMs, not only when it pauses.
    if (this.timer !== undefined) return;
    const setTimer = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = setTimer(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.maxDelayMs ?? 250);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    const clearTimer = this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    clearTimer(this.timer);
    this.timer = undefined;
  }
}

const shown = new WeakMap<UnsavedChange, { base: Answer | undefined; answer: Answer }>();

/**
 * The stored answers with a few answers replaced, without copying the stored ones: a keystroke costs the size of
 * the unsaved changes, not of the assessment (5,000 answers are not copied on every key).
 */
class AnswersOverlay implements ReadonlyMap<string, Answer> {
  constructor(
    private readonly stored: ReadonlyMap<string, Answer>,
    private readonly replaced: ReadonlyMap<string, Answer>,
  ) {}

  get size(): number {
    let added = 0;
    for (const id of this.replaced.keys()) if (!this.stored.has(id)) added += 1;
    return this.stored.size + added;
  }

  get(id: string): Answer | undefined {
    return this.replaced.get(id) ?? this.stored.get(id);
  }

  has(id: string): boolean {
    return this.replaced.has(id) || this.stored.has(id);
  }

  *entries(): MapIterator<[string, Answer]> {
    for (const [id, answer] of this.stored) yield [id, this.replaced.get(id) ?? answer];
    for (const entry of this.replaced) if (!this.stored.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Answer> {
    for (const [, answer] of this.entries()) yield answer;
  }

  [Symbol.iterator](): MapIterator<[string, Answer]> {
    return this.entries();
  }

  forEach(callback: (answer: Answer, id: string, map: ReadonlyMap<string, Answer>) => void): void {
    for (const [id, answer] of this.entries()) callback(answer, id, this);
  }
}

/**
 * The answers to show for one assessment: the stored ones with its unsaved changes on top, through the same
 * applyPatch that storage writes with. An answer object is reused while neither its stored record nor its change
 * moved, so memoised cards re-render only for the answer that changed.
 */
export function withUnsaved(
  stored: ReadonlyMap<string, Answer>,
  changes: ReadonlyMap<string, UnsavedChange>,
  assessmentId: string,
): ReadonlyMap<string, Answer> {
  let replaced: Map<string, Answer> | undefined;
  for (const change of changes.values()) {
    if (change.patch.assessmentId !== assessmentId) continue;
    const base = stored.get(change.patch.questionId);
    let cached = shown.get(change);
    if (!cached || cached.base !== base) {
      cached = { base, answer: applyPatch(base, change.patch, base?.updated ?? '') };
      shown.set(change, cached);
    }
    replaced ??= new Map();
    replaced.set(change.patch.questionId, cached.answer);
  }
  return replaced ? new AnswersOverlay(stored, replaced) : stored;
}
