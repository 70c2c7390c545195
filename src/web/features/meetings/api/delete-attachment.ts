import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/** Removes a photo or file from the minutes (only before the minutes lock). */
export function deleteAttachment({ id, attachmentId }: { id: string; attachmentId: string }) {
  return apiRequest(meetingPaths.attachment(id, attachmentId), {
    method: 'DELETE',
    schema: meetingDetailSchema,
  });
}

export function useDeleteAttachment() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: deleteAttachment, onSuccess: (m) => updated(m), meta: { silent: true } });
}
