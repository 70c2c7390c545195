import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { notificationPaths } from '../../../../shared/contracts/notifications';
import { apiRequest } from '../../../lib/api-client';

const unreadCountSchema = z.object({ unreadCount: z.number().int() });
export const unreadCountQueryKey = ['notifications', 'unread-count'] as const;

export function getUnreadCount() {
  return apiRequest(notificationPaths.unreadCount, { schema: unreadCountSchema });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: unreadCountQueryKey,
    queryFn: getUnreadCount,
    refetchInterval: 60_000,
    select: (data) => data.unreadCount,
  });
}
