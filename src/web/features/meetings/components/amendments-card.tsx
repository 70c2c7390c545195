import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { formatDateTime } from '../../../lib/dates';

/** Changes made after the minutes locked: what, before and after, why, by whom. */
export function AmendmentsCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  if (m.amendments.length === 0) return null;
  const names = new Map(m.attendance.map((r) => [r.memberId, r.fullName]));

  const fieldLabel = (field: string) => {
    if (field.startsWith('attendance:'))
      return t('amend.field.attendance', { name: names.get(field.slice('attendance:'.length)) ?? '—' });
    return t(`amend.field.${field}`, { defaultValue: field });
  };
  const value = (field: string, v: string | null) => {
    if (v === null || v === '') return '—';
    return field.startsWith('attendance:') ? t(`attendance.${v}`, { defaultValue: v }) : v;
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="amendments-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="amendments-title">
          {t('amend.title')}
        </Title>
        <Timeline bulletSize={14} lineWidth={2} active={m.amendments.length}>
          {m.amendments.map((a, i) => (
            <Timeline.Item key={`${a.at}-${i}`} title={fieldLabel(a.field)}>
              <Text size="xs" c="dimmed">
                {t('amend.when', { at: formatDateTime(a.at), by: a.by ?? '—' })}
              </Text>
              <Text size="sm" lineClamp={3}>
                {t('amend.change', { before: value(a.field, a.before), after: value(a.field, a.after) })}
              </Text>
              <Text size="sm" fs="italic">
                {t('amend.because', { reason: a.reason })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}
