/**
 * One `Idempotency-Key` per submission of a change (decision 0012), made here for every form at once rather
 * than in each feature. A submission is what is sent: the same method, address and body. Its key is made when it
 * is first sent and kept while no answer came back (no signal, a timeout) or while it is still on its way, so
 * pressing the button again after "no answer", or twice in a row, sends the same key and the server does the
 * change once, replaying its first answer. Any answer ends the submission: after a success the next one, even
 * with the same content, gets a new key; after a refusal the server has already let the key go.
 */

const MAX_KEPT = 200;
/** the server replays for 24 h; older keys would not be recognised anyway */
const KEEP_MS = 24 * 60 * 60 * 1000;

const waiting = new Map<string, { key: string; at: number }>();

/** A random key; `crypto.randomUUID` needs a secure context, which a LAN address over http is not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key for this submission: the one still waiting for an answer, or a new one. */
export function submissionKey(fingerprint: string, now = Date.now()): string {
  const kept = waiting.get(fingerprint);
  if (kept && now - kept.at < KEEP_MS) return kept.key;
  if (waiting.size >= MAX_KEPT) waiting.delete(waiting.keys().next().value!);
  const key = newIdempotencyKey();
  waiting.set(fingerprint, { key, at: now });
  return key;
}

/** An answer came (2xx or an error status): the next submission of the same content is a new one. */
export function submissionAnswered(fingerprint: string, key: string): void {
  if (waiting.get(fingerprint)?.key === key) waiting.delete(fingerprint);
}
