import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/** Admins and committee officers need a second factor: these sessions count as having passed it. */
export async function passSecondFactor(d: Database, usernames: string[]): Promise<void> {
  const list = `{${usernames.join(',')}}`;
  await d.db.execute(sql`update users set totp_enabled_at = now() where username = any(${list}::text[])`);
  await d.db.execute(
    sql`update sessions set second_factor_at = now() where user_id in (select id from users where username = any(${list}::text[]))`,
  );
}
