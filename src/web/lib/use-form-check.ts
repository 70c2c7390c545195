import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { contractErrors, fieldErrors, focusFirstError } from './form-errors';

/**
 * A form checked in the browser by the same shared contract the server parses, before anything is sent:
 * nothing typed is cleared, each field says what is wrong, and on a refused submit the first field in error
 * is scrolled into view and focused — also when it is the server that refuses (422).
 *
 * `value` is the body the form would send; `extra` are errors the contract cannot see (a typed date that
 * is no date, a rule needing the clock). Messages show after the first submit, then follow each change.
 */
export function useFormCheck<E extends HTMLElement = HTMLFormElement>(
  schema: z.ZodType,
  value: unknown,
  serverError: unknown,
  extra: Record<string, string | null | undefined> = {},
) {
  const { t, i18n } = useTranslation();
  const focus = useFocusFirstError<E>();
  const [tried, setTried] = useState(false);
  const own = Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => !!e[1]));
  const client = tried ? { ...contractErrors(schema, value, t, (k) => i18n.exists(k)), ...own } : {};
  const errors: Record<string, string> = { ...fieldErrors(serverError), ...client };

  const { ref, request } = focus;
  useEffect(() => {
    if (isApiError(serverError, 422)) request();
  }, [serverError, request]);

  /** true when the form may be sent; otherwise the errors show and the first one gets the focus */
  const check = (): boolean => {
    setTried(true);
    const ok = schema.safeParse(value).success && Object.keys(own).length === 0;
    if (!ok) request();
    return ok;
  };
  return { errors, check, ref };
}

/**
 * For a form checked by hand: `request()` when refusing it, and once the errors are on screen the first
 * field in error (inside `ref`) is scrolled into view and focused.
 */
export function useFocusFirstError<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) focusFirstError(ref.current);
  }, [requests]);
  const request = useCallback(() => setRequests((n) => n + 1), []);
  return { ref, request };
}
