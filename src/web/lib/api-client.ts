import i18n from 'i18next';
import { errorResponseSchema } from '../../shared/contracts/errors';
import { noteNetwork, phoneSaysOnline } from './offline/network';
import { noteRead } from './offline/saved-reads';
import { SAVED_AT_HEADER } from './offline/saved-api';
import { submissionAnswered, submissionKey } from './submission-keys';

/** Error thrown for every non-2xx answer; `message` is already localised by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * No answer: no signal (`offline`) or none in time (`timeout`). Status 0; the message says what to do. A change
 * that can wait on the phone is queued by its page instead (decision 0010).
 */
export function isOfflineError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 0;
}

function noAnswer(code: 'offline' | 'timeout'): ApiError {
  return new ApiError(0, code, i18n.t(code === 'offline' ? 'offline.noConnection' : 'offline.timeout'));
}

/**
 * How long to wait for an answer to begin on a network that takes requests and gives nothing back (a hall's
 * Wi-Fi without internet). Long enough for the heaviest server work (a batch over thousands of members, a
 * report's PDF); the offline pages' reads fall back to the saved copy at 6 s already (src/web/sw.ts).
 */
const READ_TIMEOUT_MS = 30_000;
const WRITE_TIMEOUT_MS = 60_000;
const FILE_TIMEOUT_MS = 120_000;

let csrfToken: string | null = null;
let currentLocale = 'vi';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setApiLocale(locale: string) {
  currentLocale = locale;
}
/** Called on a 401 from any call other than the session probe (GET /api/auth/me). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** What apiRequest needs of a schema: both zod flavours have it (decision 0009). */
interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: unknown } };
}

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  formData?: FormData;
  /** a contract schema, classic `zod` or `zod/mini` */
  schema?: ResponseSchema<T>;
  /** do not trigger the global 401 redirect */
  allowUnauthorized?: boolean;
  /** how long to wait for the answer to begin (defaults by method) */
  timeoutMs?: number;
  /** extra request headers (e.g. X-Read-Source: the page a member's record is read from) */
  headers?: Record<string, string>;
  /**
   * the change's `Idempotency-Key` (decision 0012); by default one per submission (submission-keys.ts), so a
   * retry after no answer keeps it; an upload (`formData`) sends one only when given
   */
  idempotencyKey?: string;
}

async function send<T>(path: string, options: RequestOptions<T>, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, 'Accept-Language': currentLocale, Accept: accept };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const fingerprint = method !== 'GET' && !options.formData ? `${method} ${buildUrl(path, options.query)} ${String(body ?? '')}` : null;
  const key = options.idempotencyKey ?? (fingerprint ? submissionKey(fingerprint) : undefined);
  if (method !== 'GET' && key) headers['Idempotency-Key'] = key;
  // Without signal a change fails at once instead of spinning; a read still asks (the service worker has a copy).
  if (method !== 'GET' && !phoneSaysOnline()) throw noAnswer('offline');

  const controller = new AbortController();
  // an upload on a slow line may take minutes: only its own progress tells
  const limit = options.timeoutMs ?? (method === 'GET' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS);
  const timer = options.formData ? null : setTimeout(() => controller.abort(), limit);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch {
    noteNetwork(false);
    throw noAnswer(controller.signal.aborted ? 'timeout' : 'offline');
  } finally {
    if (timer) clearTimeout(timer);
  }
  // an answer, whatever it says, ends this submission: the next one gets a new key
  if (fingerprint && key) submissionAnswered(fingerprint, key);
  const savedAt = method === 'GET' ? response.headers.get(SAVED_AT_HEADER) : null;
  // an answer from the copy the service worker saved means the network did not answer
  noteNetwork(!savedAt);
  if (method === 'GET') noteRead(buildUrl(path, options.query), savedAt ? new Date(savedAt) : null);

  if (!response.ok) {
    let payload: unknown = null;
    try {
      payload = await response.json();
    } catch {
      // not JSON (proxy error page etc.)
    }
    const parsed = errorResponseSchema.safeParse(payload);
    const error = parsed.success
      ? new ApiError(
          response.status,
          parsed.data.error.code,
          parsed.data.error.message,
          parsed.data.error.fields,
        )
      : new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw error;
  }
  return response;
}

export async function apiRequest<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (options.schema) {
    const result = options.schema.safeParse(data);
    if (!result.success) {
      // Contract drift: keep the app usable, but make it visible to developers.
      console.warn(`Response of ${method} ${path} does not match its contract`, result.error.issues);
      return data as T;
    }
    return result.data;
  }
  return data as T;
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A file answer (PDF, DOCX) from a POST or GET, with the same CSRF and error handling as JSON calls. */
export async function apiBlob(
  path: string,
  options: Omit<RequestOptions<never>, 'schema'> = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, { timeoutMs: FILE_TIMEOUT_MS, ...options }, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const raw = match?.[1] ?? match?.[2] ?? null;
  return { blob: await response.blob(), fileName: raw ? decodeURIComponent(raw) : null };
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
