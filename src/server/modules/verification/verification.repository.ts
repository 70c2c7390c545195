import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { vnDateOf } from '../../db/vietnam-calendar-sql';
import type { EvaluationStatus } from '../../../shared/rules/evaluation';
import type { LetterStatus } from '../../../shared/rules/introduction-letter';
import type { SignedForm, SignedLetter } from './codes';

/** The signed columns of letters (alias `l`), named as `SignedLetter`. */
const letterColumns = sql`l.id, l.issuing_unit_id as "issuingUnitId", l.year, l.number, l.member_id as "memberId",
  l.receiving_commune_id as "receivingCommuneId", to_char(l.issued_at at time zone 'UTC', 'YYYY-MM-DD') as "issuedDay",
  l.signer_name as "signerName"`;

/** The signed columns of a form's version (aliases `e`, `v`), named as `SignedForm`. */
const formColumns = sql`e.id, e.member_id as "memberId", e.commune_id as "communeId", v.version, v.ratings,
  to_char(v.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as "confirmedDay", v.confirmer_name as "confirmerName"`;

export function lettersToSign(tx: Executor, where: SQL) {
  return queryRows<SignedLetter>(tx, sql`select ${letterColumns} from introduction_letters l where ${where}`);
}

export async function writeLetterCodes(tx: Executor, ids: string[], codes: string[]): Promise<void> {
  await tx.execute(sql`update introduction_letters l set verification_code = v.code
    from unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${codes.join(',')}}`}::text[]) as v(id, code) where l.id = v.id`);
}

export function formsToSign(tx: Executor, where: SQL) {
  return queryRows<SignedForm>(
    tx,
    sql`select ${formColumns} from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version where ${where}`,
  );
}

/** The form and its current version keep the code, so a paper of a replaced version is recognised as replaced. */
export async function writeFormCodes(tx: Executor, ids: string[], codes: string[]): Promise<void> {
  const pairs = sql`unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${codes.join(',')}}`}::text[]) as x(id, code)`;
  await tx.execute(sql`update evaluations e set verification_code = x.code from ${pairs} where e.id = x.id`);
  await tx.execute(sql`update evaluation_versions v set verification_code = x.code from evaluations e, ${pairs}
    where e.id = x.id and v.evaluation_id = e.id and v.version = e.version`);
}

export type LetterByCode = SignedLetter & {
  status: LetterStatus;
  issuedOn: string | null;
  issuer: string;
  commune: string;
  fullName: string;
};

export async function letterByCode(db: Executor, code: string): Promise<LetterByCode | undefined> {
  const [row] = await queryRows<LetterByCode>(
    db,
    sql`select ${letterColumns}, l.status, to_char(${vnDateOf(sql`l.issued_at`)}, 'YYYY-MM-DD') as "issuedOn",
          iu.name as issuer, rc.name as commune, m.full_name as "fullName"
        from introduction_letters l
        join org_units iu on iu.id = l.issuing_unit_id
        join org_units rc on rc.id = l.receiving_commune_id
        join members m on m.id = l.member_id
        where l.verification_code = ${code}`,
  );
  return row;
}

export type FormByCode = SignedForm & {
  status: EvaluationStatus;
  year: number;
  commune: string;
  workplace: string;
  fullName: string;
  confirmedOn: string | null;
  currentVersion: number;
};

/** The version that carried the code (current or replaced), read with that version's own fields. */
export async function formByCode(db: Executor, code: string): Promise<FormByCode | undefined> {
  const rest = sql`e.status, e.year, cu.name as commune, wu.name as workplace, m.full_name as "fullName",
    to_char(${vnDateOf(sql`v.confirmed_at`)}, 'YYYY-MM-DD') as "confirmedOn", e.version as "currentVersion"`;
  const names = sql`join org_units cu on cu.id = e.commune_id join org_units wu on wu.id = e.workplace_unit_id
    join members m on m.id = e.member_id`;
  const [row] = await queryRows<FormByCode>(
    db,
    sql`select ${formColumns}, ${rest}
        from evaluation_versions v join evaluations e on e.id = v.evaluation_id ${names}
        where v.verification_code = ${code}
        union all
        select ${formColumns}, ${rest}
        from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version ${names}
        where e.verification_code = ${code}
        limit 1`,
  );
  return row;
}
