import { useMutation } from '@tanstack/react-query';
import { evaluationPaths } from '../../../../shared/contracts/evaluations';
import { apiBlob, saveBlob } from '../../../lib/api-client';

export type FormFile = 'pdf' | 'docx';

/** The form as a printable PDF or an editable DOCX. */
export async function downloadForm({ id, file, fileName }: { id: string; file: FormFile; fileName: string }) {
  const path = file === 'pdf' ? evaluationPaths.pdf(id) : evaluationPaths.docx(id);
  const { blob, fileName: given } = await apiBlob(path);
  saveBlob(blob, given ?? fileName);
}

export function useDownloadForm() {
  return useMutation({ mutationFn: downloadForm });
}
