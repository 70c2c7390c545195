import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { members } from '../../db/schema';
import { isNotValue, isValue, oneOf } from '../../db/sql-values';
import type {
  ActivityItem,
  ContributionBody,
  ContributionItem,
  CreateActivityBody,
} from '../../../shared/contracts/cell-life';
import {
  pendingContributionStatuses,
  rejectedContributionStatus,
  standingContributionStatuses,
  type ContributionStatus,
} from '../../../shared/rules/contribution';
import { activeMemberStatus, activeUnitStatus } from '../org-units/org-units.rules';

/** Queries of campaigns, movements and the members' contributions (the rules are in activities.service.ts). */

const standing = oneOf(sql`c.status`, standingContributionStatuses);

const activitySelect = sql`select ac.id, ac.unit_id as "unitId", u.name as "unitName", ac.kind, ac.title, ac.description,
    ac.starts_on::text as "startsOn", ac.ends_on::text as "endsOn",
    (select count(distinct c.member_id)::int from activity_contributions c where c.activity_id = ac.id and ${standing}) as contributors,
    (select coalesce(sum(c.work_days), 0)::float from activity_contributions c where c.activity_id = ac.id and ${standing}) as "workDays",
    (select coalesce(sum(c.money_vnd), 0)::float from activity_contributions c where c.activity_id = ac.id and ${standing}) as "moneyVnd",
    (select count(*)::int from activity_contributions c where c.activity_id = ac.id and ${oneOf(sql`c.status`, pendingContributionStatuses)}) as pending
  from activities ac join org_units u on u.id = ac.unit_id`;

const contributionSelect = sql`select c.id, c.activity_id as "activityId", ac.title as "activityTitle", c.member_id as "memberId",
    mb.full_name as "memberName", c.role, c.work_days::float as "workDays", c.money_vnd::float as "moneyVnd", c.expertise,
    c.in_kind as "inKind", c.note, c.status, (c.proposed_by = u.id) as "proposedByMember", c.created_at as "createdAt"
  from activity_contributions c join activities ac on ac.id = c.activity_id join members mb on mb.id = c.member_id
  left join users u on u.member_id = c.member_id`;

export type ContributionRow = ContributionItem & {
  createdAt: string | Date;
  proposedByMember: boolean | null;
};

/** The active unit and whether the actor runs it (`manageScope` on its `id`). */
export async function findActiveUnit(db: Executor, unitId: string, manageScope: SQL) {
  const [unit] = await queryRows<{ type: string; ok: boolean }>(
    db,
    sql`select type, ${manageScope} as ok from org_units where id = ${unitId} and ${isValue(sql`status`, activeUnitStatus)}`,
  );
  return unit;
}

