import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationPaths } from '../../../../shared/contracts/notifications';
import { apiRequest } from '../../../lib/api-client';

export function markNotificationRead(id: string) {
  return apiRequest(notificationPaths.markRead(id), { method: 'POST' });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
