import { sql, type SQL } from 'drizzle-orm';
import { meetingTransition, type MeetingQueue } from '../../../shared/rules/meeting';
import { vnWeek } from '../../../shared/rules/vietnam-calendar';
import { oneOf } from '../../db/sql-values';

export type MeetingWhen = 'upcoming' | 'past' | 'all' | MeetingQueue;

/**
 * Which meetings (alias `mt`) a list takes, or a count counts, at `now`: the one definition behind the
 * meeting list's `when` and the home page's "meetings this week" and "attendance to record".
 */
export function meetingWhenSql(when: MeetingWhen, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  // still ahead of its record: the statuses the secretary may record as held from
  const open = oneOf(sql`mt.status`, meetingTransition('hold').from);
  switch (when) {
    case 'upcoming':
      return sql`${open} and mt.ends_at >= ${at}`;
    case 'past':
      return sql`(not (${open}) or mt.ends_at < ${at})`;
    case 'week':
      return sql`${open} and mt.ends_at >= ${at} and mt.starts_at < ${vnWeek(now).endsAt.toISOString()}::timestamptz`;
    case 'toRecord':
      // its time is over and nobody recorded that it took place: the attendance waits to be recorded
      return sql`${open} and mt.ends_at < ${at}`;
    case 'all':
      return sql`true`;
  }
}

/** Lists in the order a person reads them: what is ahead soonest first, the rest newest first. */
export function isAscending(when: MeetingWhen): boolean {
  return when === 'upcoming' || when === 'week';
}
