import type { AnswerPatch } from '../storage/repository';

function keyOf(patch: AnswerPatch): string {
  return `${patch.assessmentId}\u0000${patch.questionId}`;
}

export function mergePatches(earlier: AnswerPatch, later: AnswerPatch): AnswerPatch {
  return { ...earlier, ...Object.fromEntries(Object.entries(later).filter(([, v]) => v !== undefined)) };
}

/**
 * Collects answer changes for a short while and writes them in one transaction: typing stays smooth, and a burst of
 * keystrokes costs one write. `flush()` writes at once (on a click, on blur, on pagehide).
 */
export class SaveQueue {
  private pending = new Map<string, AnswerPatch>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  /**
   * `onDue` runs when the delay has passed; the session passes its own flush so that writes started by the timer
   * update the save status like any other.
   */
  constructor(
    private readonly write: (patches: AnswerPatch[]) => Promise<void>,
    private readonly delayMs = 250,
    private readonly onDue: () => void = () => void this.flush(),
  ) {}

  /** Resolves when the write already running (if any) has finished, successfully or not. */
  idle(): Promise<void> {
    return this.writing.catch(() => undefined);
  }

  get size(): number {
    return this.pending.size;
  }

  enqueue(patch: AnswerPatch): void {
    const key = keyOf(patch);
    const earlier = this.pending.get(key);
    this.pending.set(key, earlier ? mergePatches(earlier, patch) : patch);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onDue(), this.delayMs);
  }

  /** Writes everything pending, after any write already running, and resolves when it is durable. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => this.write(batch))
      .catch((error: unknown) => {
        this.restore(batch);
        throw error;
      });
    return this.writing;
  }

  /** A failed write (a full disk) loses nothing: its patches wait under anything typed since, for a retry. */
  private restore(batch: AnswerPatch[]): void {
    for (const patch of batch) {
      const key = keyOf(patch);
      const newer = this.pending.get(key);
      this.pending.set(key, newer ? mergePatches(patch, newer) : patch);
    }
  }
}
