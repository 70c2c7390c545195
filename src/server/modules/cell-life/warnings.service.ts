import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { CreateWarningBody, WarningItem } from '../../../shared/contracts/cell-life';
import {
  canWarning,
  warningTarget,
  type WarningAction,
  type WarningQueue,
  type WarningStatus,
} from '../../../shared/rules/meeting';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { manageScope, type CellLifeDeps } from './activities.service';
import { warningQueueSql } from './warning-queues';
import { warningReadScope } from './warnings.access';
import { findOpenWarningByKey } from './warnings.repository';

/**
 * Art. 4.4: the cell committee reminds or warns a member with a deadline to improve; the member sees it and
 * can reply; still open at the deadline → escalated to the member's workplace committee (the field complaint:
 * a cell waiting a year before telling the workplace).
 */

const select = (
  actor: Actor,
) => sql`select w.id, w.member_id as "memberId", mb.full_name as "memberName", w.cell_id as "cellId", c.name as "cellName",
    w.kind, w.reason, w.deadline::text as deadline, w.status, w.member_reply as "memberReply", w.replied_at as "repliedAt", w.resolution,
    w.escalated_at as "escalatedAt", w.closed_at as "closedAt", w.created_at as "createdAt",
    ${manageScope(actor, sql`w.cell_id`)} as "canManage", (w.member_id = ${actor.memberId ?? '00000000-0000-0000-0000-000000000000'}::uuid) as "canReply"
  from member_warnings w join members mb on mb.id = w.member_id join org_units c on c.id = w.cell_id`;

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
function toItem(r: WarningItem): WarningItem {
  return {
    ...r,
    repliedAt: iso(r.repliedAt),
    escalatedAt: iso(r.escalatedAt),
    closedAt: iso(r.closedAt),
    createdAt: iso(r.createdAt)!,
  };
}

