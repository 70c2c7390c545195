import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../../../shared/contracts/introductions';
import { formatDate } from '../../../../lib/dates';
import { RequestStatusBadge } from './status-badges';

/** One "known here, no letter" request, as both sides see it. */
export function RequestCard({ request: r, children }: { request: RequestItem; children?: ReactNode }) {
  const { t } = useTranslation('introductions');
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{r.fullName}</Text>
          <RequestStatusBadge value={r.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[r.dateOfBirth ? formatDate(r.dateOfBirth) : null, r.cardNumber, r.phone]
            .filter(Boolean)
            .join(' · ') || '—'}
        </Text>
        <Text size="sm">
          {r.communeName} — {r.residenceAddress}
        </Text>
        <Text size="sm" c="dimmed">
          {t('fields.workplace')}: {r.workplaceUnitName}
        </Text>
        {r.note && <Text size="sm">“{r.note}”</Text>}
        {r.declineNote && (
          <Text size="sm" c="red.8">
            {t('requests.declinedBecause', { note: r.declineNote })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('requests.sentOn', { date: formatDate(r.createdAt) })}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
