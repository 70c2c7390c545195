import { createHmac } from 'node:crypto';

/**
 * The codes printed on official papers (QR → /verify/<code>): an HMAC over what the paper says, keyed by a
 * server secret, so a code cannot be guessed from an id and a record altered after signing no longer matches.
 * Letters and evaluation forms sign different fields under different keys. Computed in Node (pgcrypto's hmac
 * failed intermittently under PGlite).
 */

/** What a letter says, as signed: issuer, number, date, member, addressee, signer. */
export interface SignedLetter {
  id: string;
  issuingUnitId: string;
  year: number | null;
  number: number | null;
  memberId: string;
  receivingCommuneId: string;
  /** UTC calendar day of issue, yyyy-mm-dd */
  issuedDay: string | null;
  signerName: string | null;
}

/** What a confirmed evaluation form says, as signed: member, commune, version, ratings, confirmation. */
export interface SignedForm {
  id: string;
  memberId: string;
  communeId: string;
  version: number;
  ratings: Record<string, string>;
  confirmedDay: string | null;
  confirmerName: string | null;
}

function hmac12(key: string, parts: readonly unknown[]): string {
  const content = parts.map((v) => v ?? '').join('|');
  return createHmac('sha256', key).update(content).digest('hex').slice(0, 12).toUpperCase();
}

export function letterCode(secret: string, f: SignedLetter): string {
  return hmac12(`letters:${secret}`, [
    f.id,
    f.issuingUnitId,
    f.year,
    f.number,
    f.memberId,
    f.receivingCommuneId,
    f.issuedDay,
    f.signerName,
  ]);
}

export function formCode(secret: string, f: SignedForm): string {
  const ratings = Object.keys(f.ratings)
    .sort()
    .map((k) => `${k}=${f.ratings[k]}`)
    .join(',');
  return hmac12(`evaluations:${secret}`, [
    f.id,
    f.memberId,
    f.communeId,
    f.version,
    ratings,
    f.confirmedDay,
    f.confirmerName,
  ]);
}

/** 12 hex digits, printed in groups of four: `7F3A-09C2-B1D4`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** Accepts what a person types or a scanner reads: dashes, spaces and case do not matter. */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-F]{12}$/.test(code) ? code : null;
}

export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/verify/${code}`;
}

/** "Nguyễn Văn An" → "N.V.A.": enough to match the paper, nothing more personal. */
export function initials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');
}
