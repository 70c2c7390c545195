import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { hasMessage, translate } from '../i18n/messages';
import { AppError } from './errors';
import { requestLocale } from './locale';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Nothing given: absent, null, only blanks or an empty list (what a person calls "not filled in"). */
const isAbsent = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * The value the request carried at the issue's path. fastify-type-provider-zod passes zod v4 issues without
 * their `input`, so "missing" and "of the wrong type" are told apart by looking at what was sent.
 */
function sentValue(request: FastifyRequest, context: string | undefined, issue: ValidationIssue): unknown {
  if ('input' in (issue.params ?? {})) return issue.params!.input;
  const data: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  let value: unknown = context ? data[context] : undefined;
  for (const key of issue.instancePath.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** What a wrong type should have been, said precisely where it helps (a list, a number). */
const EXPECTED: Record<string, string> = {
  array: 'field.expectedList',
  number: 'field.expectedNumber',
  int: 'field.expectedNumber',
  bigint: 'field.expectedNumber',
  boolean: 'field.expectedBoolean',
  object: 'field.expectedObject',
};

/** A zod issue → a message key the user can act on, in their language. */
function issueMessage(request: FastifyRequest, context: string | undefined, issue: ValidationIssue): string {
  const locale = requestLocale(request);
  const p = issue.params ?? {};
  const absent = isAbsent(sentValue(request, context, issue));
  // a contract's own key, except "required" on a minimum length when something was typed: that is "too short"
  const typedTooShort = issue.keyword === 'too_small' && issue.message === 'field.required' && !absent;
  if (issue.message && hasMessage(issue.message) && !typedTooShort) return translate(locale, issue.message);
  if (absent && issue.keyword !== 'custom') return translate(locale, 'field.required');
  switch (issue.keyword) {
    case 'invalid_type':
      return translate(locale, EXPECTED[String(p.expected)] ?? 'field.invalid');
    case 'too_small':
      if (p.origin === 'string') return translate(locale, 'field.tooShort', { min: p.minimum });
      return translate(locale, p.origin === 'array' ? 'field.tooFew' : 'field.tooSmall', { min: p.minimum });
    case 'too_big':
      if (p.origin === 'string') return translate(locale, 'field.tooLong', { max: p.maximum });
      return translate(locale, p.origin === 'array' ? 'field.tooMany' : 'field.tooBig', { max: p.maximum });
    case 'invalid_format':
      if (p.format === 'date') return translate(locale, 'field.invalidDate');
      if (p.format === 'datetime') return translate(locale, 'field.invalidTime');
      if (p.format === 'email') return translate(locale, 'field.invalidEmail');
      return translate(locale, 'field.invalid');
    case 'invalid_value':
    case 'invalid_union':
      return translate(locale, 'field.invalidOption');
    default:
      return translate(locale, 'field.invalid');
  }
}

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: Record<string, string>) {
  return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

/** PostgreSQL refusals caused by what the user sent (exported for the test that walks every code). */
export const PG_ERRORS: Record<string, [number, string]> = {
  '23505': [409, 'duplicate'],
  '23503': [409, 'conflict'],
  '22P02': [400, 'bad_request'],
  '22007': [422, 'validation_failed'],
  '22008': [422, 'validation_failed'],
  '22001': [422, 'validation_failed'],
};

/** Enum values in params read as words when a message `<param>.<value>` exists (status=issued → "đã phát hành"). */
function localiseParams(locale: 'vi' | 'en', params: Record<string, unknown> | undefined) {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && hasMessage(`${k}.${v}`) ? translate(locale, `${k}.${v}`) : v]),
  );
}

/** One handler: typed errors → 4xx with a localised message; anything else → 500 with no details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) {
      const params = localiseParams(locale, error.params);
      const fields = error.fields
        ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, translate(locale, v, params)]))
        : undefined;
      return send(reply, error.statusCode, error.code, translate(locale, error.code, params), fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation as ValidationIssue[]) {
        const key = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[key] ??= issueMessage(request, error.validationContext, issue);
      }
      return send(reply, 422, 'validation_failed', translate(locale, 'validation_failed'), fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return send(reply, 500, 'internal_error', translate(locale, 'internal_error'));
    }
    const pgCode = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? error.code;
    if (pgCode && PG_ERRORS[pgCode]) {
      const [status, code] = PG_ERRORS[pgCode];
      request.log.warn({ err: error }, 'database refused user input');
      return send(reply, status, code, translate(locale, code));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, 429, 'rate_limited', translate(locale, 'rate_limited'));
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE')
      return send(reply, 413, 'payload_too_large', translate(locale, 'payload_too_large'));
    if (status === 415) return send(reply, 415, 'unsupported_media_type', translate(locale, 'unsupported_media_type'));
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
      return send(reply, 400, 'invalid_json', translate(locale, 'invalid_json'));
    if (status >= 400 && status < 500) return send(reply, status, 'bad_request', translate(locale, 'bad_request'));
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal_error', translate(locale, 'internal_error'));
  });
}
