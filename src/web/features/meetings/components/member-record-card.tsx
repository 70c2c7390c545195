import { Alert, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRecord } from '../../../../shared/contracts/meetings';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { useMemberRecord } from '../api/get-member-record';
import { AttendanceBadge } from './meeting-badges';

export function yearOptions(span = 4): { value: string; label: string }[] {
  const now = new Date().getFullYear();
  return Array.from({ length: span + 1 }, (_, i) => String(now - i)).map((y) => ({ value: y, label: y }));
}

/**
 * Art. 4.4: a member's attendance at the residence over a year — the evidence the yearly comment rests on.
 * Someone who may not read the record gets nothing (the server answers "not found").
 */
export function MemberRecordCard({ memberId, title }: { memberId: string; title?: string }) {
  const { t } = useTranslation('meetings');
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useMemberRecord(memberId, year);
  if (isApiError(query.error, 404)) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`record-${memberId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Title order={3} fz="lg" id={`record-${memberId}`}>
            {title ?? t('record.title')}
          </Title>
          <Select
            label={t('record.year')}
            data={yearOptions()}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
          />
        </Group>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <RecordBody r={query.data} />
        )}
      </Stack>
    </Card>
  );
}

function RecordBody({ r }: { r: MemberRecord }) {
  const { t } = useTranslation('meetings');
  const reported = r.consecutiveUnexcused >= r.reportAfterUnexcused;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Stat label={t('record.rate')} value={r.rate === null ? '—' : `${r.rate}%`} />
        <Stat
          label={t('record.attended')}
          value={t('record.attendedValue', { attended: r.attended, invited: r.invited })}
        />
        <Stat
          label={t('record.unexcused')}
          value={String(r.unexcused)}
          color={r.unexcused > 0 ? 'red' : undefined}
        />
        <Stat
          label={t('record.consecutive')}
          value={String(r.consecutiveUnexcused)}
          color={reported ? 'red' : undefined}
        />
      </SimpleGrid>
      {reported && (
        <Alert color="red" icon={<IconAlertTriangle />} variant="light">
          {t('record.reported', { count: r.consecutiveUnexcused })}
        </Alert>
      )}
      {r.meetings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('record.empty', { year: r.year })}
        </Text>
      ) : (
        <Stack
          gap={0}
          component="ul"
          aria-label={t('record.tableLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {r.meetings.map((m) => (
            <Group
              key={m.meetingId}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              gap="xs"
              py={8}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {m.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(m.startsAt)} · {m.cellName}
                </Text>
              </Stack>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                <AttendanceBadge value={m.status} />
                {m.reason && (
                  <Text size="xs" c="dimmed" ta="right" maw={180}>
                    {m.reason}
                  </Text>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={color}>
        {value}
      </Text>
    </Stack>
  );
}
