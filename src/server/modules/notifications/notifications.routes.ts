import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema, okSchema } from '../../../shared/contracts/common';
import { notificationListSchema, notificationPaths } from '../../../shared/contracts/notifications';
import type { AppContext } from '../../context';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service';

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      notificationPaths.list,
      {
        schema: {
          tags: ['notifications'],
          summary: 'My in-app notifications, newest first',
          querystring: z.object({
            cursor: z.iso.datetime().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(30),
          }),
          response: { 200: notificationListSchema },
        },
      },
      async (request) => listNotifications(ctx.db, request.actor!.userId, request.query),
    );

    app.get(
      notificationPaths.unreadCount,
      {
        schema: {
          tags: ['notifications'],
          summary: 'Unread count for the bell',
          response: { 200: z.object({ unreadCount: z.number().int() }) },
        },
      },
      async (request) => ({ unreadCount: await unreadCount(ctx.db, request.actor!.userId) }),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one read',
          params: idParamSchema,
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await markRead(ctx.db, request.actor!.userId, request.params.id, ctx.clock.now());
        return { ok: true as const };
      },
    );

    app.post(
      notificationPaths.markAllRead,
      { schema: { tags: ['notifications'], summary: 'Mark all read', response: { 200: okSchema } } },
      async (request) => {
        await markAllRead(ctx.db, request.actor!.userId, ctx.clock.now());
        return { ok: true as const };
      },
    );
  };
}
