import type { z } from 'zod';
import type { auditQuerySchema } from '../../../shared/contracts/audit';
import type { Executor } from '../../db/client';
import { auditUnitScope, memberReadScope, unitReadScope } from '../../http/access';
import { actingUnitId, isAdmin, type Actor } from '../../http/actor';
import { NotFound } from '../../http/errors';
import { insertAuditEntries, listAuditEntries, memberInScope, unitInScope } from './audit.repository';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  /** the unit the record belongs to, so the log can be read per unit subtree */
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Append audit entries inside the caller's transaction: the change and its record commit together. */
export async function writeAudit(
  tx: Executor,
  actor: Actor | null,
  entries: AuditInput | AuditInput[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAuditEntries(
    tx,
    list.map((e) => ({
      actorUserId: actor?.userId ?? null,
      actorUnitId: actingUnitId(actor),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      unitId: e.unitId ?? null,
      before: e.before === undefined ? null : toJson(e.before),
      after: e.after === undefined ? null : toJson(e.after),
      requestId: actor?.requestId ?? null,
      ip: actor?.ip ?? null,
    })),
  );
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v)));
}

/** Only the fields that changed, for compact before/after entries. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const oldValue = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const newValue = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (oldValue !== newValue && newValue !== undefined) {
      b[key] = oldValue ?? null;
      a[key] = newValue ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/** May the actor read the audit trail of this record? Exactly when they may read the record itself. */
async function canReadRecord(
  db: Executor,
  actor: Actor,
  entityType: string,
  entityId: string,
): Promise<boolean> {
  if (isAdmin(actor)) return true;
  if (!/^[0-9a-f-]{36}$/.test(entityId)) return false;
  if (entityType === 'member') return memberInScope(db, entityId, memberReadScope(actor));
  if (entityType === 'org_unit') return unitInScope(db, entityId, unitReadScope(actor));
  if (entityType === 'user') return entityId === actor.userId;
  return false;
}

/**
 * The audit trail of one record (entityType + entityId) or of a unit subtree (unitId), newest first. A record
 * the actor may not read is not found; a subtree is limited to the units the actor may audit.
 */
export async function listAudit(db: Executor, actor: Actor, q: z.infer<typeof auditQuerySchema>) {
  const entity = q.entityType && q.entityId ? { type: q.entityType, id: q.entityId } : undefined;
  if (entity && !(await canReadRecord(db, actor, entity.type, entity.id))) throw new NotFound();
  const cursor = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : null;
  const rows = await listAuditEntries(db, {
    entity,
    unit: q.unitId
      ? { id: q.unitId, scope: (unitIdColumn) => auditUnitScope(actor, unitIdColumn) }
      : undefined,
    beforeId: cursor,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
  };
}
