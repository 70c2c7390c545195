import { and, desc, eq, getTableColumns, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  activityContributions,
  attendanceAlerts,
  auditLog,
  evaluationDisputes,
  evaluations,
  evaluationVersions,
  introductionLetters,
  introductionRequests,
  meetingAttendances,
  meetingContributions,
  meetings,
  members,
  memberWarnings,
  notifications,
  orgUnits,
  recordReads,
  residenceMoves,
  residenceNotices,
  roleGrants,
  selfReports,
  unitMemberships,
  users,
  workplaceClassifications,
} from '../../db/schema';

export type ReadRow = typeof recordReads.$inferInsert;

export async function insertReads(db: Executor, rows: ReadRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(recordReads).values(rows);
}

/** The member each letter or evaluation is about, keyed by its id (one query per kind). */
export async function membersOfRecords(
  db: Executor,
  letterIds: string[],
  evaluationIds: string[],
): Promise<Map<string, string>> {
  const [letters, forms] = await Promise.all([
    letterIds.length
      ? db
          .select({ id: introductionLetters.id, memberId: introductionLetters.memberId })
          .from(introductionLetters)
          .where(inArray(introductionLetters.id, letterIds))
      : [],
    evaluationIds.length
      ? db
          .select({ id: evaluations.id, memberId: evaluations.memberId })
          .from(evaluations)
          .where(inArray(evaluations.id, evaluationIds))
      : [],
  ]);
  return new Map([...letters, ...forms].map((r) => [r.id, r.memberId]));
}

/** A keyset page of the reads of one member's record, newest first, with the reader's name and unit. */
export function listReads(
  db: Executor,
  memberId: string,
  opts: { beforeId: number | null; limit: number; readerUserId?: string },
) {
  const where: SQL[] = [eq(recordReads.memberId, memberId)];
  if (opts.beforeId !== null) where.push(lt(recordReads.id, opts.beforeId));
  if (opts.readerUserId) where.push(eq(recordReads.readerUserId, opts.readerUserId));
  return db
    .select({
      id: recordReads.id,
      at: recordReads.at,
      readerUserId: recordReads.readerUserId,
      readerName: users.displayName,
      readerUnitId: recordReads.readerUnitId,
      readerUnitName: orgUnits.name,
      what: recordReads.what,
      source: recordReads.source,
    })
    .from(recordReads)
    .leftJoin(users, eq(users.id, recordReads.readerUserId))
    .leftJoin(orgUnits, eq(orgUnits.id, recordReads.readerUnitId))
    .where(and(...where))
    .orderBy(desc(recordReads.id))
    .limit(opts.limit);
}

export async function memberInScope(db: Executor, memberId: string, scope: SQL): Promise<boolean> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), scope))
    .limit(1);
  return rows.length > 0;
}

/** The account without what must never leave the server: the password hash and the TOTP secret. */
const { passwordHash: _hash, totpSecret: _totp, ...accountColumns } = getTableColumns(users);

/**
 * Everything held about one member, one statement per table (no per-row queries). `userId` is the member's own
 * account (null when they have none): its roles, notifications and the audit entries about it.
 */
