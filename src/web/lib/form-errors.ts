import type { TFunction } from 'i18next';
import type { z } from 'zod';
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

type Issue = z.core.$ZodIssue & {
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
};

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * A zod issue of a shared contract → a message in the user's language: the contract's own key when it
 * names one (`field.required`, `meetings.endBeforeStart`: `common:validation.<key>`), else one by kind —
 * the choice the server's error handler makes, so the form and the server say the same.
 */
export function issueMessage(issue: Issue, t: TFunction, exists: (key: string) => boolean): string {
  const own = `common:validation.${issue.message}`;
  // "required" on a minimum length, when something is typed, is better said as "too short"
  const typedTooShort =
    issue.code === 'too_small' && issue.message === 'field.required' && !isEmpty(issue.input);
  if (issue.message && exists(own) && !typedTooShort) return t(own);
  const v = (key: string, params?: Record<string, unknown>) => t(`common:validation.field.${key}`, params);
  if (isEmpty(issue.input) && issue.code !== 'custom') return v('required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return v('tooShort', { min: issue.minimum });
      return issue.origin === 'array' ? v('required') : v('tooSmall', { min: issue.minimum });
    case 'too_big':
      return issue.origin === 'string'
        ? v('tooLong', { max: issue.maximum })
        : v('tooBig', { max: issue.maximum });
    case 'invalid_format':
      if (issue.format === 'date') return v('invalidDate');
      if (issue.format === 'datetime') return v('invalidTime');
      if (issue.format === 'email') return v('invalidEmail');
      return v('invalid');
    case 'invalid_value':
    case 'invalid_union':
      return v('invalidOption');
    case 'invalid_type':
      return issue.input !== undefined && typeof issue.input !== 'number' && issue.expected === 'number'
        ? v('notANumber')
        : v('invalid');
    default:
      return v('invalid');
  }
}

/** What the shared contract refuses in `value`, per dotted path (the first problem of each field). */
export function contractErrors(
  schema: z.ZodType,
  value: unknown,
  t: TFunction,
  exists: (key: string) => boolean,
): Record<string, string> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    out[path] ??= issueMessage(issue as Issue, t, exists);
  }
  return out;
}

/** A field marked invalid (Mantine sets aria-invalid), or a group of choices marked with `data-error-group`. */
const INVALID = '[aria-invalid="true"], [data-error-group]';
const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])';

/**
 * Brings the first field in error into view and puts the cursor in it, so on a phone the person sees what
 * to fix instead of an error below the fold. Returns whether there was one.
 */
export function focusFirstError(root: ParentNode | null | undefined): boolean {
  const marked = (root ?? document).querySelector<HTMLElement>(INVALID);
  if (!marked) return false;
  const target = marked.matches(FOCUSABLE)
    ? marked
    : (marked.querySelector<HTMLElement>(FOCUSABLE) ?? marked);
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}
