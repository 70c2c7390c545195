import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE. Hash-chained (migration 0012): a
 * trigger gives every new row the next `chainSeq` and `hash = sha256(previous hash | row)`; `npm run audit:verify`
 * recomputes the chain and names the first altered, inserted or missing row.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorUnitId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    /** Unit the record belongs to, so the log can be read per unit subtree */
    unitId: uuid(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    ip: text(),
    /** tamper evidence (migration 0012): position in the hash chain and SHA-256 over the previous hash and this row */
    chainSeq: bigint({ mode: 'number' }),
    hash: text(),
  },
  (t) => [index().on(t.entityType, t.entityId, t.id), index().on(t.unitId, t.id), index().on(t.actorUserId, t.id), uniqueIndex('audit_log_chain_seq_key').on(t.chainSeq)],
);
