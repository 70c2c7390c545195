import { useSyncExternalStore } from 'react';

/**
 * Which reads on screen came from the copy the service worker saved, and when the server sent each
 * (decision 0010): the banner says "showing what was saved at …" with the oldest of them.
 */
const savedAt = new Map<string, number>();
let oldest: number | null = null;
const listeners = new Set<() => void>();

function update() {
  const next = savedAt.size ? Math.min(...savedAt.values()) : null;
  if (next === oldest) return;
  oldest = next;
  listeners.forEach((l) => l());
}

/** Called by the API client for each answer: `at` when it came from the saved copy, null from the network. */
export function noteRead(path: string, at: Date | null) {
  if (at && !Number.isNaN(at.getTime())) savedAt.set(path, at.getTime());
  else savedAt.delete(path);
  update();
}

export function useOldestSavedRead(): Date | null {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => oldest,
  );
  return value === null ? null : new Date(value);
}
