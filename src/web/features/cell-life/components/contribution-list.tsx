import { Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail, ContributionItem } from '../../../../shared/contracts/cell-life';
import { formatDays, formatVnd } from '../../../lib/numbers';
import { useDecideContribution } from '../api/decide-contribution';
import { ContributionStatusBadge } from './cell-life-badges';
import { RejectContributionModal } from './reject-contribution-modal';

interface ContributionListProps {
  a: ActivityDetail;
  /** the logged-in member, whose own proposals read "awaiting confirmation" */
  myMemberId: string | null;
}

/**
 * The members' parts in one campaign: a table on a PC, one card per member on a phone. The secretary
 * confirms or rejects what members proposed themselves.
 */
export function ContributionList({ a, myMemberId }: ContributionListProps) {
  const { t } = useTranslation('cellLife');
  const isDesktop = useMediaQuery('(min-width: 62em)', true);
  const decide = useDecideContribution();
  const [rejecting, setRejecting] = useState<ContributionItem | null>(null);

  const confirm = (c: ContributionItem) =>
    decide.mutate(
      { contributionId: c.id, decision: 'confirm' },
      { onSuccess: () => notifications.show({ color: 'green', message: t('decide.confirmed') }) },
    );
  const actions = (c: ContributionItem) =>
    a.canManage && c.status === 'proposed' ? (
      <Group gap="xs" wrap="nowrap">
        <Button
          size="sm"
          color="green"
          leftSection={<IconCheck size={16} />}
          onClick={() => confirm(c)}
          loading={decide.isPending && decide.variables?.contributionId === c.id}
          disabled={decide.isPending}
          aria-label={t('decide.confirmFor', { member: c.memberName })}
        >
          {t('decide.confirm')}
        </Button>
        <Button
          size="sm"
          variant="light"
          color="red"
          leftSection={<IconX size={16} />}
          onClick={() => setRejecting(c)}
          disabled={decide.isPending}
          aria-label={t('decide.rejectFor', { member: c.memberName })}
        >
          {t('decide.reject')}
        </Button>
      </Group>
    ) : null;

  if (a.contributions.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {a.canManage ? t('contributions.emptyManager') : t('contributions.empty')}
      </Text>
    );

  return (
    <>
      {decide.error && (
        <Text c="red" size="sm" role="alert">
          {decide.error.message}
        </Text>
      )}
      {isDesktop ? (
        <ContributionTable a={a} myMemberId={myMemberId} actions={actions} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {a.contributions.map((c) => (
            <ContributionCard key={c.id} c={c} mine={c.memberId === myMemberId} actions={actions(c)} />
          ))}
        </SimpleGrid>
      )}
      {rejecting && <RejectContributionModal c={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

function ContributionTable({
  a,
  myMemberId,
  actions,
}: ContributionListProps & { actions: (c: ContributionItem) => ReactNode }) {
  const { t, i18n } = useTranslation('cellLife');
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="sm" aria-label={t('contributions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contributions.member')}</Table.Th>
            <Table.Th>{t('contributions.role')}</Table.Th>
            <Table.Th ta="right">{t('contributions.days')}</Table.Th>
            <Table.Th ta="right">{t('contributions.money')}</Table.Th>
            <Table.Th>{t('contributions.expertise')}</Table.Th>
            <Table.Th>{t('contributions.inKind')}</Table.Th>
            <Table.Th>{t('contributions.status')}</Table.Th>
            {a.canManage && <Table.Th aria-label={t('contributions.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.contributions.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.memberName}
                </Text>
                {c.note && (
                  <Text size="xs" c="dimmed">
                    {c.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`contributionRole.${c.role}`)}</Table.Td>
              <Table.Td ta="right">{c.workDays ? formatDays(c.workDays, i18n.language) : '—'}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {c.moneyVnd ? formatVnd(c.moneyVnd) : '—'}
              </Table.Td>
              <Table.Td>{c.expertise ?? '—'}</Table.Td>
              <Table.Td>{c.inKind ?? '—'}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <ContributionStatusBadge value={c.status} />
                  {c.status === 'proposed' && c.memberId === myMemberId && !a.canManage && (
                    <Text size="xs" c="dimmed">
                      {t('contributions.awaitingMine')}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {a.canManage && <Table.Td>{actions(c)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One member's part on a phone: name and status first, then the figures in words. */
function ContributionCard({ c, mine, actions }: { c: ContributionItem; mine: boolean; actions: ReactNode }) {
  const { t, i18n } = useTranslation('cellLife');
  const figures = [
    c.workDays ? t('contributions.daysValue', { days: formatDays(c.workDays, i18n.language) }) : null,
    c.moneyVnd ? formatVnd(c.moneyVnd) : null,
  ].filter(Boolean);
  return (
    <Card withBorder padding="sm" component="article" aria-label={c.memberName}>
      <Stack gap={6}>
        <Stack gap={4}>
          <Text fw={700} fz="lg" lh={1.3}>
            {c.memberName}
          </Text>
          <Group gap={6}>
            <ContributionStatusBadge value={c.status} />
            <Text size="sm" c="dimmed">
              {t(`contributionRole.${c.role}`)}
            </Text>
          </Group>
        </Stack>
        {figures.length > 0 && (
          <Text size="sm" fw={600}>
            {figures.join(' · ')}
          </Text>
        )}
        {c.expertise && (
          <Text size="sm">
            {t('contributions.expertise')}: {c.expertise}
          </Text>
        )}
        {c.inKind && (
          <Text size="sm">
            {t('contributions.inKind')}: {c.inKind}
          </Text>
        )}
        {c.note && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {c.note}
          </Text>
        )}
        {mine && c.status === 'proposed' && !actions && (
          <Text size="sm" c="dimmed">
            {t('contributions.awaitingMine')}
          </Text>
        )}
        {actions}
      </Stack>
    </Card>
  );
}
