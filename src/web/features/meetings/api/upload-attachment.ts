import { useMutation } from '@tanstack/react-query';
import { meetingDetailSchema, meetingPaths } from '../../../../shared/contracts/meetings';
import { apiRequest } from '../../../lib/api-client';
import { useMeetingUpdated } from './keys';

/**
 * One photo or file for the minutes, as multipart field `file`. apiRequest sends FormData with the
 * session's CSRF header and lets the browser set the multipart content type; the server reads the content.
 */
export function uploadAttachment({ id, file }: { id: string; file: File }) {
  const formData = new FormData();
  formData.append('file', file, file.name);
  return apiRequest(meetingPaths.attachments(id), { method: 'POST', formData, schema: meetingDetailSchema });
}

export function useUploadAttachment() {
  const updated = useMeetingUpdated();
  return useMutation({ mutationFn: uploadAttachment, onSuccess: (m) => updated(m), meta: { silent: true } });
}
