import { createHmac, randomBytes } from 'node:crypto';

/** A fresh random token for the session cookie or CSRF (256 bits from the OS CSPRNG). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id stored in the database: an HMAC of the cookie token, so a leaked table holds no usable cookie. */
export function sessionIdFor(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
