import * as Y from 'yjs';

/**
 * Which logged updates a stored state covers. A document's state only grows, so a state encoded now contains every
 * update that was logged before the document was loaded and every update this instance logged itself (it logs an
 * update after applying it). Updates other instances logged since the load may not be in it yet: they stay.
 */
export class CompactionMarks {
  private readonly loaded = new Map<string, number>();
  private readonly own = new Map<string, number>();

  markLoaded(name: string, lastId: number): void {
    this.loaded.set(name, lastId);
  }

  markOwn(name: string, id: number): void {
    this.own.set(name, Math.max(id, this.own.get(name) ?? 0));
  }

  /** Read synchronously when the state is encoded, before any await. */
  covered(name: string): { loaded: number; own: number } {
    return { loaded: this.loaded.get(name) ?? 0, own: this.own.get(name) ?? 0 };
  }
}

/** One state holding both: what another instance stored meanwhile is kept. */
export function mergeStates(stored: Uint8Array | undefined, state: Uint8Array): Uint8Array {
  if (!stored) return state;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  Y.applyUpdate(doc, state);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
