import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../shared/contracts/common';
import { notificationListSchema, notificationPaths } from '../../../shared/contracts/notifications';
import type { AppContext } from '../../context';
import { notifications } from '../../db/schema';
import { NotFound } from '../../http/errors';

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const unreadCount = async (userId: string) => {
      const [row] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    };

    app.get(
      notificationPaths.list,
      {
        schema: {
          tags: ['notifications'],
          summary: 'My in-app notifications, newest first',
          querystring: z.object({ cursor: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }),
          response: { 200: notificationListSchema },
        },
      },
      async (request) => {
        const userId = request.actor!.userId;
        const { cursor, limit } = request.query;
        const rows = await ctx.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, userId), cursor ? lt(notifications.createdAt, new Date(cursor)) : undefined))
          .orderBy(desc(notifications.createdAt))
          .limit(limit + 1);
        const page = rows.slice(0, limit);
        return {
          items: page.map((n) => ({
            id: n.id,
            kind: n.kind,
            params: n.params,
            link: n.link,
            readAt: n.readAt?.toISOString() ?? null,
            createdAt: n.createdAt.toISOString(),
          })),
          unreadCount: await unreadCount(userId),
          nextCursor: rows.length > limit ? page[page.length - 1]!.createdAt.toISOString() : null,
        };
      },
    );

    app.get(
      notificationPaths.unreadCount,
      { schema: { tags: ['notifications'], summary: 'Unread count for the bell', response: { 200: z.object({ unreadCount: z.number().int() }) } } },
      async (request) => ({ unreadCount: await unreadCount(request.actor!.userId) }),
    );

    app.post(
      '/api/notifications/:id/read',
      { schema: { tags: ['notifications'], summary: 'Mark one read', params: idParamSchema, response: { 200: okSchema } } },
      async (request) => {
        const updated = await ctx.db
          .update(notifications)
          .set({ readAt: ctx.clock.now() })
          .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, request.actor!.userId)))
          .returning({ id: notifications.id });
        if (updated.length === 0) throw new NotFound();
        return { ok: true as const };
      },
    );

    app.post(
      notificationPaths.markAllRead,
      { schema: { tags: ['notifications'], summary: 'Mark all read', response: { 200: okSchema } } },
      async (request) => {
        await ctx.db
          .update(notifications)
          .set({ readAt: ctx.clock.now() })
          .where(and(eq(notifications.userId, request.actor!.userId), isNull(notifications.readAt)));
        return { ok: true as const };
      },
    );
  };
}
