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

/** A zod issue → a message key the user can act on, in their language. */
function issueMessage(request: FastifyRequest, issue: ValidationIssue): string {
  const locale = requestLocale(request);
  if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message);
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      return translate(locale, p.input === undefined ? 'field.required' : 'field.invalid');
    case 'too_small':
      return p.origin === 'string'
        ? translate(locale, Number(p.minimum) === 1 ? 'field.required' : 'field.tooShort', { min: p.minimum })
        : translate(locale, 'field.tooSmall', { min: p.minimum });
    case 'too_big':
      return p.origin === 'string'
        ? translate(locale, 'field.tooLong', { max: p.maximum })
        : translate(locale, 'field.tooBig', { max: p.maximum });
    case 'invalid_format':
      if (p.format === 'date') return translate(locale, 'field.invalidDate');
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

const PG_ERRORS: Record<string, [number, string]> = {
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
        fields[key] ??= issueMessage(request, issue);
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
