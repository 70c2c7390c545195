import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListSchema, auditPaths, auditQuerySchema } from '../../../shared/contracts/audit';
import type { AppContext } from '../../context';
import { auditLog, members, orgUnits, users } from '../../db/schema';
import { auditUnitScope, memberReadScope, unitReadScope } from '../../http/access';
import type { Actor } from '../../http/actor';
import { isAdmin } from '../../http/actor';
import { NotFound } from '../../http/errors';
import type { Db } from '../../db/client';

/** May the actor read the audit trail of this record? Exactly when they may read the record itself. */
async function canReadRecord(db: Db, actor: Actor, entityType: string, entityId: string): Promise<boolean> {
  if (isAdmin(actor)) return true;
  if (!/^[0-9a-f-]{36}$/.test(entityId)) return false;
  if (entityType === 'member') {
    const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.id, entityId), memberReadScope(actor))).limit(1);
    return rows.length > 0;
  }
  if (entityType === 'org_unit') {
    const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.id, entityId), unitReadScope(actor))).limit(1);
    return rows.length > 0;
  }
  if (entityType === 'user') return entityId === actor.userId;
  return false;
}

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      auditPaths.list,
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit trail of one record (entityType + entityId) or of a unit subtree (unitId), newest first',
          querystring: auditQuerySchema,
          response: { 200: auditListSchema },
        },
      },
      async (request) => {
        const actor = request.actor!;
        const q = request.query;
        const conditions = [];
        if (q.entityType && q.entityId) {
          if (!(await canReadRecord(ctx.db, actor, q.entityType, q.entityId))) throw new NotFound();
          conditions.push(eq(auditLog.entityType, q.entityType), eq(auditLog.entityId, q.entityId));
        }
        if (q.unitId) {
          conditions.push(sql`${auditLog.unitId} in (select u.id from org_units u where u.path <@ (select p.path from org_units p where p.id = ${q.unitId}))`);
          conditions.push(auditUnitScope(actor, sql`${auditLog.unitId}`));
        }
        const cursor = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : null;
        if (cursor) conditions.push(lt(auditLog.id, cursor));
        const rows = await ctx.db
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
          .limit(q.limit + 1);
        const page = rows.slice(0, q.limit);
        return {
          items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
          nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
        };
      },
    );
  };
}
