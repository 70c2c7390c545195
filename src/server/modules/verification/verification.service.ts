import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { VerifyResult } from '../../../shared/contracts/introductions';
import { formatLetterNumber } from '../../../shared/rules/introduction-letter';
import { formCode, initials, letterCode, normaliseCode } from './codes';
import * as repo from './verification.repository';

/**
 * The codes of official papers (letters, confirmed evaluation forms): signed where the paper is made, checked
 * in public at /verify. An altered record answers "altered" and reveals nothing more.
 */

/** Sign the letters `where` selects (alias `l`) in one statement. */
export async function signLetters(tx: Executor, secret: string, where: SQL): Promise<void> {
  const rows = await repo.lettersToSign(tx, where);
  if (rows.length === 0) return;
  await repo.writeLetterCodes(
    tx,
    rows.map((r) => r.id),
    rows.map((r) => letterCode(secret, r)),
  );
}

/** Sign the current versions of the evaluations `where` selects (aliases `e`, `v`) in one statement. */
export async function signForms(tx: Executor, secret: string, where: SQL): Promise<void> {
  const rows = await repo.formsToSign(tx, where);
  if (rows.length === 0) return;
  await repo.writeFormCodes(
    tx,
    rows.map((r) => r.id),
    rows.map((r) => formCode(secret, r)),
  );
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
export async function findLetter(db: Executor, secret: string, code: string): Promise<VerifyResult | null> {
  const row = await repo.letterByCode(db, code);
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
 * A confirmed evaluation form in the same shape: the commune committee as issuer, the day it confirmed, the
 * year, version and workplace; a paper of a replaced version is "superseded".
 */
export async function findForm(db: Executor, secret: string, code: string): Promise<VerifyResult> {
  const row = await repo.formByCode(db, code);
  if (!row) return NOT_FOUND;
  const superseded = row.version < row.currentVersion;
  if (formCode(secret, row) !== code) return { ...NOT_FOUND, document: 'evaluation', altered: true };
  return {
    ...NOT_FOUND,
    document: 'evaluation',
    valid: !superseded,
    superseded,
    // the committee confirms for its Party organisation: "Đảng bộ phường X" → "Đảng ủy phường X"
    issuer: row.commune.replace(/^Đảng bộ\s+/iu, 'Đảng ủy '),
    issuedOn: row.confirmedOn,
    status: superseded ? null : row.status,
    memberInitials: initials(row.fullName),
    year: row.year,
    version: row.version,
    workplace: row.workplace,
  };
}

/** Public: letters and forms have separate codes; a code found on neither (or malformed) answers "not valid". */
export async function verifyCode(db: Executor, secret: string, input: string): Promise<VerifyResult> {
  const code = normaliseCode(input);
  if (!code) return NOT_FOUND;
  return (await findLetter(db, secret, code)) ?? findForm(db, secret, code);
}
