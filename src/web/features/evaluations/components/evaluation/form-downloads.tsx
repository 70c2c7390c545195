import { Button, Group } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { useDownloadForm, type FormFile } from '../../api/download-form';

/** The form to print (PDF) or to edit (DOCX), with the verification code printed on it. */
export function FormDownloads({ d }: { d: EvaluationDetail }) {
  const { t } = useTranslation('evaluations');
  const download = useDownloadForm();
  const get = (file: FormFile) =>
    download.mutate({ id: d.id, file, fileName: `${t('files.form')} ${d.fullName} ${d.year}.${file}` });
  const pending = download.isPending ? download.variables?.file : null;
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={18} />}
        onClick={() => get('pdf')}
        loading={pending === 'pdf'}
      >
        {t('files.pdf')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypeDocx size={18} />}
        onClick={() => get('docx')}
        loading={pending === 'docx'}
      >
        {t('files.docx')}
      </Button>
    </Group>
  );
}
