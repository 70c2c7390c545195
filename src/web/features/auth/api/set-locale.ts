import { authPaths, type Locale } from '../../../../shared/contracts/auth';
import { apiRequest } from '../../../lib/api-client';

/** Remember the language on the account, so e-mails and notifications follow it. */
export function setLocale(locale: Locale) {
  return apiRequest(authPaths.locale, { method: 'PUT', body: { locale } });
}
