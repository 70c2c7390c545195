import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import {
  halfYearDays,
  previousHalfYear,
  vnDateTime,
  vnHalfYear,
} from '../../../shared/rules/vietnam-calendar';
import { escalateOverdueWarnings } from '../cell-life/warnings.service';
import { isAdmin, type Actor } from '../../http/actor';
import { Forbidden } from '../../http/errors';
import { notifyEach, type Notice } from '../notifications/notifications.service';
import { allLifeRules, lifeRulesOf, lifeRulesOn } from '../rule-sets/rule-sets.service';
import {
  addRemindedDays,
  committeeOfficersOf,
  insertMissedHalfYearAlerts,
  lockMeetingsStartingBy,
} from './meeting-jobs.repository';
import { inviteeUsersOf } from './meetings.repository';

export interface JobDeps {
  db: Db;
  clock: Clock;
}

/**
 * Reminders before a meeting (its rule set's offsets, e.g. 3 days and 1 day): each offset once per meeting, to every invitee
 * who has not said they cannot come. A reminder that is due late (the server was down) still goes once;
 * offsets already passed together are sent as one.
 */
export async function sendMeetingReminders(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  // the furthest offset of any rule set bounds the meetings to look at; each meeting follows its own
  const maxDays = Math.max(...(await allLifeRules(deps.db)).flatMap((r) => r.reminderDaysBefore));
  return deps.db.transaction(async (tx) => {
    const due = await lockMeetingsStartingBy(tx, now, new Date(now.getTime() + maxDays * 86_400_000));
    const withOffsets = await Promise.all(
      due.map(async (m) => {
        const left = (new Date(m.startsAt).getTime() - now.getTime()) / 86_400_000;
        const { reminderDaysBefore } = await lifeRulesOf(tx, m.ruleSetId);
        return {
          meeting: m,
          offsets: reminderDaysBefore.filter((d) => left <= d && !m.remindedDays.includes(d)),
        };
      }),
    );
    const reminded = withOffsets.filter((r) => r.offsets.length > 0);
    // one query for the invitees of every meeting due, not one per meeting
    const invitees = await inviteeUsersOf(
      tx,
      reminded.map((r) => r.meeting.id),
      { skipDeclined: true },
    );
    const usersOf = new Map<string, { userId: string }[]>();
    for (const i of invitees) {
      const list = usersOf.get(i.meetingId);
      if (list) list.push(i);
      else usersOf.set(i.meetingId, [i]);
    }
    const items = reminded.flatMap(({ meeting: m, offsets }) => {
      const startsAt = new Date(m.startsAt);
      return (usersOf.get(m.id) ?? []).map((u): Notice => ({
        userId: u.userId,
        kind: 'meeting_reminder',
        params: {
          title: m.title,
          date: startsAt.toISOString(),
          when: vnDateTime(startsAt),
          place: m.place,
          days: Math.min(...offsets),
        },
        link: `/meetings/${m.id}`,
      }));
    });
    await notifyEach(tx, items, { email: true });
    await addRemindedDays(
      tx,
      reminded.map((r) => ({ meetingId: r.meeting.id, offsets: r.offsets })),
    );
    return items.length;
  });
}

/**
 * Art. 4.3 / 4.4: once a half-year is over, every residential cell with working members that did not hold the
 * required regular meetings is flagged to its commune committee (once per cell and half-year).
 */
export async function flagMissedHalfYears(deps: JobDeps): Promise<number> {
  const last = previousHalfYear(vnHalfYear(deps.clock.now()));
  // measured by the rule set in force at the half-year's end
  const rules = await lifeRulesOn(deps.db, halfYearDays(last).to);
  return deps.db.transaction(async (tx) => {
    const flagged = await insertMissedHalfYearAlerts(tx, last, rules.regularMeetingsPerHalfYear);
    if (flagged.length === 0) return 0;
    const communes = [...new Set(flagged.map((f) => f.communeId).filter((id): id is string => !!id))];
    const officers = await committeeOfficersOf(tx, communes);
    const items: Notice[] = [];
    for (const f of flagged)
      for (const o of officers.filter((x) => x.unitId === f.communeId))
        items.push({
          userId: o.userId,
          kind: 'half_year_missed',
          params: { cell: f.cellName, year: last.year, half: last.half, held: f.held },
          link: '/meetings/compliance',
        });
    await notifyEach(tx, items, { email: true });
    return flagged.length;
  });
}

/** Everything periodic in a cell's life at once (the admin endpoint, tests); the server runs each as its own job. */
export async function runMeetingJobs(deps: JobDeps) {
  const reminders = await sendMeetingReminders(deps);
  const missedHalfYears = await flagMissedHalfYears(deps);
  const escalatedWarnings = await escalateOverdueWarnings(deps);
  return { reminders, missedHalfYears, escalatedWarnings };
}

/** The admin endpoint's run: administrators only. */
export function runMeetingJobsAs(actor: Actor, deps: JobDeps) {
  if (!isAdmin(actor)) throw new Forbidden();
  return runMeetingJobs(deps);
}
