import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { oneOf } from '../../db/sql-values';
import { vnDateOf } from '../../db/vietnam-calendar-sql';

export interface DueMember {
  id: string;
  fullName: string;
  cellId: string;
  status: string;
  endedOn: string;
}

/**
 * Ended members not yet anonymised whose membership ended before `endedBefore`. The end is the day the audit log
 * recorded the current status; for records imported already ended, the end of their last unit membership (when
 * none is open); else the record's last change.
 */
export function dueForAnonymisation(
  db: Executor,
  endedBefore: string,
  statuses: readonly string[],
  prefix: string,
) {
  return queryRows<DueMember>(
    db,
    sql`
      select m.id, m.full_name as "fullName", m.cell_id as "cellId", m.status::text as status, e.ended_on::text as "endedOn"
      from members m
      cross join lateral (
        select coalesce(
          (select ${vnDateOf(sql`max(a.at)`)} from audit_log a
            where a.entity_type = 'member' and a.entity_id = m.id::text and (a.after ->> 'status') = m.status::text),
          (select case when bool_or(um.valid_to is null) then null else max(um.valid_to) end
            from unit_memberships um where um.member_id = m.id),
          ${vnDateOf(sql`m.updated_at`)}
        ) as ended_on
      ) e
      where ${oneOf(sql`m.status`, statuses)}
        and m.card_number not like ${`${prefix}%`}
        and e.ended_on < ${endedBefore}::date
      order by m.id
    `,
  );
}

/** One run at a time across servers: a second waits for the first to commit, then finds nothing left to do. */
export async function lockRetentionRun(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('privacy.retention'))`);
}

/**
 * One statement per table: the member's personal fields and contact data, their account (closed, sessions and
 * second factor gone), and the copies of address and contact data on letters, requests and reported moves.
 */
export async function anonymiseMembers(
  tx: Executor,
  rows: { id: string; initials: string; cardNumber: string }[],
): Promise<void> {
  const ids = rows.map((r) => r.id);
  const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
  await tx.execute(sql`
    update members m set
      full_name = v.initials, card_number = v.card_number, citizen_id = null, phone = null, email = null,
      date_of_birth = date_trunc('year', m.date_of_birth)::date, job_title = null,
      registered_commune = null, registered_area = null, registered_street = null, residence_street = null,
      category_reason = null, updated_at = now()
    from unnest(${idArray}, ${`{${rows.map((r) => JSON.stringify(r.initials)).join(',')}}`}::text[], ${`{${rows.map((r) => r.cardNumber).join(',')}}`}::text[])
      as v(id, initials, card_number)
    where m.id = v.id`);
  const accounts = sql`(select id from users where member_id = any(${idArray}))`;
  await tx.execute(sql`delete from sessions where user_id in ${accounts}`);
  await tx.execute(sql`delete from recovery_codes where user_id in ${accounts}`);
  await tx.execute(sql`
    update users u set username = 'anon-' || u.id, display_name = m.full_name, email = null, phone = null,
      is_active = false, password_hash = '!', totp_secret = null, totp_enabled_at = null, updated_at = now()
    from members m where m.id = u.member_id and m.id = any(${idArray})`);
  await tx.execute(
    sql`update introduction_letters set residence_street = null where member_id = any(${idArray})`,
  );
  await tx.execute(sql`
    update introduction_requests r set full_name = m.full_name, card_number = null, phone = null, date_of_birth = null,
      residence_street = null
    from members m where m.id = r.member_id and m.id = any(${idArray})`);
  await tx.execute(
    sql`update residence_moves set from_street = null, to_street = null where member_id = any(${idArray})`,
  );
}
