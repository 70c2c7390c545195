import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { authPaths, loginBodySchema, meSchema } from '../../../../shared/contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import i18n, { toAppLocale } from '../../../lib/i18n';
import { meQueryKey } from './get-me';
import { setLocale } from './set-locale';
import { forgetSavedReads } from '../../../lib/offline/saved-api';

export type LoginBody = z.infer<typeof loginBodySchema>;

export async function login(body: LoginBody) {
  const me = await apiRequest(authPaths.login, {
    method: 'POST',
    body,
    schema: meSchema,
    allowUnauthorized: true,
  });
  setCsrfToken(me.csrfToken);
  // the language chosen on the login page wins; the account remembers it for e-mails and notifications
  const locale = toAppLocale(i18n.resolvedLanguage ?? i18n.language);
  if (me.user.locale !== locale) {
    await setLocale(locale).catch(() => undefined);
    return { ...me, user: { ...me.user, locale } };
  }
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { silent: true },
    onSuccess: (me) => {
      queryClient.clear();
      // pages saved for someone else on this phone are not this person's (decision 0010)
      void forgetSavedReads();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
