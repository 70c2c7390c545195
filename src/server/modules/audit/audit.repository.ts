import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog, members, orgUnits, users } from '../../db/schema';
import { inSubtreeOfUnit } from '../../http/access';

/** Queries of the audit trail (who may read what is decided in audit.service.ts). */

export type AuditRow = typeof auditLog.$inferInsert;

export async function insertAuditEntries(tx: Executor, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(auditLog).values(rows);
}

/** Whether the member `id` is within `scope` (a member scope of http/access.ts). */
export async function memberInScope(db: Executor, id: string, scope: SQL): Promise<boolean> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, id), scope))
    .limit(1);
  return rows.length > 0;
}

/** Whether the unit `id` is within `scope` (a unit scope of http/access.ts). */
export async function unitInScope(db: Executor, id: string, scope: SQL): Promise<boolean> {
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scope))
    .limit(1);
  return rows.length > 0;
}

export interface AuditFilter {
  entity?: { type: string; id: string };
  /** entries of the units under this one, within the actor's scope over the entry's unit column */
  unit?: { id: string; scope: (unitIdColumn: SQL) => SQL };
  /** entries older than this id */
  beforeId: number | null;
  limit: number;
}

/** Entries newest first, with the actor's name. */
export async function listAuditEntries(db: Executor, f: AuditFilter) {
  const conditions: SQL[] = [];
  if (f.entity) conditions.push(eq(auditLog.entityType, f.entity.type), eq(auditLog.entityId, f.entity.id));
  if (f.unit) {
    conditions.push(inSubtreeOfUnit(auditLog.unitId, f.unit.id));
    conditions.push(f.unit.scope(sql`${auditLog.unitId}`));
  }
  if (f.beforeId) conditions.push(lt(auditLog.id, f.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      actorUnitId: auditLog.actorUnitId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      unitId: auditLog.unitId,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
