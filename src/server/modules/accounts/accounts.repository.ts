import { and, asc, eq, gt, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { members, orgUnits, recoveryCodes, roleGrants, sessions, users } from '../../db/schema';

export type UserInsert = typeof users.$inferInsert;
export type GrantInsert = typeof roleGrants.$inferInsert;

/** Everything about a user except the password hash, which never leaves this module. */
const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  phone: users.phone,
  memberId: users.memberId,
  isActive: users.isActive,
  locale: users.locale,
  lastLoginAt: users.lastLoginAt,
};
export type AccountRow = Awaited<ReturnType<typeof findAccount>> & {};

export function listAccounts(db: Executor, opts: { q?: string; after?: string; limit: number }) {
  const where: SQL[] = [];
  if (opts.after) where.push(gt(users.username, opts.after));
  if (opts.q) {
    const escaped = opts.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(sql`lower(immutable_unaccent(${users.username}::text || ' ' || ${users.displayName} || ' ' || coalesce(${users.email}::text, '') || ' ' || coalesce(${users.phone}, '')))
      like '%' || lower(immutable_unaccent(${escaped})) || '%'`);
  }
  return db
    .select(accountColumns)
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username))
    .limit(opts.limit);
}

export async function findAccount(db: Executor, id: string) {
  const rows = await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** Active grants of these users with their unit, in one query. */
export async function activeGrants(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitName: orgUnits.name,
      unitType: orgUnits.type,
      position: roleGrants.position,
    })
    .from(roleGrants)
    .leftJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(and(inArray(roleGrants.userId, userIds), isNull(roleGrants.revokedAt)))
    .orderBy(asc(roleGrants.createdAt));
}

export function findGrant(db: Executor, userId: string, grantId: string) {
  return db.query.roleGrants.findFirst({
    where: and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)),
  });
}

export async function hasActiveGrant(
  db: Executor,
  userId: string,
  role: GrantInsert['role'],
  unitId: string | null,
) {
  const rows = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, role),
        unitId ? eq(roleGrants.unitId, unitId) : isNull(roleGrants.unitId),
        isNull(roleGrants.revokedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Which of the unique fields are already used by another user. */
export async function takenFields(
  db: Executor,
  values: { username?: string; email?: string | null; phone?: string | null; memberId?: string | null },
  exceptUserId?: string,
) {
  const checks: [field: 'username' | 'email' | 'phone' | 'memberId', condition: SQL][] = [];
  if (values.username) checks.push(['username', eq(users.username, values.username)]);
  if (values.email) checks.push(['email', eq(users.email, values.email)]);
  if (values.phone) checks.push(['phone', eq(users.phone, values.phone)]);
  if (values.memberId) checks.push(['memberId', eq(users.memberId, values.memberId)]);
  const taken: ('username' | 'email' | 'phone' | 'memberId')[] = [];
  for (const [field, condition] of checks) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(exceptUserId ? and(condition, ne(users.id, exceptUserId)) : condition)
      .limit(1);
    if (rows.length) taken.push(field);
  }
  return taken;
}

export async function memberExists(db: Executor, memberId: string) {
  const rows = await db.select({ id: members.id }).from(members).where(eq(members.id, memberId)).limit(1);
  return rows.length > 0;
}

export function findUnit(db: Executor, id: string) {
  return db.query.orgUnits.findFirst({
    where: eq(orgUnits.id, id),
    columns: { id: true, name: true, type: true, status: true },
  });
}

export async function insertUser(tx: Executor, values: UserInsert) {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(tx: Executor, id: string, set: Partial<UserInsert>) {
  await tx.update(users).set(set).where(eq(users.id, id));
}

export async function deleteUserSessions(tx: Executor, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function insertGrant(tx: Executor, values: GrantInsert) {
  const [row] = await tx.insert(roleGrants).values(values).returning();
  return row!;
}

export async function revokeGrant(tx: Executor, grantId: string, at: Date) {
  await tx.update(roleGrants).set({ revokedAt: at }).where(eq(roleGrants.id, grantId));
}

/** A lost authenticator: the secret and the recovery codes go; a role that requires them enrols again. */
export async function clearSecondFactor(tx: Executor, userId: string, now: Date) {
  await tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, updatedAt: now })
    .where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
