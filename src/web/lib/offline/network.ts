import { useSyncExternalStore } from 'react';

/**
 * Whether there is signal. The phone's own word (`navigator.onLine`) is often wrong both ways (a village hall's
 * Wi-Fi without internet, a browser that never says offline), so the API client's evidence counts too: a
 * request that got no answer, or a read answered from the saved copy, means no network until one gets through.
 */
let unreachable = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Called by the API client: whether the last request reached the server. */
export function noteNetwork(reached: boolean) {
  if (unreachable === !reached) return;
  unreachable = !reached;
  notify();
}

/** What the phone says: a change is not even tried without it. */
export function phoneSaysOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function isOnline(): boolean {
  return phoneSaysOnline() && !unreachable;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Re-rendered when the phone or the evidence changes its mind. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}
