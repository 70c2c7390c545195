import { Anchor, Badge, Card, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow } from '../../../../shared/contracts/meetings';
import type { AttendanceStatus } from '../../../../shared/rules/residence-rules';
import { formatDateTime } from '../../../lib/dates';
import type { TickStatus } from '../lib/tick-draft';
import { attendanceColors } from './meeting-badges';

const tickStatuses: TickStatus[] = ['present', 'late', 'absent_excused', 'absent_unexcused'];

interface AttendanceRowCardProps {
  row: AttendanceRow;
  status: AttendanceStatus;
  reason: string;
  changed: boolean;
  /** saved on the phone without signal, not sent yet (decision 0010) */
  pending?: boolean;
  disabled: boolean;
  reasonError?: string;
  onStatus: (memberId: string, status: TickStatus) => void;
  onReason: (memberId: string, reason: string) => void;
}

/**
 * One expected member in the secretary's tick list: four big choices (a fifth for exempt members),
 * a reason when absent with a reason, and what the member said beforehand.
 */
export const AttendanceRowCard = memo(function AttendanceRowCard({
  row,
  status,
  reason,
  changed,
  pending = false,
  disabled,
  reasonError,
  onStatus,
  onReason,
}: AttendanceRowCardProps) {
  const { t } = useTranslation('meetings');
  const options: TickStatus[] =
    row.category === 'exempt' || row.status === 'excused_exempt'
      ? [...tickStatuses, 'excused_exempt']
      : tickStatuses;

  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={row.fullName}
      bg={changed ? 'yellow.0' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0}>
            <Text fw={700} fz="lg" lh={1.3}>
              {row.fullName}
            </Text>
            {row.workplaceCommitteeName && (
              <Text size="xs" c="dimmed">
                {row.workplaceCommitteeName}
              </Text>
            )}
          </Stack>
          {row.phone && (
            <Anchor
              href={`tel:${row.phone.replace(/[^\d+]/g, '')}`}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
            >
              {row.phone}
            </Anchor>
          )}
        </Group>
        <Group gap={6}>
          {row.rsvp && (
            <Badge variant="dot" color={row.rsvp === 'attending' ? 'teal' : 'orange'}>
              {t(`rsvp.said.${row.rsvp}`)}
            </Badge>
          )}
          {row.rsvpReason && (
            <Text size="xs" c="dimmed">
              {row.rsvpReason}
            </Text>
          )}
          {row.method === 'self_qr' && row.checkedInAt && (
            <Badge variant="light" color="green" leftSection={<IconQrcode size={12} />}>
              {t('tick.selfCheckIn', { at: formatDateTime(row.checkedInAt) })}
            </Badge>
          )}
          {row.checkedInOffline && (
            <Badge variant="light" color="gray">
              {t('offline.checkedInOffline')}
            </Badge>
          )}
          {changed && (
            <Badge variant="filled" color="yellow" c="dark">
              {t('tick.unsaved')}
            </Badge>
          )}
          {pending && (
            <Badge variant="filled" color="blue">
              {t('offline.pending')}
            </Badge>
          )}
        </Group>
        <Radio.Group
          value={status === 'unrecorded' ? null : status}
          onChange={(v) => onStatus(row.memberId, v as TickStatus)}
          aria-label={t('tick.statusOf', { name: row.fullName })}
          name={`attendance-${row.memberId}`}
        >
          <SimpleGrid cols={2} spacing={6}>
            {options.map((s) => {
              const checked = status === s;
              // yellow needs dark text to stay readable outdoors on a phone; shade 9 holds white text at 4.5:1
              const fill =
                s === 'late'
                  ? 'var(--mantine-color-yellow-5)'
                  : `var(--mantine-color-${attendanceColors[s]}-9)`;
              return (
                <Radio.Card
                  key={s}
                  value={s}
                  disabled={disabled}
                  radius="md"
                  p="xs"
                  mih={52}
                  style={{
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    textAlign: 'center',
                    borderColor: checked ? fill : undefined,
                    background: checked ? fill : undefined,
                    color: checked
                      ? s === 'late'
                        ? 'var(--mantine-color-dark-9)'
                        : 'var(--mantine-color-white)'
                      : undefined,
                    opacity: disabled ? 0.6 : 1,
                  }}
                >
                  <Text fw={600} size="md" lh={1.2}>
                    {t(`tick.option.${s}`)}
                  </Text>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>
        {status === 'absent_excused' && (
          <TextInput
            label={t('tick.reason')}
            placeholder={row.rsvpReason ?? undefined}
            value={reason}
            onChange={(e) => onReason(row.memberId, e.currentTarget.value)}
            required
            size="md"
            error={reasonError}
            disabled={disabled}
          />
        )}
      </Stack>
    </Card>
  );
});
