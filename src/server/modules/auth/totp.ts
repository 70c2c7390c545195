import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** TOTP (RFC 6238, 30 s, 6 digits, SHA-1: what every authenticator app reads) through otplib. */
export const TOTP_ISSUER = 'Residence Link';

/** The roles whose accounts must give a second factor (issue 12): they reach many members' records. */
export const SECOND_FACTOR_ROLES = ['admin', 'committee_officer'] as const;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * True for the code of the current 30 s step or the one before or after (a phone's clock a little off).
 * The authenticator runs on real time, so the check does too (not the app's test clock).
 */
export async function isValidTotp(secret: string, code: string, nowMs = Date.now()): Promise<boolean> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epoch: Math.floor(nowMs / 1000), epochTolerance: 30 });
  return result.valid;
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten random codes shown once: `xxxxx-xxxxx` from an unambiguous alphabet (~49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are random and long enough that a fast hash is safe; the table keeps only this. */
export function hashRecoveryCode(code: string): string {
  const normal = code.trim().toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`recovery:${normal}`).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
