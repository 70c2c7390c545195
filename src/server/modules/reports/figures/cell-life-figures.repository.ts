import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { contributionStatusSchema } from '../../../../shared/contracts/cell-life';
import type { MeetingStatus, WarningStatus } from '../../../../shared/rules/meeting';
import type { AttendanceStatus } from '../../../../shared/rules/residence-rules';
import { isActiveUnit, isValue, oneOf } from '../../../db/sql-values';
import { vnHalfOf, vnYearOf, vnYearStart } from '../../../db/vietnam-calendar-sql';
import type { FigureContext, FigureSource } from './figure-source.repository';

type ContributionStatus = z.infer<typeof contributionStatusSchema>;

/**
 * Cell life (Art. 4.3, 4.4, 2.6): meetings per half-year, per-person attendance, notices of repeated
 * absence, warnings, local campaigns and members' contributions. Meetings count under their residential
 * cell; attendance, warnings and contributions also under the member's party cell (the workplace sees how
 * its members take part at home).
 */

const years = (ys: readonly number[]) => sql`${`{${ys.join(',')}}`}::int[]`;
const HELD = isValue(sql`mt.status`, 'held' satisfies MeetingStatus);

/** Alias mt. */
export const meetingsSource: FigureSource = {
  name: 'meetings',
  drill: 'meetings',
  sides: { residence: { anchor: sql`mt.cell_id`, touches: (units) => sql`mt.cell_id = any(${units})` } },
  from: () => sql`meetings mt where true`,
  year: vnYearOf(sql`mt.starts_at`),
  half: vnHalfOf(sql`mt.starts_at`),
  figures: () => ({
    meetingsHeld: sql`${HELD} and mt.kind = 'regular'`,
    meetingsExtraordinary: sql`${HELD} and mt.kind = 'extraordinary'`,
    meetingsCancelled: isValue(sql`mt.status`, 'cancelled' satisfies MeetingStatus),
  }),
};

/** Active residential cells (alias c). */
export const cellsSource: FigureSource = {
  name: 'cells',
  drill: 'cells',
  sides: { residence: { anchor: sql`c.id`, touches: (units) => sql`c.id = any(${units})` } },
  from: () => sql`org_units c where c.type = 'residential_cell' and ${isActiveUnit(sql`c.status`)}`,
  year: null,
  figures: () => ({ cellsTotal: sql`true` }),
};

/** Art. 4.3: each active cell and year with the regular meetings it held in each half (alias c, k). */
export function cellHalvesFrom(ys: readonly number[], required: FigureContext['requiredMeetings']): SQL {
  return sql`org_units c cross join unnest(${years(ys)}) as y(year)
    cross join lateral (
      select count(*) filter (where ${vnHalfOf(sql`mt.starts_at`)} = 1)::int as held1,
             count(*) filter (where ${vnHalfOf(sql`mt.starts_at`)} = 2)::int as held2
      from meetings mt where mt.cell_id = c.id and ${HELD} and mt.kind = 'regular'
        and mt.starts_at >= ${vnYearStart(sql`y.year`)}
        and mt.starts_at < ${vnYearStart(sql`y.year + 1`)}) k
    join jsonb_to_recordset(${JSON.stringify(required)}::jsonb) as req(year int, half1 int, half2 int) on req.year = y.year
    where c.type = 'residential_cell' and ${isActiveUnit(sql`c.status`)}`;
}

export const cellYearsSource: FigureSource = {
  name: 'cell-years',
  drill: 'cells',
  sides: cellsSource.sides,
  from: (ctx) => cellHalvesFrom(ctx.years, ctx.requiredMeetings),
  year: sql`y.year`,
  figures: () => ({
    // rows are cells, not meetings: the half-year is in the predicate
    cellsMet: { byHalf: (h) => sql`k.held${sql.raw(String(h))} >= req.half${sql.raw(String(h))}` },
    cellsNotMet: { byHalf: (h) => sql`k.held${sql.raw(String(h))} < req.half${sql.raw(String(h))}` },
    cellsMetBoth: sql`k.held1 >= req.half1 and k.held2 >= req.half2`,
  }),
};

