import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const notificationPaths = {
  list: '/api/notifications',
  unreadCount: '/api/notifications/unread-count',
  markRead: (id: string) => `/api/notifications/${id}/read`,
  markAllRead: '/api/notifications/read-all',
} as const;
