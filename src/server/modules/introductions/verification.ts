import { createHmac } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { VerifyResult } from '../../../shared/contracts/introductions';
import { evaluationStatuses, type EvaluationStatus } from '../../../shared/rules/evaluation';
import { formatLetterNumber, type LetterStatus } from '../../../shared/rules/introduction-letter';
import type { FormVerifyResult } from '../evaluations/evaluation-verification';

const isEvaluationStatus = (s: string | null): s is EvaluationStatus => (evaluationStatuses as readonly (string | null)[]).includes(s);

/**
 * The code printed on a letter (QR and text) is an HMAC over what the paper says — issuer, number, date,
 * member, addressee, signer — keyed by a server secret: it cannot be guessed from an id, and a letter whose
 * record was altered after issue no longer matches its code. Computed in Node (pgcrypto's hmac failed
 * intermittently under PGlite), over columns every query below reads the same way.
 */
export interface SignedFields {
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

export function letterCode(secret: string, f: SignedFields): string {
  const content = [f.id, f.issuingUnitId, f.year, f.number, f.memberId, f.receivingCommuneId, f.issuedDay, f.signerName].map((v) => v ?? '').join('|');
  return createHmac('sha256', `letters:${secret}`).update(content).digest('hex').slice(0, 12).toUpperCase();
}

/** The signed columns of letters (alias `l`), named as `SignedFields`. */
export const signedColumns = sql`l.id, l.issuing_unit_id as "issuingUnitId", l.year, l.number, l.member_id as "memberId",
  l.receiving_commune_id as "receivingCommuneId", to_char(l.issued_at at time zone 'UTC', 'YYYY-MM-DD') as "issuedDay",
  l.signer_name as "signerName"`;

/** Sign letters in one statement: read the signed columns, compute the codes, write them back with unnest. */
export async function signLetters(tx: Executor, secret: string, where: SQL): Promise<void> {
  const rows = await queryRows<SignedFields>(tx, sql`select ${signedColumns} from introduction_letters l where ${where}`);
  if (rows.length === 0) return;
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const codes = `{${rows.map((r) => letterCode(secret, r)).join(',')}}`;
  await tx.execute(sql`update introduction_letters l set verification_code = v.code
    from unnest(${ids}::uuid[], ${codes}::text[]) as v(id, code) where l.id = v.id`);
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
  document: 'letter',
  valid: false,
  altered: false,
  issuer: null,
  number: null,
  issuedOn: null,
  status: null,
  memberInitials: null,
  receivingCommune: null,
  year: null,
  version: null,
  workplace: null,
  superseded: false,
};

/** The letter a code belongs to, or null when no letter has it (it may be an evaluation form's). */
export async function findLetter(db: Executor, secret: string, input: string): Promise<VerifyResult | null> {
  const code = normaliseCode(input);
  if (!code) return null;
  const [row] = await queryRows<
    SignedFields & { status: LetterStatus; issuedOn: string | null; issuer: string; commune: string; fullName: string }
  >(
    db,
    sql`select ${signedColumns}, l.status, to_char(l.issued_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "issuedOn",
          iu.name as issuer, rc.name as commune, m.full_name as "fullName"
        from introduction_letters l
        join org_units iu on iu.id = l.issuing_unit_id
        join org_units rc on rc.id = l.receiving_commune_id
        join members m on m.id = l.member_id
        where l.verification_code = ${code}`,
  );
  if (!row) return null;
  if (letterCode(secret, row) !== code) return { ...NOT_FOUND, altered: true };
  return {
    ...NOT_FOUND,
    valid: row.status !== 'cancelled',
    issuer: row.issuer,
    number: formatLetterNumber(row.number),
    issuedOn: row.issuedOn,
    status: row.status,
    memberInitials: initials(row.fullName),
    receivingCommune: row.commune,
  };
}

/**
 * A confirmed evaluation form's check in the same shape: the commune committee as issuer, the day it
 * confirmed, the year, version and workplace. As for letters, an altered record reveals nothing more.
 */
export function evaluationVerifyResult(form: FormVerifyResult | null): VerifyResult {
  if (!form) return NOT_FOUND;
  if (form.altered) return { ...NOT_FOUND, document: 'evaluation', altered: true };
  return {
    ...NOT_FOUND,
    document: 'evaluation',
    valid: form.valid,
    superseded: form.superseded,
    // the committee confirms for its Party organisation: "Đảng bộ phường X" → "Đảng ủy phường X"
    issuer: form.commune?.replace(/^Đảng bộ\s+/iu, 'Đảng ủy ') ?? null,
    issuedOn: form.confirmedOn,
    status: isEvaluationStatus(form.status) ? form.status : null,
    memberInitials: form.memberInitials,
    year: form.year,
    version: form.version,
    workplace: form.workplace,
  };
}