export async function insertActivity(
  db: Executor,
  body: CreateActivityBody,
  createdBy: string,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into activities (unit_id, kind, title, description, starts_on, ends_on, created_by)
        values (${body.unitId}, ${body.kind}, ${body.title}, ${body.description ?? null}, ${body.startsOn}::date, ${body.endsOn ?? null}::date, ${createdBy})
        returning id`,
  );
  return row!.id;
}

export async function listActivityRows(
  db: Executor,
  q: { readScope: SQL; unitId?: string; cursor: { k: string; id: string } | null; limit: number },
): Promise<ActivityItem[]> {
  const where: SQL[] = [q.readScope];
  if (q.unitId)
    where.push(
      sql`(ac.unit_id = ${q.unitId} or ac.unit_id = (select parent_id from org_units where id = ${q.unitId} and type = 'residential_cell'))`,
    );
  if (q.cursor) where.push(sql`(ac.starts_on, ac.id) < (${q.cursor.k}::date, ${q.cursor.id}::uuid)`);
  return queryRows<ActivityItem>(
    db,
    sql`${activitySelect} where ${sql.join(
      where.map((w) => sql`(${w})`),
      sql` and `,
    )}
    order by ac.starts_on desc, ac.id desc limit ${q.limit}`,
  );
}

export async function findActivity(
  db: Executor,
  id: string,
  readScope: SQL,
): Promise<ActivityItem | undefined> {
  const [a] = await queryRows<ActivityItem>(db, sql`${activitySelect} where ac.id = ${id} and ${readScope}`);
  return a;
}

/** Whether `manageScope` (over a unit id) holds: a scope evaluated on its own. */
export async function scopeHolds(db: Executor, scope: SQL): Promise<boolean> {
  const [{ ok } = { ok: false }] = await queryRows<{ ok: boolean }>(db, sql`select ${scope} as ok`);
  return ok;
}

export async function activityContributions(db: Executor, activityId: string): Promise<ContributionRow[]> {
  return queryRows<ContributionRow>(
    db,
    sql`${contributionSelect} where c.activity_id = ${activityId} order by mb.sort_key collate "C", c.created_at`,
  );
}

/** The activity, locked for a change, if the actor reads it; `canManage` from `manageScope` over `ac.unit_id`. */
export async function lockActivityRow(db: Executor, id: string, readScope: SQL, manageScope: SQL) {
  const [a] = await queryRows<{
    id: string;
    unitId: string;
    unitType: string;
    title: string;
    canManage: boolean;
  }>(
    db,
    sql`select ac.id, ac.unit_id as "unitId", u.type as "unitType", ac.title, ${manageScope} as "canManage"
        from activities ac join org_units u on u.id = ac.unit_id where ac.id = ${id} and ${readScope} for update of ac`,
  );
  return a;
}

/** The member's name when they are an active member living in the unit or under it. */
export async function findMemberLivingIn(db: Executor, memberId: string, unitId: string) {
  const [lives] = await queryRows<{ name: string }>(
    db,
    sql`select mb.full_name as name from members mb join org_units u on u.id = ${unitId}
        where mb.id = ${memberId} and ${isValue(sql`mb.status`, activeMemberStatus)}
          and (mb.residence_cell_id = u.id or mb.residence_commune_id = u.id
            or mb.residence_cell_id in (select x.id from org_units x where x.path <@ u.path))`,
  );
  return lives;
}

export async function insertContribution(
  db: Executor,
  c: {
    activityId: string;
    memberId: string;
    body: ContributionBody;
    status: ContributionStatus;
    userId: string;
    decidedAt: Date | null;
  },
): Promise<string> {
  const b = c.body;
  const decided = c.decidedAt !== null;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into activity_contributions (activity_id, member_id, role, work_days, money_vnd, expertise, in_kind, note, status, proposed_by, decided_by, decided_at)
        values (${c.activityId}, ${c.memberId}, ${b.role}, ${b.workDays ?? null}, ${b.moneyVnd ?? null}, ${b.expertise ?? null}, ${b.inKind ?? null},
          ${b.note ?? null}, ${c.status}, ${c.userId}, ${decided ? c.userId : null},
          ${decided ? c.decidedAt!.toISOString() : null}::timestamptz)
        returning id`,
  );
  return row!.id;
}

/** The secretaries of the member's residence cell. */
export async function memberCellSecretaries(db: Executor, memberId: string) {
  return queryRows<{ userId: string }>(
    db,
    sql`select distinct rg.user_id as "userId" from role_grants rg join members mb on mb.id = ${memberId}
        where rg.role = 'cell_secretary' and rg.revoked_at is null and rg.unit_id = mb.residence_cell_id`,
  );
}

export async function lockContribution(db: Executor, id: string) {
  const [c] = await queryRows<{ activityId: string; status: ContributionStatus }>(
    db,
    sql`select activity_id as "activityId", status from activity_contributions where id = ${id} for update`,
  );
  return c;
}

export async function decideContributionRow(
  db: Executor,
  d: { id: string; to: ContributionStatus; userId: string; at: Date; note: string | null },
): Promise<void> {
  await db.execute(sql`update activity_contributions set status = ${d.to}, decided_by = ${d.userId}, decided_at = ${d.at.toISOString()}::timestamptz,
    note = coalesce(${d.note}, note) where id = ${d.id}`);
}

export async function memberInScope(db: Executor, memberId: string, readScope: SQL): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select ${members.id} as id from ${members} where ${members.id} = ${memberId} and ${readScope}`,
  );
  return rows.length > 0;
}

/** A member's contributions to the activities starting in `year`, all but the rejected ones. */
export async function memberContributionRows(
  db: Executor,
  memberId: string,
  year: number,
): Promise<ContributionRow[]> {
  return queryRows<ContributionRow>(
    db,
    sql`${contributionSelect} where c.member_id = ${memberId} and ${isNotValue(sql`c.status`, rejectedContributionStatus)}
        and extract(year from ac.starts_on) = ${year} order by ac.starts_on desc, c.created_at desc`,
  );
}
