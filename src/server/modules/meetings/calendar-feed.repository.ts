import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import type { MeetingStatus } from '../../../shared/rules/meeting';

/** Queries of the member's calendar feed (secret URL per user; rules in calendar-feed.service.ts). */

export async function saveCalendarToken(db: Executor, userId: string, tokenHash: string): Promise<void> {
  await db.execute(sql`insert into calendar_tokens (user_id, token_hash) values (${userId}, ${tokenHash})
    on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()`);
}

/** The active user holding this token, with their member id. */
export async function findCalendarOwner(db: Executor, tokenHash: string) {
  const [owner] = await queryRows<{ memberId: string | null; name: string }>(
    db,
    sql`select u.member_id as "memberId", u.display_name as name from calendar_tokens t join users u on u.id = t.user_id and u.is_active
        where t.token_hash = ${tokenHash}`,
  );
  return owner;
}

/** The member's meetings for the feed, newest first. */
export async function calendarMeetingRows(db: Executor, memberId: string) {
  return queryRows<{
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    place: string;
    cellName: string;
    agenda: string | null;
    status: MeetingStatus;
  }>(
    db,
    sql`select mt.id, mt.title, mt.starts_at as "startsAt", mt.ends_at as "endsAt", mt.place, c.name as "cellName", mt.agenda, mt.status
        from meeting_attendances a join meetings mt on mt.id = a.meeting_id join org_units c on c.id = mt.cell_id
        where a.member_id = ${memberId} order by mt.starts_at desc limit 200`,
  );
}
