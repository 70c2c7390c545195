import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isValue, oneOf, uuidList } from '../../db/sql-values';
import { openMeetingStatuses } from '../../../shared/rules/meeting';
import { halfYearDays, type HalfYear } from '../../../shared/rules/vietnam-calendar';
import { activeUnitStatus } from '../org-units/org-units.rules';
import { regularMeetingsHeldIn, workingMembersOfCell } from './compliance.repository';

/** Queries of the periodic meeting jobs (rules in meetings.jobs.ts). */

/** Meetings still ahead that start within (now, until], locked so two servers never remind twice. */
export async function lockMeetingsStartingBy(db: Executor, now: Date, until: Date) {
  return queryRows<{
    id: string;
    title: string;
    startsAt: string;
    place: string;
    remindedDays: number[];
    ruleSetId: string;
  }>(
    db,
    sql`select id, title, starts_at as "startsAt", place, reminded_days as "remindedDays", rule_set_id as "ruleSetId" from meetings
        where ${oneOf(sql`status`, openMeetingStatuses)} and starts_at > ${now.toISOString()}::timestamptz
          and starts_at <= ${until.toISOString()}::timestamptz
        for update`,
  );
}

/** Adds the offsets each meeting was reminded at, all meetings in one statement. */
export async function addRemindedDays(
  db: Executor,
  reminded: { meetingId: string; offsets: number[] }[],
): Promise<void> {
  if (reminded.length === 0) return;
  await db.execute(sql`update meetings m set reminded_days = m.reminded_days || v.offsets
    from jsonb_to_recordset(${JSON.stringify(reminded)}::jsonb) as v("meetingId" uuid, offsets integer[])
    where m.id = v."meetingId"`);
}

/**
 * Flags, once per cell and half-year, every active residential cell with working members (existing by the
 * half's end) that held fewer regular meetings than `required`; returns the new flags with the cell's commune.
 */
export async function insertMissedHalfYearAlerts(db: Executor, h: HalfYear, required: number) {
  const { to } = halfYearDays(h);
  return queryRows<{ cellId: string; cellName: string; communeId: string | null; held: number }>(
    db,
    sql`with counted as (
          select c.id, c.name, c.parent_id, ${regularMeetingsHeldIn(h)} as held
          from org_units c
          where c.type = 'residential_cell' and ${isValue(sql`c.status`, activeUnitStatus)} and c.valid_from <= ${to}::date
            and exists (${workingMembersOfCell}))
        insert into cell_compliance_alerts (cell_id, year, half, held, required)
        select id, ${h.year}, ${h.half}, held, ${required} from counted
        where held < ${required}
        on conflict do nothing
        returning cell_id as "cellId", (select name from org_units where id = cell_id) as "cellName",
          (select parent_id from org_units where id = cell_id) as "communeId", held`,
  );
}

/** The active committee officers of these units. */
export async function committeeOfficersOf(db: Executor, unitIds: string[]) {
  return queryRows<{ unitId: string; userId: string }>(
    db,
    sql`select rg.unit_id as "unitId", rg.user_id as "userId" from role_grants rg join users u on u.id = rg.user_id and u.is_active
        where rg.role = 'committee_officer' and rg.revoked_at is null
          and rg.unit_id = any(${uuidList(unitIds)})`,
  );
}