function attendance(...statuses: AttendanceStatus[]): SQL {
  return oneOf(sql`a.status`, statuses);
}

/** Per-person attendance of held meetings (aliases a, mt, m). */
export const attendanceSource: FigureSource = {
  name: 'attendance',
  drill: 'attendance',
  sides: {
    // the meeting's cell (attendance rows carry it too, unindexed): meetings index → attendance key
    residence: { anchor: sql`mt.cell_id`, touches: (units) => sql`mt.cell_id = any(${units})` },
    workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
  },
  from: () =>
    sql`meeting_attendances a join meetings mt on mt.id = a.meeting_id join members m on m.id = a.member_id where ${HELD}`,
  year: vnYearOf(sql`mt.starts_at`),
  half: vnHalfOf(sql`mt.starts_at`),
  figures: () => ({
    // present counts the late too: both took part
    attPresent: attendance('present', 'late'),
    attLate: attendance('late'),
    attExcused: attendance('absent_excused'),
    attUnexcused: attendance('absent_unexcused'),
    attExempt: attendance('excused_exempt'),
    attUnrecorded: attendance('unrecorded'),
  }),
};

/** Art. 4.4: notices of repeated unexcused absence, by the year of the meeting that completed the run. */
export const alertsSource: FigureSource = {
  name: 'alerts',
  drill: 'alerts',
  sides: {
    residence: { anchor: sql`mt.cell_id`, touches: (units) => sql`mt.cell_id = any(${units})` },
    workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
  },
  from: () =>
    sql`attendance_alerts al join meetings mt on mt.id = al.meeting_id join members m on m.id = al.member_id where true`,
  year: vnYearOf(sql`mt.starts_at`),
  figures: () => ({ absenceNotices: sql`true` }),
};

const warningSides: FigureSource['sides'] = {
  residence: { anchor: sql`w.cell_id`, touches: (units) => sql`w.cell_id = any(${units})` },
  workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
};
const WARNINGS = sql`member_warnings w join members m on m.id = w.member_id where true`;

export const warningsNowSource: FigureSource = {
  name: 'warnings-now',
  drill: 'warnings',
  sides: warningSides,
  from: () => WARNINGS,
  year: null,
  figures: () => ({
    warningsOpen: isValue(sql`w.status`, 'open' satisfies WarningStatus),
    warningsEscalated: isValue(sql`w.status`, 'escalated' satisfies WarningStatus),
  }),
};

export const warningsIssuedSource: FigureSource = {
  name: 'warnings-issued',
  drill: 'warnings',
  sides: warningSides,
  from: () => WARNINGS,
  year: vnYearOf(sql`w.created_at`),
  figures: () => ({ warningsIssued: sql`true` }),
};

/** Local campaigns (alias act), by the year they start. */
export const activitiesSource: FigureSource = {
  name: 'activities',
  drill: 'activities',
  sides: { residence: { anchor: sql`act.unit_id`, touches: (units) => sql`act.unit_id = any(${units})` } },
  from: () => sql`activities act where true`,
  year: sql`extract(year from act.starts_on)::int`,
  figures: () => ({ activities: sql`true` }),
};

/** Confirmed contributions (aliases ac, act, m). */
export const contributionsSource: FigureSource = {
  name: 'contributions',
  drill: 'contributions',
  sides: {
    residence: { anchor: sql`act.unit_id`, touches: (units) => sql`act.unit_id = any(${units})` },
    workplace: { anchor: sql`m.cell_id`, touches: (units) => sql`m.cell_id = any(${units})` },
  },
  from: () => sql`activity_contributions ac join activities act on act.id = ac.activity_id join members m on m.id = ac.member_id
    where ${isValue(sql`ac.status`, 'confirmed' satisfies ContributionStatus)}`,
  year: sql`extract(year from act.starts_on)::int`,
  figures: () => ({
    contributions: sql`true`,
    contributionDays: { when: sql`true`, sum: sql`coalesce(ac.work_days, 0)::float8` },
    contributionMoney: { when: sql`true`, sum: sql`coalesce(ac.money_vnd, 0)::float8` },
  }),
};
