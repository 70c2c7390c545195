import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { members, orgUnits, roleGrants, sessions, users } from '../../db/schema';
import type { Grant } from '../../http/actor';

export function findUserByLogin(db: Executor, login: string) {
  const phone = login.replace(/[\s.]/g, '');
  return db
    .select({ user: users })
    .from(users)
    .leftJoin(members, eq(members.id, users.memberId))
    .where(
      or(
        eq(users.username, login),
        eq(users.email, login),
        eq(users.phone, phone),
        and(sql`${users.memberId} is not null`, eq(members.cardNumber, login)),
      ),
    )
    .limit(2)
    .then((rows) => rows.map((r) => r.user));
}

export function findUserById(db: Executor, id: string) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function loadGrants(db: Executor, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitPath: orgUnits.path,
      unitName: orgUnits.name,
      unitType: orgUnits.type,
      position: roleGrants.position,
      residentialAreaId: orgUnits.residentialAreaId,
      unitStatus: orgUnits.status,
    })
    .from(roleGrants)
    .leftJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.createdAt);
  // A grant on a closed unit reaches nothing: its subtree moved on with a merge, or it was dissolved.
  return rows.map(({ unitStatus, ...r }) => ({
    ...r,
    unitPath: unitStatus === 'active' ? r.unitPath : null,
  }));
}

export async function insertSession(
  db: Executor,
  s: { id: string; userId: string; csrfToken: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  await db.insert(sessions).values(s);
}

export function findSession(db: Executor, id: string) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function touchSession(db: Executor, id: string, expiresAt: Date, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessions(db: Executor, userId: string, keepId: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`));
}

export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export function listUserSessions(db: Executor, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > ${now}`))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

/** Deletes one of the user's own sessions; false when it is not theirs or gone already. */
export async function deleteUserSession(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function deleteAllSessions(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
