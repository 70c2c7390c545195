import { useMutation } from '@tanstack/react-query';
import { importJobSchema } from '../../../../shared/contracts/imports';
import { memberPaths } from '../../../../shared/contracts/members';
import { apiRequest } from '../../../lib/api-client';

/** Parses and validates the file; nothing is written until the preview is committed. */
export function uploadImport(file: File) {
  const formData = new FormData();
  formData.append('file', file);
  return apiRequest(memberPaths.importUpload, { method: 'POST', formData, schema: importJobSchema });
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport, meta: { silent: true } });
}
