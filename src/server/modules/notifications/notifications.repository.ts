import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';

/** Queries over the in-app inbox. No rules here: the service decides who is told what. */

export interface CountedNotice {
  userId: string;
  kind: string;
  params: Record<string, string | number | null>;
  link: string | null;
}

/**
 * For each notice, the person's latest unread notification of the same kind takes the new params and link,
 * its `count` raised by the notice's (1 by default), and comes back to the top of the inbox. Returns the
 * notices it raised a count for; the others have nothing unread of their kind.
 */
export async function raiseUnreadCounts(tx: Executor, notices: CountedNotice[], now: Date): Promise<{ userId: string; kind: string }[]> {
  if (notices.length === 0) return [];
  return queryRows<{ userId: string; kind: string }>(
    tx,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) as x("userId" uuid, kind text, params jsonb, link text)),
        latest as (
          select distinct on (n.user_id, n.kind) n.id, i.params, i.link
          from notifications n join input i on i."userId" = n.user_id and i.kind = n.kind
          where n.read_at is null
          order by n.user_id, n.kind, n.created_at desc)
        update notifications n
          set params = n.params || latest.params
                || jsonb_build_object('count', coalesce((n.params ->> 'count')::int, 1) + coalesce((latest.params ->> 'count')::int, 1)),
              link = latest.link, created_at = ${now.toISOString()}::timestamptz
        from latest where n.id = latest.id
        returning n.user_id as "userId", n.kind`,
  );
}