export async function memberData(db: Executor, memberId: string, userId: string | null) {
  const evaluationIds = db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(eq(evaluations.memberId, memberId));
  const letterIds = sql`(select id::text from introduction_letters where member_id = ${memberId})`;
  const warningIds = sql`(select id::text from member_warnings where member_id = ${memberId})`;
  const evaluationIdsText = sql`(select id::text from evaluations where member_id = ${memberId})`;
  const aboutMember = or(
    and(eq(auditLog.entityType, 'member'), eq(auditLog.entityId, memberId)),
    and(eq(auditLog.entityType, 'introduction_letter'), sql`${auditLog.entityId} in ${letterIds}`),
    and(eq(auditLog.entityType, 'member_warning'), sql`${auditLog.entityId} in ${warningIds}`),
    and(eq(auditLog.entityType, 'evaluation'), sql`${auditLog.entityId} in ${evaluationIdsText}`),
    userId ? and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId)) : undefined,
  );
  const byMember = <T extends { memberId: unknown }>(t: T) => eq(t.memberId as never, memberId);
  const [
    member,
    account,
    roles,
    memberships,
    letters,
    notices,
    moves,
    requests,
    attendances,
    contributions,
    activityRows,
    alerts,
    warnings,
    evaluationRows,
    versions,
    disputes,
    reports,
    classifications,
    notificationRows,
    audit,
    reads,
  ] = await Promise.all([
    db.select().from(members).where(eq(members.id, memberId)),
    userId ? db.select(accountColumns).from(users).where(eq(users.id, userId)) : Promise.resolve([]),
    userId
      ? db
          .select({
            role: roleGrants.role,
            unitId: roleGrants.unitId,
            unitName: orgUnits.name,
            position: roleGrants.position,
            createdAt: roleGrants.createdAt,
          })
          .from(roleGrants)
          .leftJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
          .where(eq(roleGrants.userId, userId))
      : Promise.resolve([]),
    db
      .select({ ...getTableColumns(unitMemberships), unitName: orgUnits.name })
      .from(unitMemberships)
      .leftJoin(orgUnits, eq(orgUnits.id, unitMemberships.unitId))
      .where(byMember(unitMemberships))
      .orderBy(unitMemberships.validFrom),
    db
      .select()
      .from(introductionLetters)
      .where(byMember(introductionLetters))
      .orderBy(introductionLetters.createdAt),
    db.select().from(residenceNotices).where(byMember(residenceNotices)).orderBy(residenceNotices.createdAt),
    db.select().from(residenceMoves).where(byMember(residenceMoves)).orderBy(residenceMoves.createdAt),
    db
      .select()
      .from(introductionRequests)
      .where(byMember(introductionRequests))
      .orderBy(introductionRequests.createdAt),
    db
      .select({
        ...getTableColumns(meetingAttendances),
        meetingTitle: meetings.title,
        startsAt: meetings.startsAt,
        place: meetings.place,
      })
      .from(meetingAttendances)
      .innerJoin(meetings, eq(meetings.id, meetingAttendances.meetingId))
      .where(byMember(meetingAttendances))
      .orderBy(meetings.startsAt),
    db.select().from(meetingContributions).where(byMember(meetingContributions)),
    db.select().from(activityContributions).where(byMember(activityContributions)),
    db.select().from(attendanceAlerts).where(byMember(attendanceAlerts)),
    db.select().from(memberWarnings).where(byMember(memberWarnings)).orderBy(memberWarnings.createdAt),
    db.select().from(evaluations).where(byMember(evaluations)).orderBy(evaluations.year),
    // the versions released to the member: confirmed versions of an evaluation once released
    db
      .select({ ...getTableColumns(evaluationVersions) })
      .from(evaluationVersions)
      .innerJoin(evaluations, eq(evaluations.id, evaluationVersions.evaluationId))
      .where(
        and(
          eq(evaluations.memberId, memberId),
          isNotNull(evaluations.releasedAt),
          isNotNull(evaluationVersions.confirmedAt),
        ),
      )
      .orderBy(evaluationVersions.evaluationId, evaluationVersions.version),
    db.select().from(evaluationDisputes).where(inArray(evaluationDisputes.evaluationId, evaluationIds)),
    db.select().from(selfReports).where(byMember(selfReports)).orderBy(selfReports.year),
    db
      .select()
      .from(workplaceClassifications)
      .where(byMember(workplaceClassifications))
      .orderBy(workplaceClassifications.year),
    userId
      ? db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, userId))
          .orderBy(notifications.createdAt)
      : Promise.resolve([]),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        actorName: users.displayName,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(aboutMember)
      .orderBy(auditLog.id),
    db
      .select({
        at: recordReads.at,
        readerName: users.displayName,
        readerUnitName: orgUnits.name,
        what: recordReads.what,
        source: recordReads.source,
      })
      .from(recordReads)
      .leftJoin(users, eq(users.id, recordReads.readerUserId))
      .leftJoin(orgUnits, eq(orgUnits.id, recordReads.readerUnitId))
      .where(eq(recordReads.memberId, memberId))
      .orderBy(recordReads.id),
  ]);
  return {
    member: member[0] ?? null,
    account: account[0] ?? null,
    roles,
    memberships,
    letters,
    notices,
    moves,
    requests,
    attendances,
    contributions,
    activityContributions: activityRows,
    attendanceAlerts: alerts,
    warnings,
    evaluations: evaluationRows,
    evaluationVersions: versions,
    disputes,
    selfReports: reports,
    workplaceClassifications: classifications,
    notifications: notificationRows,
    audit,
    recordReads: reads,
  };
}
export type MemberData = Awaited<ReturnType<typeof memberData>>;

/** Names of the units a member's record points at, for the printed summary. */
export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
