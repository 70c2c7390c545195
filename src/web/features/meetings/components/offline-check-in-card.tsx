import { Alert, Button, Card, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import type { OutboxReport } from '../../../lib/offline/outbox';
import { outbox } from '../../../lib/offline/phone-outbox';

/** The big card the member sees once the button is pressed: done, or waiting on the phone. */
export function CheckInStatusCard({
  color,
  icon,
  title,
  children,
}: {
  color: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" bg={`${color}.0`} role="status">
      <Stack align="center" gap="xs">
        <ThemeIcon size={64} radius="xl" color={color}>
          {icon}
        </ThemeIcon>
        <Text fw={700} fz="xl" ta="center">
          {title}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** A check-in made without signal, waiting on the phone (decision 0010). */
export function QueuedCheckInCard({ scannedAt }: { scannedAt: string }) {
  const { t } = useTranslation('meetings');
  return (
    <CheckInStatusCard color="blue" icon={<IconCloudUpload size={40} />} title={t('offline.queuedTitle')}>
      <Text size="sm" ta="center">
        {t('offline.queuedText', { at: formatDateTime(scannedAt) })}
      </Text>
    </CheckInStatusCard>
  );
}

/** What came of a check-in sent later: recorded, or refused with the server's reason. */
export function SentCheckInReport({ report }: { report: OutboxReport }) {
  const { t } = useTranslation('meetings');
  const refused = report.outcome.type === 'refused';
  return (
    <Alert color={refused ? 'red' : 'green'} role={refused ? 'alert' : 'status'}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {report.outcome.type === 'refused'
            ? t('offline.refused', { message: report.outcome.message })
            : t('offline.sentLater')}
        </Text>
        <Button
          size="xs"
          variant="light"
          color={refused ? 'red' : 'green'}
          onClick={() => outbox.dismiss(report)}
        >
          {t('offline.dismiss')}
        </Button>
      </Stack>
    </Alert>
  );
}
