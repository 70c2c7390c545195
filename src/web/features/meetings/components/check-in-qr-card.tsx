import {
  Button,
  Card,
  Center,
  CopyButton,
  Group,
  Image,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowsMaximize, IconCheck, IconCopy } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { formatDateTime } from '../../../lib/dates';
import { checkInUrlAt } from '../lib/check-in-url';
import { checkInWindow } from '../lib/meeting-time';
import { useNow } from '../lib/use-now';

function useQrImage(url: string) {
  return useQuery({
    queryKey: ['qr', url],
    // the QR encoder is fetched when a QR is first drawn, not with every meeting page (issue 11)
    queryFn: async () => {
      const { default: QRCode } = await import('qrcode');
      return QRCode.toDataURL(url, { width: 640, margin: 1, errorCorrectionLevel: 'M' });
    },
    staleTime: Infinity,
    // the code changes every five minutes: the old picture stays until the new one is drawn
    placeholderData: keepPreviousData,
  });
}

/**
 * The QR shown at the meeting: each member scans it with their own phone and checks in as themselves,
 * so one family member cannot answer for all. "Full screen" for a projector or a tablet on the table.
 */
export function CheckInQrCard({ m }: { m: MeetingDetail & { checkInUrl: string } }) {
  const { t } = useTranslation('meetings');
  // the QR's code changes every five minutes, so a check-in sent later shows when it was scanned (decision 0010)
  const now = useNow(15_000);
  const qr = useQrImage(checkInUrlAt(m, now));
  const [big, setBig] = useState(false);
  const w = checkInWindow(m);
  const alt = t('qr.alt', { title: m.title });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="qr-title">
      <Stack gap="sm" align="center">
        <Title order={3} fz="lg" id="qr-title" style={{ alignSelf: 'flex-start' }}>
          {t('qr.title')}
        </Title>
        <Text size="sm" style={{ alignSelf: 'flex-start' }}>
          {t('qr.hint')}
        </Text>
        <Text size="sm" c="dimmed" style={{ alignSelf: 'flex-start' }}>
          {t('offline.qrChanges')}
        </Text>
        <Text size="sm" c="dimmed" style={{ alignSelf: 'flex-start' }}>
          {t('qr.window', {
            opens: formatDateTime(w.opens.toISOString()),
            closes: formatDateTime(w.closes.toISOString()),
          })}
        </Text>
        {qr.data ? (
          <Image src={qr.data} alt={alt} w={280} h={280} fit="contain" />
        ) : (
          <Center h={280}>
            <Loader />
          </Center>
        )}
        <Group gap="xs" justify="center">
          <Button
            size="md"
            variant="light"
            leftSection={<IconArrowsMaximize size={18} />}
            onClick={() => setBig(true)}
            disabled={!qr.data}
          >
            {t('qr.fullScreen')}
          </Button>
          <CopyButton value={m.checkInUrl}>
            {({ copied, copy }) => (
              <Button
                size="md"
                variant="default"
                leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                onClick={copy}
              >
                {copied ? t('qr.copied') : t('qr.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Modal opened={big} onClose={() => setBig(false)} fullScreen title={m.title}>
        <Stack align="center" gap="md">
          <Text fz="xl" fw={600} ta="center">
            {t('qr.bigHint')}
          </Text>
          {qr.data && <Image src={qr.data} alt={alt} w="min(90vw, 75vh)" h="min(90vw, 75vh)" fit="contain" />}
        </Stack>
      </Modal>
    </Card>
  );
}
