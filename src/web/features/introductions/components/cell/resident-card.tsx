import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ResidentItem } from '../../../../../shared/contracts/introductions';
import { CategoryBadge } from '../../../../components/ui/enum-badges';
import { formatDate } from '../../../../lib/dates';
import { PhoneLink } from '../shared/phone-link';

interface ResidentCardProps {
  r: ResidentItem;
  onAcknowledge?: () => void;
  pending?: boolean;
  loading?: boolean;
}

/** A working member as the cell secretary sees them on a phone: whom to call, who introduced them. */
export function ResidentCard({ r, onAcknowledge, pending, loading }: ResidentCardProps) {
  const { t } = useTranslation('introductions');
  return (
    <Card
      withBorder
      padding="md"
      bg={r.isNew ? 'teal.0' : undefined}
      aria-label={r.fullName}
      component="article"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} fz="lg">
            {r.fullName}
          </Text>
          {r.isNew && (
            <Badge color="teal" variant="filled">
              {t('cell.new')}
            </Badge>
          )}
        </Group>
        {r.phone ? (
          <Button
            component="a"
            href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}
            variant="light"
            size="md"
            leftSection={<IconPhone size={18} />}
            style={{ alignSelf: 'flex-start' }}
          >
            {r.phone}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cell.noPhone')}
          </Text>
        )}
        <Text size="sm">{r.residenceAddress}</Text>
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('cell.introducedBy')}
          </Text>
          <Text size="sm" fw={500}>
            {r.workplaceCommitteeName ?? '—'}
          </Text>
          <PhoneLink value={r.workplaceCommitteePhone} />
          <Text size="xs" c="dimmed">
            {[r.jobTitle, r.workplaceCellName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap={6}>
          <CategoryBadge value={r.category} />
          {r.placedAt && (
            <Text size="xs" c="dimmed">
              {t('cell.placedOn', { date: formatDate(r.placedAt) })}
            </Text>
          )}
        </Group>
        {onAcknowledge && (
          <Button
            size="md"
            color="teal"
            leftSection={<IconCheck size={20} />}
            onClick={onAcknowledge}
            loading={loading}
            disabled={pending && !loading}
            fullWidth
          >
            {t('cell.acknowledge')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