export async function listWarnings(
  deps: CellLifeDeps,
  actor: Actor,
  query: {
    cellId?: string;
    memberId?: string;
    mine?: boolean;
    status?: WarningStatus;
    queue?: WarningQueue;
    cursor?: string;
    limit: number;
  },
) {
  const where: SQL[] = [warningReadScope(actor)];
  if (query.cellId) where.push(sql`w.cell_id = ${query.cellId}`);
  if (query.memberId) where.push(sql`w.member_id = ${query.memberId}`);
  if (query.mine) where.push(actor.memberId ? sql`w.member_id = ${actor.memberId}` : sql`false`);
  if (query.status) where.push(sql`w.status = ${query.status}`);
  if (query.queue) where.push(warningQueueSql(query.queue, vnDay(deps.clock.now())));
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(w.created_at, w.id) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await queryRows<WarningItem>(
    deps.db,
    sql`${select(actor)} where ${sql.join(
      where.map((w) => sql`(${w})`),
      sql` and `,
    )}
    order by w.created_at desc, w.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map(toItem);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt, id: last.id }) : null,
  };
}

async function load(tx: Executor, actor: Actor, id: string): Promise<WarningItem> {
  const [w] = await queryRows<WarningItem>(
    tx,
    sql`${select(actor)} where w.id = ${id} and ${warningReadScope(actor)} for update of w`,
  );
  if (!w) throw new NotFound();
  return toItem(w);
}

export async function createWarning(
  deps: CellLifeDeps,
  actor: Actor,
  body: CreateWarningBody,
): Promise<{ warning: WarningItem; created: boolean }> {
  const today = vnDay(deps.clock.now());
  if (body.deadline <= today) throw new Invalid('validation_failed', { deadline: 'cellLife.deadlinePast' });
  const { id, created } = await deps.db.transaction(async (tx) => {
    const [cell] = await queryRows<{ ok: boolean; name: string }>(
      tx,
      sql`select ${manageScope(actor, sql`id`)} as ok, name from org_units where id = ${body.cellId} and type = 'residential_cell'`,
    );
    if (!cell?.ok) throw new NotFound();
    // Only a working member of this cell.
    const [m] = await queryRows<{ id: string }>(
      tx,
      sql`select id from members where id = ${body.memberId} and residence_cell_id = ${body.cellId} and status = 'active'`,
    );
    if (!m) throw new Invalid('cell_life_member_not_here');
    const [w] = await queryRows<{ id: string }>(
      tx,
      sql`insert into member_warnings (member_id, cell_id, kind, reason, deadline, created_by)
          values (${body.memberId}, ${body.cellId}, ${body.kind}, ${body.reason}, ${body.deadline}::date, ${actor.userId})
          on conflict do nothing returning id`,
    );
    // Issue 12: one open reminder or warning per member and reason (index member_warnings_one_open).
    if (!w) return { id: await existingWarning(tx, body), created: false };
    await writeAudit(tx, actor, {
      action: 'warning.created',
      entityType: 'member_warning',
      entityId: w!.id,
      unitId: body.cellId,
      after: body,
    });
    const users = await queryRows<{ userId: string }>(
      tx,
      sql`select id as "userId" from users where member_id = ${body.memberId} and is_active`,
    );
    await notifyEach(
      tx,
      users.map((u): Notice => ({
        userId: u.userId,
        kind: 'warning_issued',
        params: { kind: body.kind, cell: cell.name, deadline: body.deadline },
        link: '/warnings',
      })),
      { email: true },
    );
    return { id: w.id, created: true };
  });
  return { warning: toItem(await load(deps.db, actor, id)), created };
}

/** The open warning a second identical create repeats; the same reason with another cell or deadline is a 409. */
async function existingWarning(tx: Executor, body: CreateWarningBody): Promise<string> {
  const row = await findOpenWarningByKey(tx, body);
  if (!row || row.cellId !== body.cellId || row.deadline !== body.deadline)
    throw new Conflict('warning_exists', { kind: body.kind });
  return row.id;
}

async function step(
  deps: CellLifeDeps,
  actor: Actor,
  id: string,
  action: WarningAction,
  apply: (tx: Executor, w: WarningItem) => Promise<Record<string, unknown>>,
): Promise<WarningItem> {
  await deps.db.transaction(async (tx) => {
    const w = await load(tx, actor, id);
    if (action === 'reply' ? !w.canReply : !w.canManage)
      throw new Forbidden(action === 'reply' ? 'warning_reply_own' : 'cell_life_manage_only');
    if (!canWarning(action, w.status)) throw new Conflict('warning_wrong_state', { status: w.status });
    const after = await apply(tx, w);
    await writeAudit(tx, actor, {
      action: `warning.${action}`,
      entityType: 'member_warning',
      entityId: id,
      unitId: w.cellId,
      before: { status: w.status },
      after: { status: warningTarget(action, w.status), ...after },
    });
  });
  return load(deps.db, actor, id);
}

export function replyToWarning(deps: CellLifeDeps, actor: Actor, id: string, reply: string) {
  return step(deps, actor, id, 'reply', async (tx, w) => {
    await tx.execute(
      sql`update member_warnings set member_reply = ${reply}, replied_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`,
    );
    const secretaries = await queryRows<{ userId: string }>(
      tx,
      sql`select user_id as "userId" from role_grants where unit_id = ${w.cellId} and role = 'cell_secretary' and revoked_at is null`,
    );
    await notifyEach(
      tx,
      secretaries.map((s): Notice => ({
        userId: s.userId,
        kind: 'warning_replied',
        params: { member: w.memberName },
        link: '/warnings',
      })),
    );
    return { reply };
  });
}

export function resolveWarning(deps: CellLifeDeps, actor: Actor, id: string, resolution: string) {
  return step(deps, actor, id, 'resolve', async (tx) => {
    await tx.execute(
      sql`update member_warnings set status = 'resolved', resolution = ${resolution}, closed_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`,
    );
    return { resolution };
  });
}

export function withdrawWarning(deps: CellLifeDeps, actor: Actor, id: string) {
  return step(deps, actor, id, 'withdraw', async (tx) => {
    await tx.execute(
      sql`update member_warnings set status = 'withdrawn', closed_at = ${deps.clock.now().toISOString()}::timestamptz where id = ${id}`,
    );
    return {};
  });
}

/** Open warnings past their deadline (Vietnam's calendar) go to the workplace committee, once. */
export async function escalateOverdueWarnings(deps: CellLifeDeps): Promise<number> {
  const today = vnDay(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<{
      id: string;
      memberId: string;
      member: string;
      cell: string;
      cellId: string;
    }>(
      tx,
      sql`update member_warnings w set status = 'escalated', escalated_at = ${deps.clock.now().toISOString()}::timestamptz
          from members mb, org_units c where mb.id = w.member_id and c.id = w.cell_id and w.status = 'open' and w.deadline < ${today}::date
          returning w.id, w.member_id as "memberId", mb.full_name as member, c.name as cell, w.cell_id as "cellId"`,
    );
    if (rows.length === 0) return 0;
    await writeAudit(
      tx,
      null,
      rows.map((r) => ({
        action: 'warning.escalate',
        entityType: 'member_warning',
        entityId: r.id,
        unitId: r.cellId,
        before: { status: 'open' },
        after: { status: 'escalated' },
      })),
    );
    const officers = await queryRows<{ memberId: string; userId: string }>(
      tx,
      sql`select mb.id as "memberId", rg.user_id as "userId" from members mb join org_units wc on wc.id = mb.cell_id
          join role_grants rg on rg.role = 'committee_officer' and rg.revoked_at is null
            and rg.unit_id = (select x.id from org_units x where x.path @> wc.path and x.id <> wc.id
              and x.type not in ('residential_cell', 'workplace_cell') order by x.depth desc limit 1)
          where mb.id = any(${`{${[...new Set(rows.map((r) => r.memberId))].join(',')}}`}::uuid[])`,
    );
    await notifyEach(
      tx,
      rows.flatMap((r) =>
        officers
          .filter((o) => o.memberId === r.memberId)
          .map((o): Notice => ({
            userId: o.userId,
            kind: 'warning_escalated',
            params: { member: r.member, cell: r.cell },
            link: `/members/${r.memberId}`,
          })),
      ),
      { email: true },
    );
    return rows.length;
  });
}
