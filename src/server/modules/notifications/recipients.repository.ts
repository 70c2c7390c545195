import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { uuidList } from '../../db/sql-values';

/** Users holding `role` directly on one of `unitIds` (the people who act for that unit). */
export function usersOnUnits(db: Executor, role: 'committee_officer' | 'cell_secretary', unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { unitId: string; userId: string }[]);
  return queryRows<{ unitId: string; userId: string }>(
    db,
    sql`select distinct rg.unit_id as "unitId", rg.user_id as "userId"
        from role_grants rg join users u on u.id = rg.user_id
        where rg.role = ${role} and rg.revoked_at is null and u.is_active and rg.unit_id = any(${uuidList([...new Set(unitIds)])})`,
  );
}

/** The user accounts of members (for "your letter …" notices). */
export function usersOfMembers(db: Executor, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve([] as { memberId: string; userId: string }[]);
  return queryRows<{ memberId: string; userId: string }>(
    db,
    sql`select u.member_id as "memberId", u.id as "userId" from users u
        where u.is_active and u.member_id = any(${uuidList(memberIds)})`,
  );
}
