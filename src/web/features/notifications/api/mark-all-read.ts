import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationPaths } from '../../../../shared/contracts/notifications';
import { apiRequest } from '../../../lib/api-client';

export function markAllNotificationsRead() {
  return apiRequest(notificationPaths.markAllRead, { method: 'POST' });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
