import { useInfiniteQuery } from '@tanstack/react-query';
import { notificationListSchema, notificationPaths } from '../../../../shared/contracts/notifications';
import { apiRequest } from '../../../lib/api-client';

export const notificationsQueryKey = ['notifications', 'list'] as const;

export function listNotifications(cursor?: string) {
  return apiRequest(notificationPaths.list, { query: { cursor }, schema: notificationListSchema });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam }) => listNotifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
