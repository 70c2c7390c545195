import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorUnitId: z.uuid().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitId: z.uuid().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z
  .object({
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
    /** entries of records in this unit's subtree */
    unitId: z.uuid().optional(),
    cursor: z.string().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.unitId || (q.entityType && q.entityId), { message: 'audit.scopeRequired' });

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export const auditPaths = { list: '/api/audit' } as const;
