import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import { actingUnitId, type Actor } from '../../http/actor';

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
export async function writeAudit(tx: Executor, actor: Actor | null, entries: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
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
