/**
 * The API reads the service worker saves for offline use (decision 0010): the session, today's work, the
 * notices count, the member's residence and meetings, the meetings list and one meeting (the check-in page
 * and the secretary's tick list). Nothing else is kept on the phone. Shared by the worker and the page.
 */
export const savedApiPaths: readonly RegExp[] = [
  /^\/api\/auth\/me$/,
  /^\/api\/home\/today$/,
  /^\/api\/notifications(\/unread-count)?$/,
  /^\/api\/introductions\/mine$/,
  /^\/api\/meetings(\/mine)?$/,
  /^\/api\/meetings\/[0-9a-f-]{36}$/,
];

export const SAVED_API_CACHE = 'rl-api';
/** set by the worker on an answer that comes from the saved copy: when the server sent it */
export const SAVED_AT_HEADER = 'x-rl-saved-at';

/** Another person may use this phone next: what was saved for this one goes at login and logout. */
export async function forgetSavedReads(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(SAVED_API_CACHE);
}
