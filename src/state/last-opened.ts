import { useEffect, useState } from 'react';

/**
 * When this person last had an assessment open on this device, to show what others changed since. Kept in
 * localStorage (erased with everything else): a convenience, so a storage that refuses (private mode, quota) only
 * means nothing is marked as changed.
 */
const keyOf = (assessmentId: string) => `conformo:lastOpened:${assessmentId}`;

export function readLastOpened(assessmentId: string, storage?: Storage): string | undefined {
  try {
    const value = (storage ?? localStorage).getItem(keyOf(assessmentId));
    return value && !Number.isNaN(Date.parse(value)) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberOpened(assessmentId: string, at: Date, storage?: Storage): void {
  try {
    (storage ?? localStorage).setItem(keyOf(assessmentId), at.toISOString());
  } catch {
    // Nothing to do: the next visit marks nothing, which is what a first visit does too.
  }
}

/**
 * The moment this assessment was last left on this device (undefined: never, or not asked for), read once when the
 * screen opens it; the moment it is left (the screen closes or the page goes away) becomes the next visit's.
 */
export function useLastOpened(assessmentId: string | undefined): string | undefined {
  const [seen, setSeen] = useState(() => ({
    assessmentId,
    at: assessmentId ? readLastOpened(assessmentId) : undefined,
  }));
  if (seen.assessmentId !== assessmentId) {
    setSeen({ assessmentId, at: assessmentId ? readLastOpened(assessmentId) : undefined });
  }
  useEffect(() => {
    if (!assessmentId) return;
    const leave = () => rememberOpened(assessmentId, new Date());
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [assessmentId]);
  return seen.assessmentId === assessmentId ? seen.at : undefined;
}
