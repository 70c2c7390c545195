import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeItem } from '../../../../../shared/contracts/introductions';
import { formatDate } from '../../../../lib/dates';
import { NoticeKindBadge } from './status-badges';

/** A notice from the workplace to the residence side (Art. 3.1, 3.2). */
export function NoticeCard({ notice: n, children }: { notice: NoticeItem; children?: ReactNode }) {
  const { t } = useTranslation('introductions');
  return (
    <Card withBorder padding="sm" bg={n.seenAt ? undefined : 'yellow.0'}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600}>{n.memberName}</Text>
          <NoticeKindBadge value={n.kind} />
        </Group>
        <Text size="sm">{t('notices.effective', { date: formatDate(n.effectiveDate) })}</Text>
        {(n.periodFrom || n.periodTo) && (
          <Text size="sm">
            {t('notices.period', { from: formatDate(n.periodFrom), to: formatDate(n.periodTo) })}
          </Text>
        )}
        {n.newJobTitle && <Text size="sm">{t('notices.newJobTitle', { title: n.newJobTitle })}</Text>}
        {n.newCellName && <Text size="sm">{t('notices.newCell', { cell: n.newCellName })}</Text>}
        {n.note && <Text size="sm">“{n.note}”</Text>}
        <Text size="xs" c="dimmed">
          {t('notices.from', { issuer: n.issuingUnitName, date: formatDate(n.createdAt) })}
        </Text>
        {(n.residenceCommuneName || n.residenceCellName) && (
          <Text size="xs" c="dimmed">
            {t('notices.to', {
              to: [n.residenceCellName, n.residenceCommuneName].filter(Boolean).join(', '),
            })}
          </Text>
        )}
        <Text size="xs" c={n.seenAt ? 'green.8' : 'orange.8'}>
          {n.seenAt ? t('notices.seenOn', { date: formatDate(n.seenAt) }) : t('notices.notSeen')}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
