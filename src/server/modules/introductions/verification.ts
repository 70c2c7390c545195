import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { VerifyResult } from '../../../shared/contracts/introductions';
import { formatLetterNumber, type LetterStatus } from '../../../shared/rules/introduction-letter';

/**
 * The code printed on a letter (QR and text) is an HMAC over what the paper says — issuer, number, date,
 * member, addressee, signer — keyed by a server secret: it cannot be guessed from an id, and a letter whose
 * record was altered after issue no longer matches its code. Computed in SQL (pgcrypto) so a batch of
 * 5,000 letters is signed in the same statement that numbers it.
 */
export function letterCodeSql(alias: string, secret: string): SQL {
  const a = sql.raw(alias);
  return sql`upper(substr(encode(hmac(concat_ws('|', ${a}.id, ${a}.issuing_unit_id, ${a}.year, ${a}.number,
    ${a}.member_id, ${a}.receiving_commune_id, to_char(${a}.issued_at at time zone 'UTC', 'YYYY-MM-DD'),
    ${a}.signer_name), ${`letters:${secret}`}, 'sha256'), 'hex'), 1, 12))`;
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

const NOT_FOUND: VerifyResult = {
  valid: false,
  altered: false,
  issuer: null,
  number: null,
  issuedOn: null,
  status: null,
  memberInitials: null,
  receivingCommune: null,
};

export async function verifyLetter(db: Executor, secret: string, input: string): Promise<VerifyResult> {
  const code = normaliseCode(input);
  if (!code) return NOT_FOUND;
  const [row] = await queryRows<{
    status: LetterStatus;
    number: number | null;
    issuedOn: string | null;
    issuer: string;
    commune: string;
    fullName: string;
    matches: boolean;
  }>(
    db,
    sql`select l.status, l.number, to_char(l.issued_at at time zone 'UTC', 'YYYY-MM-DD') as "issuedOn",
          iu.name as issuer, rc.name as commune, m.full_name as "fullName",
          (${letterCodeSql('l', secret)} = l.verification_code) as matches
        from introduction_letters l
        join org_units iu on iu.id = l.issuing_unit_id
        join org_units rc on rc.id = l.receiving_commune_id
        join members m on m.id = l.member_id
        where l.verification_code = ${code}`,
  );
  if (!row) return NOT_FOUND;
  if (!row.matches) return { ...NOT_FOUND, altered: true };
  return {
    valid: row.status !== 'cancelled',
    altered: false,
    issuer: row.issuer,
    number: formatLetterNumber(row.number),
    issuedOn: row.issuedOn,
    status: row.status,
    memberInitials: initials(row.fullName),
    receivingCommune: row.commune,
  };
}
