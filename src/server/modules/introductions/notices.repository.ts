import { sql, type SQL } from 'drizzle-orm';
import { isActiveUnit } from '../../db/sql-values';
import { queryRows, type Executor } from '../../db/client';
import type { CreateNoticeBody, NoticeItem } from '../../../shared/contracts/introductions';
import { committeeOfCell } from '../../db/ltree';

/** Residence notices (alias `n`) and the member-record changes they carry (Art. 3.1, 3.2). No rules here. */

/** The committee of an active workplace cell (where a job transfer takes the member). */
export async function committeeOfWorkplaceCell(tx: Executor, cellId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select ${committeeOfCell(sql`c`)} as id from org_units c
        where c.id = ${cellId} and c.type = 'workplace_cell' and ${isActiveUnit(sql`c.status`)}`,
  );
  return row?.id;
}

export async function insertNotice(
  tx: Executor,
  row: {
    body: CreateNoticeBody;
    memberId: string;
    issuingUnitId: string;
    residenceCommuneId: string | null;
    residenceCellId: string | null;
    periodFrom: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<string> {
  const b = row.body;
  const [notice] = await queryRows<{ id: string }>(
    tx,
    sql`insert into residence_notices (member_id, kind, issuing_unit_id, residence_commune_id, residence_cell_id, effective_date,
          period_from, period_to, new_job_title, new_cell_id, note, created_by, created_at)
        values (${row.memberId}, ${b.kind}, ${row.issuingUnitId}, ${row.residenceCommuneId}, ${row.residenceCellId}, ${b.effectiveDate}::date,
          ${row.periodFrom}::date, ${b.periodTo ?? null}::date,
          ${b.newJobTitle ?? null}, ${b.newCellId ?? null}, ${b.note ?? null}, ${row.createdBy}, ${row.at.toISOString()}::timestamptz)
        returning id`,
  );
  return notice!.id;
}

/** Guide 33: the member is exempt for the period, with the reason. */
export async function setExempt(
  tx: Executor,
  memberId: string,
  exempt: { reason: string; from: string; to: string | null },
  stamp: string,
) {
  await tx.execute(sql`update members set category = 'exempt', category_reason = ${exempt.reason}, exempt_from = ${exempt.from}::date,
      exempt_to = ${exempt.to}::date, updated_at = ${stamp}::timestamptz where id = ${memberId}`);
}

export async function setJobTitle(tx: Executor, memberId: string, jobTitle: string, stamp: string) {
  await tx.execute(
    sql`update members set job_title = ${jobTitle}, updated_at = ${stamp}::timestamptz where id = ${memberId}`,
  );
}

/** The member's party cell changes on `from`; the dated party-cell membership follows (history kept). */
export async function transferCell(
  tx: Executor,
  memberId: string,
  cellId: string,
  from: string,
  stamp: string,
) {
  await tx.execute(
    sql`update members set cell_id = ${cellId}, updated_at = ${stamp}::timestamptz where id = ${memberId}`,
  );
  await tx.execute(sql`update unit_memberships set valid_to = ${from}::date
      where member_id = ${memberId} and kind = 'party_cell' and valid_to is null`);
  await tx.execute(sql`insert into unit_memberships (member_id, unit_id, kind, valid_from, note)
      values (${memberId}, ${cellId}, 'party_cell', ${from}::date, 'job_transfer')`);
}

/** The member leaves the roll with `status`; every open membership closes on `on` (never before it began). */
export async function endMembership(
  tx: Executor,
  memberId: string,
  status: string,
  on: string,
  stamp: string,
) {
  await tx.execute(
    sql`update members set status = ${status}, residence_cell_id = null, updated_at = ${stamp}::timestamptz where id = ${memberId}`,
  );
  await tx.execute(sql`update unit_memberships set valid_to = greatest(valid_from, ${on}::date)
      where member_id = ${memberId} and valid_to is null`);
}

/** The unit a notice is listed under: the issuing committee, or where it was delivered. */
export function noticeSideColumn(side: 'workplace' | 'residence'): SQL {
  return side === 'workplace'
    ? sql`n.issuing_unit_id`
    : sql`coalesce(n.residence_cell_id, n.residence_commune_id)`;
}

/** A page of notices within `scope` (newest first, keyset on created_at and id). */
export function noticePage(
  db: Executor,
  scope: SQL[],
  filter: { memberId?: string; unseen?: boolean; after?: { k: string; id: string }; limit: number },
) {
  const where = [...scope];
  if (filter.memberId) where.push(sql`n.member_id = ${filter.memberId}`);
  if (filter.unseen) where.push(sql`n.seen_at is null`);
  if (filter.after)
    where.push(sql`(n.created_at, n.id) < (${filter.after.k}::timestamptz, ${filter.after.id}::uuid)`);
  return queryRows<NoticeItem & { created: string }>(
    db,
    sql`select n.id, n.kind, n.member_id as "memberId", m.full_name as "memberName", iu.name as "issuingUnitName",
          rc.name as "residenceCommuneName", cell.name as "residenceCellName", n.effective_date::text as "effectiveDate",
          n.period_from::text as "periodFrom", n.period_to::text as "periodTo", n.new_job_title as "newJobTitle",
          nc.name as "newCellName", n.note, n.created_at as created, n.seen_at as "seenAt"
        from residence_notices n join members m on m.id = n.member_id join org_units iu on iu.id = n.issuing_unit_id
        left join org_units rc on rc.id = n.residence_commune_id left join org_units cell on cell.id = n.residence_cell_id
        left join org_units nc on nc.id = n.new_cell_id
        where ${sql.join(
          where.map((w) => sql`(${w})`),
          sql` and `,
        )}
        order by n.created_at desc, n.id desc limit ${filter.limit + 1}`,
  );
}

/** The notice within `scope`, locked, with where it was delivered. */
export async function lockNotice(tx: Executor, id: string, scope: SQL) {
  const [n] = await queryRows<{ id: string; seenAt: string | null; unitId: string | null }>(
    tx,
    sql`select n.id, n.seen_at as "seenAt", coalesce(n.residence_cell_id, n.residence_commune_id) as "unitId"
        from residence_notices n where n.id = ${id} and ${scope} for update`,
  );
  return n;
}

export async function markNoticeSeen(tx: Executor, id: string, userId: string, at: Date) {
  await tx.execute(
    sql`update residence_notices set seen_at = ${at.toISOString()}::timestamptz, seen_by = ${userId} where id = ${id}`,
  );
}
