import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { outbox, useOutboxReports } from '../../../lib/offline/phone-outbox';
import { isTicksReport, overriddenNames } from '../lib/offline-attendance';

/**
 * The tick list's offline state (decision 0010): how many ticks wait on the phone, and once sent, which ones
 * the server kept its newer value for ("N changes were overridden by newer ones on the server").
 */
export function TickSyncStatus({ meetingId, waiting }: { meetingId: string; waiting: number }) {
  const { t } = useTranslation('meetings');
  const reports = useOutboxReports(isTicksReport(meetingId));
  return (
    <>
      {waiting > 0 && (
        <Alert color="blue" variant="light" icon={<IconCloudUpload />} role="status">
          {t('offline.ticksQueued', { count: waiting })}
        </Alert>
      )}
      {reports.map((report) => {
        const names = overriddenNames(report);
        const refused = report.outcome.type === 'refused';
        const sent = report.outcome.type === 'sent' ? (report.item.payload as { rows: unknown[] }) : null;
        return (
          <Alert
            key={report.item.id}
            color={refused ? 'red' : names.length ? 'orange' : 'green'}
            role={refused || names.length ? 'alert' : 'status'}
          >
            <Stack gap="xs" align="flex-start">
              {report.outcome.type === 'refused' ? (
                <Text size="sm">{t('offline.ticksRefused', { message: report.outcome.message })}</Text>
              ) : (
                <>
                  <Text size="sm">
                    {t('offline.ticksSynced', { count: (sent?.rows.length ?? 0) - names.length })}
                  </Text>
                  {names.length > 0 && (
                    <Text size="sm" fw={600}>
                      {t('offline.overridden', { count: names.length, names: names.join(', ') })}
                    </Text>
                  )}
                </>
              )}
              <Button size="xs" variant="light" onClick={() => outbox.dismiss(report)}>
                {t('offline.dismiss')}
              </Button>
            </Stack>
          </Alert>
        );
      })}
    </>
  );
}
