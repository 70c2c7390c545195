import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from './env';
import { newToken } from './modules/auth/tokens';

/** Without SESSION_SECRET (development), keep one in DATA_DIR so sessions survive a restart. */
export function sessionSecret(env: Env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = newToken() + newToken();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Signs the codes printed on documents; separate from the session secret so rotating one keeps the other. */
export function documentSecret(env: Env): string {
  return env.DOCUMENT_SECRET ?? sessionSecret(env);
}
