import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OWASP "device cookies": a browser that logged in to an account once carries `<user id>.<nonce>.<mac>`,
 * signed with the session secret. It exempts that browser from the account's progressive delay, so guessing
 * at someone's password from elsewhere never locks the owner out of their own device.
 */
export const DEVICE_COOKIE = 'rl_device';
export const DEVICE_COOKIE_DAYS = 180;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`device:${payload}`).digest('base64url');
}

export function newDeviceCookie(userId: string, secret: string): string {
  const payload = `${userId}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** True when the cookie was signed by this server for this user. */
export function isDeviceOf(cookie: string | undefined, userId: string, secret: string): boolean {
  if (!cookie) return false;
  const cut = cookie.lastIndexOf('.');
  if (cut < 0) return false;
  const payload = cookie.slice(0, cut);
  if (payload.split('.')[0] !== userId) return false;
  const given = Buffer.from(cookie.slice(cut + 1));
  const expected = Buffer.from(mac(payload, secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
