import { createHmac } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { initials, normaliseCode } from '../introductions/verification';

/**
 * The code printed on a confirmed evaluation form (QR → /verify/<code>), like the letters' codes: an HMAC
 * over what the paper says (member, commune, version, ratings, confirmation day and confirmer), so a form
 * whose record changed after confirmation no longer matches. A new version gets a new code.
 */
export interface SignedForm {
  id: string;
  memberId: string;
  communeId: string;
  version: number;
  ratings: Record<string, string>;
  confirmedDay: string | null;
  confirmerName: string | null;
}

export function formCode(secret: string, f: SignedForm): string {
  const ratings = Object.keys(f.ratings)
    .sort()
    .map((k) => `${k}=${f.ratings[k]}`)
    .join(',');
  const content = [f.id, f.memberId, f.communeId, f.version, ratings, f.confirmedDay, f.confirmerName].map((v) => v ?? '').join('|');
  return createHmac('sha256', `evaluations:${secret}`).update(content).digest('hex').slice(0, 12).toUpperCase();
}

const signedColumns = sql`e.id, e.member_id as "memberId", e.commune_id as "communeId", e.version, v.ratings,
  to_char(v.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as "confirmedDay", v.confirmer_name as "confirmerName"`;

/** Sign the current versions of the evaluations `where` selects, in one statement. */
export async function signForms(tx: Executor, secret: string, where: SQL): Promise<void> {
  const rows = await queryRows<SignedForm>(
    tx,
    sql`select ${signedColumns} from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version where ${where}`,
  );
  if (rows.length === 0) return;
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const codes = `{${rows.map((r) => formCode(secret, r)).join(',')}}`;
  await tx.execute(sql`update evaluations e set verification_code = x.code from unnest(${ids}::uuid[], ${codes}::text[]) as x(id, code) where e.id = x.id`);
  // the version keeps its code, so a paper of a replaced version is recognised as replaced, not unknown
  await tx.execute(sql`update evaluation_versions v set verification_code = x.code from evaluations e, unnest(${ids}::uuid[], ${codes}::text[]) as x(id, code)
    where e.id = x.id and v.evaluation_id = e.id and v.version = e.version`);
}

export interface FormVerifyResult {
  valid: boolean;
  altered: boolean;
  commune: string | null;
  workplace: string | null;
  year: number | null;
  version: number | null;
  confirmedOn: string | null;
  status: string | null;
  memberInitials: string | null;
  /** the paper is of an older version: a newer one (returned or revised) replaced it */
  superseded: boolean;
  currentVersion: number | null;
}

/** Public check of a printed form: enough to match the paper, nothing more personal. */
export async function verifyForm(db: Executor, secret: string, input: string): Promise<FormVerifyResult | null> {
  const code = normaliseCode(input);
  if (!code) return null;
  // the version that carried the code (current or replaced), read with that version's own fields
  const [row] = await queryRows<SignedForm & { status: string; year: number; commune: string; workplace: string; fullName: string; confirmedOn: string | null; currentVersion: number }>(
    db,
    sql`select e.id, e.member_id as "memberId", e.commune_id as "communeId", v.version, v.ratings,
          to_char(v.confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as "confirmedDay", v.confirmer_name as "confirmerName",
          e.status, e.year, cu.name as commune, wu.name as workplace, m.full_name as "fullName",
          to_char(v.confirmed_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as "confirmedOn", e.version as "currentVersion"
        from evaluation_versions v join evaluations e on e.id = v.evaluation_id
        join org_units cu on cu.id = e.commune_id join org_units wu on wu.id = e.workplace_unit_id join members m on m.id = e.member_id
        where v.verification_code = ${code}
        union all
        select ${signedColumns}, e.status, e.year, cu.name, wu.name, m.full_name,
          to_char(v.confirmed_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'), e.version
        from evaluations e join evaluation_versions v on v.evaluation_id = e.id and v.version = e.version
        join org_units cu on cu.id = e.commune_id join org_units wu on wu.id = e.workplace_unit_id join members m on m.id = e.member_id
        where e.verification_code = ${code}
        limit 1`,
  );
  if (!row) return null;
  const superseded = row.version < row.currentVersion;
  const base = {
    commune: row.commune,
    workplace: row.workplace,
    year: row.year,
    version: row.version,
    confirmedOn: row.confirmedOn,
    status: superseded ? null : row.status,
    memberInitials: initials(row.fullName),
    superseded,
    currentVersion: row.currentVersion,
  };
  if (formCode(secret, row) !== code) return { valid: false, altered: true, ...base, superseded: false };
  return { valid: !superseded, altered: false, ...base };
}
