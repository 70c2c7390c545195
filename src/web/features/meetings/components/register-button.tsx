import { Button, type MantineSize } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { useDownloadRegister } from '../api/download-register';

/** The printable attendance register: invited vs present, with reasons, to sign and file. */
export function RegisterButton({ m, size }: { m: MeetingDetail; size?: MantineSize }) {
  const { t } = useTranslation('meetings');
  const download = useDownloadRegister();
  return (
    <Button
      variant="default"
      size={size}
      leftSection={<IconFileTypePdf size={18} />}
      loading={download.isPending}
      onClick={() =>
        download.mutate({ id: m.id, fileName: `diem-danh-${dayjs(m.startsAt).format('DD-MM-YYYY')}.pdf` })
      }
    >
      {t('register.button')}
    </Button>
  );
}
