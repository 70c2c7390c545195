import { isApiError } from './api-client';

/** Field errors from a 422 answer, keyed by input name (the server uses dotted paths). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || !error.fields) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    out[path] = message;
    const last = path.split('.').pop();
    if (last && !(last in out)) out[last] = message;
  }
  return out;
}
