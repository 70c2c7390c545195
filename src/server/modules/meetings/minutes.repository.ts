import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { ContributionBody, MinutesBody } from '../../../shared/contracts/meetings';

/** Queries of the minutes: their text, amendments after the lock, the contributions (rules in minutes.service.ts). */

export async function writeMinutes(db: Executor, id: string, body: MinutesBody, now: Date): Promise<void> {
  await db.execute(sql`update meetings set
      minutes_summary = ${body.minutesSummary === undefined ? sql`minutes_summary` : sql`${body.minutesSummary}`},
      minutes_decisions = ${body.minutesDecisions === undefined ? sql`minutes_decisions` : sql`${body.minutesDecisions}`},
      updated_at = ${now.toISOString()}::timestamptz where id = ${id}`);
}

export async function insertMinutesAmendment(
  db: Executor,
  a: {
    meetingId: string;
    field: string;
    before: string | null;
    after: string | null;
    reason: string;
    userId: string;
  },
): Promise<void> {
  await db.execute(sql`insert into minutes_amendments (meeting_id, field, before, after, reason, created_by)
    values (${a.meetingId}, ${a.field}, ${a.before}, ${a.after}, ${a.reason}, ${a.userId})`);
}

export async function isInvited(db: Executor, meetingId: string, memberId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from meeting_attendances where meeting_id = ${meetingId} and member_id = ${memberId}`,
  );
  return rows.length > 0;
}

export async function insertMeetingContribution(
  db: Executor,
  meetingId: string,
  body: ContributionBody,
  userId: string,
): Promise<string> {
  const [c] = await queryRows<{ id: string }>(
    db,
    sql`insert into meeting_contributions (meeting_id, member_id, speaker_name, kind, topic, content, created_by)
        values (${meetingId}, ${body.memberId ?? null}, ${body.speakerName ?? null}, ${body.kind}, ${body.topic ?? null}, ${body.content}, ${userId}) returning id`,
  );
  return c!.id;
}
