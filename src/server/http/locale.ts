import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/contracts/auth';
import { pickLocale } from '../i18n/messages';

/** The reader's language: the UI sends Accept-Language; a logged-in user's saved locale is the fallback. */
export function requestLocale(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language'], request.actor?.locale ?? 'vi');
}
