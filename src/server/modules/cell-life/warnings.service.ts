import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { CreateWarningBody, WarningItem } from '../../../shared/contracts/cell-life';
import {
  canWarning,
  warningTarget,
  warningTransition,
  type WarningAction,
  type WarningQueue,
  type WarningStatus,
} from '../../../shared/rules/meeting';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { Actor } from '../../http/actor';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { manageScope, type CellLifeDeps } from './activities.service';
import { warningQueueSql } from './warning-queues';
import { warningReadScope } from './warnings.access';
import {
  cellSecretaries,
  closeWarning,
  escalateOverdue,
  findOpenWarningByKey,
  findResidentialCell,
  insertWarning,
  isActiveMemberOfCell,
  listWarningRows,
  lockWarning,
  memberUsers,
  workplaceOfficers,
  writeReply,
  type WarningView,
} from './warnings.repository';

/**
 * Art. 4.4: the cell committee reminds or warns a member with a deadline to improve; the member sees it and
 * can reply; still open at the deadline → escalated to the member's workplace committee (the field complaint:
 * a cell waiting a year before telling the workplace).
 */

/** How the actor sees warnings: what they run, whose they may reply to, what they read. */
const viewOf = (actor: Actor): WarningView => ({
  canManage: manageScope(actor, sql`w.cell_id`),
  memberId: actor.memberId ?? null,
  readScope: warningReadScope(actor),
});

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
  const { queue, cursor, limit, ...filter } = query;
  const rows = await listWarningRows(deps.db, viewOf(actor), {
    ...filter,
    queue: queue ? warningQueueSql(queue, vnDay(deps.clock.now())) : undefined,
    cursor: decodeCursor(cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, query.limit).map(toItem);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.createdAt, id: last.id }) : null,
  };
}

async function load(tx: Executor, actor: Actor, id: string): Promise<WarningItem> {
  const w = await lockWarning(tx, viewOf(actor), id);
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
    const cell = await findResidentialCell(tx, body.cellId, manageScope(actor, sql`id`));
    if (!cell?.ok) throw new NotFound();
    // Only a working member of this cell.
    if (!(await isActiveMemberOfCell(tx, body.memberId, body.cellId)))
      throw new Invalid('cell_life_member_not_here');
    const warningId = await insertWarning(tx, body, actor.userId);
    // Issue 12: one open reminder or warning per member and reason (index member_warnings_one_open).
    if (!warningId) return { id: await existingWarning(tx, body), created: false };
    await writeAudit(tx, actor, {
      action: 'warning.created',
      entityType: 'member_warning',
      entityId: warningId,
      unitId: body.cellId,
      after: body,
    });
    const users = await memberUsers(tx, body.memberId);
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
    return { id: warningId, created: true };
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
    await writeReply(tx, id, reply, deps.clock.now());
    const secretaries = await cellSecretaries(tx, w.cellId);
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
    await closeWarning(tx, { id, to: warningTransition('resolve').to, resolution, at: deps.clock.now() });
    return { resolution };
  });
}

export function withdrawWarning(deps: CellLifeDeps, actor: Actor, id: string) {
  return step(deps, actor, id, 'withdraw', async (tx) => {
    await closeWarning(tx, { id, to: warningTransition('withdraw').to, at: deps.clock.now() });
    return {};
  });
}

/** Open warnings past their deadline (Vietnam's calendar) go to the workplace committee, once. */
export async function escalateOverdueWarnings(deps: CellLifeDeps): Promise<number> {
  const today = vnDay(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const escalate = warningTransition('escalate');
    const rows = await escalateOverdue(tx, {
      from: escalate.from,
      to: escalate.to,
      today,
      at: deps.clock.now(),
    });
    if (rows.length === 0) return 0;
    await writeAudit(
      tx,
      null,
      rows.map((r) => ({
        action: 'warning.escalate',
        entityType: 'member_warning',
        entityId: r.id,
        unitId: r.cellId,
        before: { status: escalate.from[0] },
        after: { status: escalate.to },
      })),
    );
    const officers = await workplaceOfficers(
      tx,
      rows.map((r) => r.memberId),
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
