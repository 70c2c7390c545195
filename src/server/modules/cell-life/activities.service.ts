import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../../db/client';
import type { Clock } from '../../context';
import type { ActivityDetail, ActivityItem, ContributionBody, ContributionItem, CreateActivityBody } from '../../../shared/contracts/cell-life';
import { grantsWith, isAdmin, type Actor } from '../../http/actor';
import { memberReadScope } from '../../http/access';
import { members } from '../../db/schema';
import { Conflict, Forbidden, Invalid, NotFound } from '../../http/errors';
import { writeAudit } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../members/members.repository';
import { notifyEach, type Notice } from '../notifications/notifications.service';

/**
 * Local campaigns and movements (Art. 2.4–2.6) run by a residential cell or a commune, and each member's part
 * in them: days of work, money, expertise, in kind, role. The secretary records (confirmed); a member may
 * propose their own, which the secretary confirms or rejects.
 */

export interface CellLifeDeps {
  db: Db;
  clock: Clock;
}

function anyOf(conditions: SQL[]): SQL {
  return conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

/** Units (column) the actor runs: cell secretaries their cells, committee officers their subtree. */
export function manageScope(actor: Actor, unitColumn: SQL): SQL {
  if (isAdmin(actor)) return sql`true`;
  return anyOf(grantsWith(actor, 'cell_secretary', 'committee_officer').map((g) => sql`${unitColumn} in (select u.id from org_units u where u.path <@ ${g.unitPath}::ltree)`));
}

/** Activities readable: managed units, the Front head's cell, a member's residence cell and its commune. */
function activityReadScope(actor: Actor): SQL {
  if (isAdmin(actor)) return sql`true`;
  const conditions = grantsWith(actor, 'cell_secretary', 'committee_officer', 'front_head').map(
    (g) => sql`(ac.unit_id in (select u.id from org_units u where u.path <@ ${g.unitPath}::ltree)
      or ac.unit_id in (select p.id from org_units p where p.path @> ${g.unitPath}::ltree and p.type in ('commune_committee', 'district_committee')))`,
  );
  if (actor.memberId)
    conditions.push(sql`ac.unit_id in (select x from members mm, unnest(array[mm.residence_cell_id, mm.residence_commune_id]) x where mm.id = ${actor.memberId})`);
  return anyOf(conditions);
}

const activitySelect = sql`select ac.id, ac.unit_id as "unitId", u.name as "unitName", ac.kind, ac.title, ac.description,
    ac.starts_on::text as "startsOn", ac.ends_on::text as "endsOn",
    (select count(distinct c.member_id)::int from activity_contributions c where c.activity_id = ac.id and c.status = 'confirmed') as contributors,
    (select coalesce(sum(c.work_days), 0)::float from activity_contributions c where c.activity_id = ac.id and c.status = 'confirmed') as "workDays",
    (select coalesce(sum(c.money_vnd), 0)::float from activity_contributions c where c.activity_id = ac.id and c.status = 'confirmed') as "moneyVnd",
    (select count(*)::int from activity_contributions c where c.activity_id = ac.id and c.status = 'proposed') as pending
  from activities ac join org_units u on u.id = ac.unit_id`;

export async function createActivity(deps: CellLifeDeps, actor: Actor, body: CreateActivityBody): Promise<ActivityDetail> {
  if (body.endsOn && body.endsOn < body.startsOn) throw new Invalid('validation_failed', { endsOn: 'introductions.periodOrder' });
  const id = await deps.db.transaction(async (tx) => {
    const [unit] = await queryRows<{ type: string; ok: boolean }>(tx, sql`select type, ${manageScope(actor, sql`id`)} as ok from org_units where id = ${body.unitId} and status = 'active'`);
    if (!unit?.ok) throw new NotFound();
    if (!['residential_cell', 'commune_committee', 'district_committee'].includes(unit.type)) throw new Invalid('validation_failed', { unitId: 'cellLife.unitInvalid' });
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into activities (unit_id, kind, title, description, starts_on, ends_on, created_by)
          values (${body.unitId}, ${body.kind}, ${body.title}, ${body.description ?? null}, ${body.startsOn}::date, ${body.endsOn ?? null}::date, ${actor.userId})
          returning id`,
    );
    await writeAudit(tx, actor, { action: 'activity.created', entityType: 'activity', entityId: row!.id, unitId: body.unitId, after: body });
    return row!.id;
  });
  return getActivity(deps, actor, id);
}

export async function listActivities(deps: CellLifeDeps, actor: Actor, query: { unitId?: string; cursor?: string; limit: number }) {
  const where: SQL[] = [activityReadScope(actor)];
  if (query.unitId)
    where.push(sql`(ac.unit_id = ${query.unitId} or ac.unit_id = (select parent_id from org_units where id = ${query.unitId} and type = 'residential_cell'))`);
  const cursor = decodeCursor(query.cursor);
  if (cursor) where.push(sql`(ac.starts_on, ac.id) < (${cursor.k}::date, ${cursor.id}::uuid)`);
  const rows = await queryRows<ActivityItem>(deps.db, sql`${activitySelect} where ${sql.join(where.map((w) => sql`(${w})`), sql` and `)}
    order by ac.starts_on desc, ac.id desc limit ${query.limit + 1}`);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.startsOn, id: last.id }) : null };
}

const contributionSelect = sql`select c.id, c.activity_id as "activityId", ac.title as "activityTitle", c.member_id as "memberId",
    mb.full_name as "memberName", c.role, c.work_days::float as "workDays", c.money_vnd::float as "moneyVnd", c.expertise,
    c.in_kind as "inKind", c.note, c.status, (c.proposed_by = u.id) as "proposedByMember", c.created_at as "createdAt"
  from activity_contributions c join activities ac on ac.id = c.activity_id join members mb on mb.id = c.member_id
  left join users u on u.member_id = c.member_id`;

function toContribution(c: ContributionItem & { createdAt: string | Date; proposedByMember: boolean | null }): ContributionItem {
  return { ...c, proposedByMember: !!c.proposedByMember, createdAt: new Date(c.createdAt).toISOString() };
}

export async function getActivity(deps: CellLifeDeps, actor: Actor, id: string): Promise<ActivityDetail> {
  const [a] = await queryRows<ActivityItem & { canManage: boolean }>(
    deps.db,
    sql`${activitySelect} where ac.id = ${id} and ${activityReadScope(actor)}`,
  );
  if (!a) throw new NotFound();
  const [{ canManage } = { canManage: false }] = await queryRows<{ canManage: boolean }>(deps.db, sql`select ${manageScope(actor, sql`${a.unitId}::uuid`)} as "canManage"`);
  const contributions = await queryRows<ContributionItem>(deps.db, sql`${contributionSelect} where c.activity_id = ${id} order by mb.sort_key collate "C", c.created_at`);
  const visible = canManage ? contributions : contributions.filter((c) => c.status === 'confirmed' || c.memberId === actor.memberId);
  return { ...a, canManage, contributions: visible.map(toContribution) };
}

async function lockActivity(tx: Executor, actor: Actor, id: string) {
  const [a] = await queryRows<{ id: string; unitId: string; unitType: string; title: string; canManage: boolean }>(
    tx,
    sql`select ac.id, ac.unit_id as "unitId", u.type as "unitType", ac.title, ${manageScope(actor, sql`ac.unit_id`)} as "canManage"
        from activities ac join org_units u on u.id = ac.unit_id where ac.id = ${id} and ${activityReadScope(actor)} for update of ac`,
  );
  if (!a) throw new NotFound();
  return a;
}

/**
 * Record a member's part. The secretary records any working member living in the unit (confirmed at once);
 * a member proposes their own (waits for the secretary).
 */
export async function addContribution(deps: CellLifeDeps, actor: Actor, activityId: string, body: ContributionBody): Promise<ActivityDetail> {
  await deps.db.transaction(async (tx) => {
    const a = await lockActivity(tx, actor, activityId);
    const own = !body.memberId || body.memberId === actor.memberId;
    const memberId = body.memberId ?? actor.memberId;
    if (!memberId) throw new Invalid('validation_failed', { memberId: 'field.required' });
    if (!own && !a.canManage) throw new Forbidden('cell_life_manage_only');
    const [lives] = await queryRows<{ name: string }>(
      tx,
      sql`select mb.full_name as name from members mb join org_units u on u.id = ${a.unitId}
          where mb.id = ${memberId} and mb.status = 'active'
            and (mb.residence_cell_id = u.id or mb.residence_commune_id = u.id
              or mb.residence_cell_id in (select x.id from org_units x where x.path <@ u.path))`,
    );
    if (!lives) throw new Invalid('cell_life_member_not_here');
    // The secretary's record stands; a member's own proposal waits for the secretary.
    const status = a.canManage ? 'confirmed' : 'proposed';
    const [c] = await queryRows<{ id: string }>(
      tx,
      sql`insert into activity_contributions (activity_id, member_id, role, work_days, money_vnd, expertise, in_kind, note, status, proposed_by, decided_by, decided_at)
          values (${activityId}, ${memberId}, ${body.role}, ${body.workDays ?? null}, ${body.moneyVnd ?? null}, ${body.expertise ?? null}, ${body.inKind ?? null},
            ${body.note ?? null}, ${status}, ${actor.userId}, ${status === 'confirmed' ? actor.userId : null},
            ${status === 'confirmed' ? deps.clock.now().toISOString() : null}::timestamptz)
          returning id`,
    );
    await writeAudit(tx, actor, { action: `contribution.${status}`, entityType: 'activity', entityId: activityId, unitId: a.unitId, after: { id: c!.id, memberId, ...body } });
    if (status === 'proposed') {
      const secretaries = await queryRows<{ userId: string }>(
        tx,
        sql`select distinct rg.user_id as "userId" from role_grants rg join members mb on mb.id = ${memberId}
            where rg.role = 'cell_secretary' and rg.revoked_at is null and rg.unit_id = mb.residence_cell_id`,
      );
      await notifyEach(tx, secretaries.map((s): Notice => ({ userId: s.userId, kind: 'contribution_proposed', params: { activity: activityId, title: a.title, member: lives.name }, link: `/activities/${activityId}` })));
    }
  });
  return getActivity(deps, actor, activityId);
}

export async function decideContribution(deps: CellLifeDeps, actor: Actor, contributionId: string, decision: 'confirm' | 'reject', note?: string | null): Promise<ActivityDetail> {
  const activityId = await deps.db.transaction(async (tx) => {
    const [c] = await queryRows<{ activityId: string; status: string }>(
      tx,
      sql`select activity_id as "activityId", status from activity_contributions where id = ${contributionId} for update`,
    );
    if (!c) throw new NotFound();
    const a = await lockActivity(tx, actor, c.activityId);
    if (!a.canManage) throw new Forbidden('cell_life_manage_only');
    const to = decision === 'confirm' ? 'confirmed' : 'rejected';
    if (c.status === to) return c.activityId;
    if (c.status !== 'proposed') throw new Conflict('contribution_decided');
    await tx.execute(sql`update activity_contributions set status = ${to}, decided_by = ${actor.userId}, decided_at = ${deps.clock.now().toISOString()}::timestamptz,
      note = coalesce(${note ?? null}, note) where id = ${contributionId}`);
    await writeAudit(tx, actor, { action: `contribution.${to}`, entityType: 'activity', entityId: c.activityId, unitId: a.unitId, before: { status: c.status }, after: { id: contributionId, status: to, note: note ?? null } });
    return c.activityId;
  });
  return getActivity(deps, actor, activityId);
}

/** A member's contributions over a year (evidence for the yearly evaluation). */
export async function memberContributions(deps: CellLifeDeps, actor: Actor, memberId: string, year: number) {
  const [m] = await queryRows<{ id: string }>(deps.db, sql`select ${members.id} as id from ${members} where ${members.id} = ${memberId} and ${memberReadScope(actor)}`);
  if (!m) throw new NotFound();
  const rows = await queryRows<ContributionItem>(
    deps.db,
    sql`${contributionSelect} where c.member_id = ${memberId} and c.status <> 'rejected'
        and extract(year from ac.starts_on) = ${year} order by ac.starts_on desc, c.created_at desc`,
  );
  return { items: rows.map(toContribution) };
}
