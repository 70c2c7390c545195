import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import type {
  ActivityDetail,
  ContributionBody,
  ContributionItem,
  CreateActivityBody,
} from '../../../shared/contracts/cell-life';
import {
  checkContribution,
  contributionTransition,
  standingContributionStatuses,
} from '../../../shared/rules/contribution';
import type { Actor } from '../../http/actor';
import { memberReadScope } from '../../http/access';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../db/member-sql';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import type { Executor } from '../../db/client';
import { activityReadScope, manageScope } from './activities.access';
import {
  activityContributions,
  decideContributionRow,
  findActiveUnit,
  findActivity,
  findMemberLivingIn,
  insertActivity,
  insertContribution,
  listActivityRows,
  lockActivityRow,
  lockContribution,
  memberCellSecretaries,
  memberContributionRows,
  memberInScope,
  scopeHolds,
  type ContributionRow,
} from './activities.repository';

/**
 * Local campaigns and movements (Art. 2.4–2.6) run by a residential cell or a commune, and each member's part
 * in them: days of work, money, expertise, in kind, role. The secretary records (confirmed); a member may
 * propose their own, which the secretary confirms or rejects.
 */

export interface CellLifeDeps {
  db: Db;
  clock: Clock;
}

// warnings.service.ts and others read the scope from here
export { manageScope };

const activityUnitTypes = ['residential_cell', 'commune_committee', 'district_committee'];

export async function createActivity(
  deps: CellLifeDeps,
  actor: Actor,
  body: CreateActivityBody,
): Promise<ActivityDetail> {
  if (body.endsOn && body.endsOn < body.startsOn)
    throw new Invalid('validation_failed', { endsOn: 'introductions.periodOrder' });
  const id = await deps.db.transaction(async (tx) => {
    const unit = await findActiveUnit(tx, body.unitId, manageScope(actor, sql`id`));
    if (!unit?.ok) throw new NotFound();
    if (!activityUnitTypes.includes(unit.type))
      throw new Invalid('validation_failed', { unitId: 'cellLife.unitInvalid' });
    const activityId = await insertActivity(tx, body, actor.userId);
    await writeAudit(tx, actor, {
      action: 'activity.created',
      entityType: 'activity',
      entityId: activityId,
      unitId: body.unitId,
      after: body,
    });
    return activityId;
  });
  return getActivity(deps, actor, id);
}

export async function listActivities(
  deps: CellLifeDeps,
  actor: Actor,
  query: { unitId?: string; cursor?: string; limit: number },
) {
  const rows = await listActivityRows(deps.db, {
    readScope: activityReadScope(actor),
    unitId: query.unitId,
    cursor: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.startsOn, id: last.id }) : null,
  };
}

function toContribution(c: ContributionRow): ContributionItem {
  return { ...c, proposedByMember: !!c.proposedByMember, createdAt: new Date(c.createdAt).toISOString() };
}

export async function getActivity(deps: CellLifeDeps, actor: Actor, id: string): Promise<ActivityDetail> {
  const a = await findActivity(deps.db, id, activityReadScope(actor));
  if (!a) throw new NotFound();
  const canManage = await scopeHolds(deps.db, manageScope(actor, sql`${a.unitId}::uuid`));
  const contributions = await activityContributions(deps.db, id);
  // Others see the contributions that stand, and their own.
  const visible = canManage
    ? contributions
    : contributions.filter(
        (c) => standingContributionStatuses.includes(c.status) || c.memberId === actor.memberId,
      );
  return { ...a, canManage, contributions: visible.map(toContribution) };
}

async function lockActivity(tx: Executor, actor: Actor, id: string) {
  const a = await lockActivityRow(tx, id, activityReadScope(actor), manageScope(actor, sql`ac.unit_id`));
  if (!a) throw new NotFound();
  return a;
}

/**
 * Record a member's part. The secretary records any working member living in the unit (confirmed at once);
 * a member proposes their own (waits for the secretary).
 */
export async function addContribution(
  deps: CellLifeDeps,
  actor: Actor,
  activityId: string,
  body: ContributionBody,
): Promise<ActivityDetail> {
  await deps.db.transaction(async (tx) => {
    const a = await lockActivity(tx, actor, activityId);
    const own = !body.memberId || body.memberId === actor.memberId;
    const memberId = body.memberId ?? actor.memberId;
    if (!memberId) throw new Invalid('validation_failed', { memberId: 'field.required' });
    if (!own && !a.canManage) throw new Forbidden('cell_life_manage_only');
    const lives = await findMemberLivingIn(tx, memberId, a.unitId);
    if (!lives) throw new Invalid('cell_life_member_not_here');
    // The secretary's record stands; a member's own proposal waits for the secretary.
    const step = contributionTransition(a.canManage ? 'record' : 'propose');
    const status = step.to;
    const id = await insertContribution(tx, {
      activityId,
      memberId,
      body,
      status,
      userId: actor.userId,
      decidedAt: step.action === 'record' ? deps.clock.now() : null,
    });
    await writeAudit(tx, actor, {
      action: `contribution.${status}`,
      entityType: 'activity',
      entityId: activityId,
      unitId: a.unitId,
      after: { id, memberId, ...body },
    });
    if (step.action === 'propose') {
      const secretaries = await memberCellSecretaries(tx, memberId);
      await notifyEach(
        tx,
        secretaries.map((s): Notice => ({
          userId: s.userId,
          kind: 'contribution_proposed',
          params: { activity: activityId, title: a.title, member: lives.name },
          link: `/activities/${activityId}`,
        })),
      );
    }
  });
  return getActivity(deps, actor, activityId);
}

export async function decideContribution(
  deps: CellLifeDeps,
  actor: Actor,
  contributionId: string,
  decision: 'confirm' | 'reject',
  note?: string | null,
): Promise<ActivityDetail> {
  const activityId = await deps.db.transaction(async (tx) => {
    const c = await lockContribution(tx, contributionId);
    if (!c) throw new NotFound();
    const a = await lockActivity(tx, actor, c.activityId);
    if (!a.canManage) throw new Forbidden('cell_life_manage_only');
    const check = checkContribution(decision, c.status);
    if (check.ok && check.repeated) return c.activityId;
    if (!check.ok) throw new Conflict('contribution_decided');
    const to = check.to;
    await decideContributionRow(tx, {
      id: contributionId,
      to,
      userId: actor.userId,
      at: deps.clock.now(),
      note: note ?? null,
    });
    await writeAudit(tx, actor, {
      action: `contribution.${to}`,
      entityType: 'activity',
      entityId: c.activityId,
      unitId: a.unitId,
      before: { status: c.status },
      after: { id: contributionId, status: to, note: note ?? null },
    });
    return c.activityId;
  });
  return getActivity(deps, actor, activityId);
}

/** A member's contributions over a year (evidence for the yearly evaluation). */
export async function memberContributions(deps: CellLifeDeps, actor: Actor, memberId: string, year: number) {
  if (!(await memberInScope(deps.db, memberId, memberReadScope(actor)))) throw new NotFound();
  const rows = await memberContributionRows(deps.db, memberId, year);
  return { items: rows.map(toContribution) };
}
