import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import type { Clock } from '../../context';
import { reg213LifeRules, type ResidenceLifeRules } from '../../../shared/rules/residence-rules';
import {
  halfYearDays,
  previousHalfYear,
  vnDateTime,
  vnHalfYear,
} from '../../../shared/rules/vietnam-calendar';
import { vnDateOf } from '../../db/vietnam-calendar-sql';
import { escalateOverdueWarnings } from '../cell-life/warnings.service';
import { notifyEach, type Notice } from '../notifications/notifications.service';

export interface JobDeps {
  db: Db;
  clock: Clock;
  rules?: ResidenceLifeRules;
}

/**
 * Reminders before a meeting (rule set: 3 days and 1 day): each offset once per meeting, to every invitee
 * who has not said they cannot come. A reminder that is due late (the server was down) still goes once;
 * offsets already passed together are sent as one.
 */
export async function sendMeetingReminders(deps: JobDeps): Promise<number> {
  const rules = deps.rules ?? reg213LifeRules;
  const now = deps.clock.now();
  const maxDays = Math.max(...rules.reminderDaysBefore);
  return deps.db.transaction(async (tx) => {
    const due = await queryRows<{
      id: string;
      title: string;
      startsAt: string;
      place: string;
      remindedDays: number[];
    }>(
      tx,
      sql`select id, title, starts_at as "startsAt", place, reminded_days as "remindedDays" from meetings
          where status = 'scheduled' and starts_at > ${now.toISOString()}::timestamptz
            and starts_at <= ${new Date(now.getTime() + maxDays * 86_400_000).toISOString()}::timestamptz
          for update`,
    );
    let sent = 0;
    for (const m of due) {
      const left = (new Date(m.startsAt).getTime() - now.getTime()) / 86_400_000;
      const offsets = rules.reminderDaysBefore.filter((d) => left <= d && !m.remindedDays.includes(d));
      if (offsets.length === 0) continue;
      const users = await queryRows<{ userId: string }>(
        tx,
        sql`select u.id as "userId" from meeting_attendances a join users u on u.member_id = a.member_id and u.is_active
            where a.meeting_id = ${m.id} and a.rsvp is distinct from 'not_attending'`,
      );
      const startsAt = new Date(m.startsAt);
      await notifyEach(
        tx,
        users.map((u): Notice => ({
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
        })),
        { email: true },
      );
      await tx.execute(
        sql`update meetings set reminded_days = reminded_days || ${`{${offsets.join(',')}}`}::integer[] where id = ${m.id}`,
      );
      sent += users.length;
    }
    return sent;
  });
}

/**
 * Art. 4.3 / 4.4: once a half-year is over, every residential cell with working members that did not hold the
 * required regular meetings is flagged to its commune committee (once per cell and half-year).
 */
export async function flagMissedHalfYears(deps: JobDeps): Promise<number> {
  const rules = deps.rules ?? reg213LifeRules;
  const last = previousHalfYear(vnHalfYear(deps.clock.now()));
  const { from, to } = halfYearDays(last);
  return deps.db.transaction(async (tx) => {
    const flagged = await queryRows<{
      cellId: string;
      cellName: string;
      communeId: string | null;
      held: number;
    }>(
      tx,
      sql`with counted as (
            select c.id, c.name, c.parent_id,
              (select count(*)::int from meetings mt where mt.cell_id = c.id and mt.status = 'held' and mt.kind = 'regular'
                and ${vnDateOf(sql`mt.starts_at`)} between ${from}::date and ${to}::date) as held
            from org_units c
            where c.type = 'residential_cell' and c.status = 'active' and c.valid_from <= ${to}::date
              and exists (select 1 from members mb join org_units wc on wc.id = mb.cell_id
                where mb.residence_cell_id = c.id and mb.status = 'active' and wc.type = 'workplace_cell'))
          insert into cell_compliance_alerts (cell_id, year, half, held, required)
          select id, ${last.year}, ${last.half}, held, ${rules.regularMeetingsPerHalfYear} from counted
          where held < ${rules.regularMeetingsPerHalfYear}
          on conflict do nothing
          returning cell_id as "cellId", (select name from org_units where id = cell_id) as "cellName",
            (select parent_id from org_units where id = cell_id) as "communeId", held`,
    );
    if (flagged.length === 0) return 0;
    const officers = await queryRows<{ unitId: string; userId: string }>(
      tx,
      sql`select rg.unit_id as "unitId", rg.user_id as "userId" from role_grants rg join users u on u.id = rg.user_id and u.is_active
          where rg.role = 'committee_officer' and rg.revoked_at is null
            and rg.unit_id = any(${`{${[...new Set(flagged.map((f) => f.communeId).filter(Boolean))].join(',')}}`}::uuid[])`,
    );
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
