import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue, literal, oneOf, uuidList } from '../../db/sql-values';
import type { CreateWarningBody, WarningItem } from '../../../shared/contracts/cell-life';
import { newWarningStatus, type WarningStatus } from '../../../shared/rules/meeting';
import { activeMemberStatus } from '../org-units/org-units.rules';

/**
 * The open warning with this member, kind and reason (its natural key, index member_warnings_one_open), with the
 * fields a repeat must match. The reason is compared through md5, as the index does (reasons may be long).
 */
export async function findOpenWarningByKey(
  db: Executor,
  key: { memberId: string; kind: string; reason: string },
) {
  const [row] = await queryRows<{ id: string; cellId: string; deadline: string }>(
    db,
    sql`select id, cell_id as "cellId", deadline::text as deadline from member_warnings
        where member_id = ${key.memberId} and kind = ${key.kind} and md5(reason) = md5(${key.reason})
          and ${isValue(sql`status`, newWarningStatus)}`,
  );
  return row;
}

/** A warning (alias `w`) as the lists show it; `canManage` is the manage scope over `w.cell_id`. */
const select = (
  canManage: SQL,
  memberId: string | null,
) => sql`select w.id, w.member_id as "memberId", mb.full_name as "memberName", w.cell_id as "cellId", c.name as "cellName",
    w.kind, w.reason, w.deadline::text as deadline, w.status, w.member_reply as "memberReply", w.replied_at as "repliedAt", w.resolution,
    w.escalated_at as "escalatedAt", w.closed_at as "closedAt", w.created_at as "createdAt",
    ${canManage} as "canManage", (w.member_id = ${memberId ?? '00000000-0000-0000-0000-000000000000'}::uuid) as "canReply"
  from member_warnings w join members mb on mb.id = w.member_id join org_units c on c.id = w.cell_id`;

export interface WarningView {
  /** manage scope over `w.cell_id` */
  canManage: SQL;
  /** the actor's member id: their own warnings they may reply to */
  memberId: string | null;
  readScope: SQL;
}

export interface WarningFilter {
  cellId?: string;
  memberId?: string;
  /** only the actor's own (none when the actor is no member) */
  mine?: boolean;
  status?: WarningStatus;
  /** a queue condition (warning-queues.ts) */
  queue?: SQL;
  cursor: { k: string; id: string } | null;
  limit: number;
}

export async function listWarningRows(
  db: Executor,
  v: WarningView,
  f: WarningFilter,
): Promise<WarningItem[]> {
  const where: SQL[] = [v.readScope];
  if (f.cellId) where.push(sql`w.cell_id = ${f.cellId}`);
  if (f.memberId) where.push(sql`w.member_id = ${f.memberId}`);
  if (f.mine) where.push(v.memberId ? sql`w.member_id = ${v.memberId}` : sql`false`);
  if (f.status) where.push(sql`w.status = ${f.status}`);
  if (f.queue) where.push(f.queue);
  if (f.cursor) where.push(sql`(w.created_at, w.id) < (${f.cursor.k}::timestamptz, ${f.cursor.id}::uuid)`);
  return queryRows<WarningItem>(
    db,
    sql`${select(v.canManage, v.memberId)} where ${sql.join(
      where.map((w) => sql`(${w})`),
      sql` and `,
    )}
    order by w.created_at desc, w.id desc limit ${f.limit}`,
  );
}

/** One warning the actor reads, locked for a change. */
export async function lockWarning(
  db: Executor,
  v: WarningView,
  id: string,
): Promise<WarningItem | undefined> {
  const [w] = await queryRows<WarningItem>(
    db,
    sql`${select(v.canManage, v.memberId)} where w.id = ${id} and ${v.readScope} for update of w`,
  );
  return w;
}

/** The residential cell and whether the actor runs it (`manageScope` over its `id`). */
export async function findResidentialCell(db: Executor, cellId: string, manageScope: SQL) {
  const [cell] = await queryRows<{ ok: boolean; name: string }>(
    db,
    sql`select ${manageScope} as ok, name from org_units where id = ${cellId} and type = 'residential_cell'`,
  );
  return cell;
}

export async function isActiveMemberOfCell(db: Executor, memberId: string, cellId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from members where id = ${memberId} and residence_cell_id = ${cellId} and ${isValue(sql`status`, activeMemberStatus)}`,
  );
  return rows.length > 0;
}

/** The new warning's id; null when the member already has this open warning (index member_warnings_one_open). */
export async function insertWarning(
  db: Executor,
  body: CreateWarningBody,
  createdBy: string,
): Promise<string | null> {
  const [w] = await queryRows<{ id: string }>(
    db,
    sql`insert into member_warnings (member_id, cell_id, kind, reason, deadline, created_by)
        values (${body.memberId}, ${body.cellId}, ${body.kind}, ${body.reason}, ${body.deadline}::date, ${createdBy})
        on conflict do nothing returning id`,
  );
  return w?.id ?? null;
}

export async function memberUsers(db: Executor, memberId: string) {
  return queryRows<{ userId: string }>(
    db,
    sql`select id as "userId" from users where member_id = ${memberId} and is_active`,
  );
}

export async function cellSecretaries(db: Executor, cellId: string) {
  return queryRows<{ userId: string }>(
    db,
    sql`select user_id as "userId" from role_grants where unit_id = ${cellId} and role = 'cell_secretary' and revoked_at is null`,
  );
}

export async function writeReply(db: Executor, id: string, reply: string, at: Date): Promise<void> {
  await db.execute(
    sql`update member_warnings set member_reply = ${reply}, replied_at = ${at.toISOString()}::timestamptz where id = ${id}`,
  );
}

/** Closes the warning with the transition's target status (resolve or withdraw), with the resolution if any. */
export async function closeWarning(
  db: Executor,
  c: { id: string; to: WarningStatus; resolution?: string; at: Date },
): Promise<void> {
  await db.execute(sql`update member_warnings set status = ${literal(c.to)}${c.resolution === undefined ? sql`` : sql`, resolution = ${c.resolution}`},
    closed_at = ${c.at.toISOString()}::timestamptz where id = ${c.id}`);
}

/** Moves the warnings in `from` past their deadline (before `today`) to `to`; returns them with names. */
export async function escalateOverdue(
  db: Executor,
  e: { from: readonly WarningStatus[]; to: WarningStatus; today: string; at: Date },
) {
  return queryRows<{ id: string; memberId: string; member: string; cell: string; cellId: string }>(
    db,
    sql`update member_warnings w set status = ${literal(e.to)}, escalated_at = ${e.at.toISOString()}::timestamptz
        from members mb, org_units c where mb.id = w.member_id and c.id = w.cell_id and ${oneOf(sql`w.status`, e.from)} and w.deadline < ${e.today}::date
        returning w.id, w.member_id as "memberId", mb.full_name as member, c.name as cell, w.cell_id as "cellId"`,
  );
}

/** The officers of each member's workplace committee (the nearest committee over the member's party cell). */
export async function workplaceOfficers(db: Executor, memberIds: string[]) {
  return queryRows<{ memberId: string; userId: string }>(
    db,
    sql`select mb.id as "memberId", rg.user_id as "userId" from members mb join org_units wc on wc.id = mb.cell_id
        join role_grants rg on rg.role = 'committee_officer' and rg.revoked_at is null
          and rg.unit_id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
            and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1)
        where mb.id = any(${uuidList([...new Set(memberIds)])})`,
  );
}
