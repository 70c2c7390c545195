import type { Compliance, MemberRecord } from '../../../shared/contracts/meetings';
import {
  attendedStatuses,
  unexcusedAbsenceStatus,
  uncountedAttendanceStatuses,
} from '../../../shared/rules/attendance';
import { trailingUnexcused } from '../../../shared/rules/residence-rules';
import { halfYearDays, halfYearState, vnYear } from '../../../shared/rules/vietnam-calendar';
import { isAdmin, type Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { memberReadScope, withinGrants } from '../../http/access';
import { lifeRulesOn } from '../rule-sets/rule-sets.service';
import type { MeetingDeps } from './meeting-context';
import {
  cellComplianceRows,
  findReadableMember,
  findUnit,
  memberAttendanceRows,
} from './compliance.repository';

/** Compliance per cell (Art. 4.3: meetings per half-year) and each member's attendance record (Art. 4.4). */

export async function cellCompliance(
  deps: MeetingDeps,
  actor: Actor,
  unitId: string | undefined,
  year?: number,
): Promise<Compliance> {
  const id =
    unitId ??
    actor.grants.find(
      (g) =>
        g.unitId &&
        (g.role === 'cell_secretary' || g.role === 'committee_officer' || g.role === 'front_head'),
    )?.unitId;
  if (!id) throw new NotFound('meetings_no_unit');
  const unit = await findUnit(deps.db, id);
  const reach =
    isAdmin(actor) ||
    (!!unit && withinGrants(actor, unit.path, 'cell_secretary', 'committee_officer', 'front_head'));
  if (!unit || !reach) throw new NotFound();
  const now = deps.clock.now();
  const y = year ?? vnYear(now);
  const rows = await cellComplianceRows(deps.db, unit.path, y);
  // each half-year is measured by the rule set in force at its end (Art. 4.3)
  const required = {
    1: (await lifeRulesOn(deps.db, halfYearDays({ year: y, half: 1 }).to)).regularMeetingsPerHalfYear,
    2: (await lifeRulesOn(deps.db, halfYearDays({ year: y, half: 2 }).to)).regularMeetingsPerHalfYear,
  };
  const state = (half: 1 | 2, held: number) => {
    if (held >= required[half]) return 'met' as const;
    return ({ ended: 'missed', current: 'open', future: 'future' } as const)[
      halfYearState({ year: y, half }, now)
    ];
  };
  return {
    year: y,
    unitId: unit.id,
    unitName: unit.name,
    required: required[2],
    cells: rows.map((r) => ({
      cellId: r.cellId,
      cellName: r.cellName,
      workingMembers: r.workingMembers,
      halves: [
        {
          half: 1 as const,
          held: r.held1,
          required: required[1],
          state: state(1, r.held1),
        },
        {
          half: 2 as const,
          held: r.held2,
          required: required[2],
          state: state(2, r.held2),
        },
      ],
      attendanceRate: r.invited ? Math.round((r.attended / r.invited) * 1000) / 10 : null,
    })),
  };
}

/** A member's attendance over a year: the evidence the yearly evaluation will show next to the criteria. */
export async function memberRecord(
  deps: MeetingDeps,
  actor: Actor,
  memberId: string,
  year?: number,
): Promise<MemberRecord> {
  const m = await findReadableMember(deps.db, memberId, memberReadScope(actor));
  if (!m) throw new NotFound();
  const y = year ?? vnYear(deps.clock.now());
  const rows = await memberAttendanceRows(deps.db, memberId, y);
  const counted = rows.filter((r) => !uncountedAttendanceStatuses.includes(r.status));
  const attended = counted.filter((r) => attendedStatuses.includes(r.status)).length;
  return {
    memberId: m.id,
    fullName: m.fullName,
    year: y,
    invited: counted.length,
    attended,
    unexcused: counted.filter((r) => r.status === unexcusedAbsenceStatus).length,
    rate: counted.length ? Math.round((attended / counted.length) * 1000) / 10 : null,
    consecutiveUnexcused: trailingUnexcused(rows.map((r) => r.status)),
    reportAfterUnexcused: (await lifeRulesOn(deps.db, `${y}-12-31`)).consecutiveUnexcusedAbsencesToReport,
    meetings: rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt).toISOString() })),
  };
}
