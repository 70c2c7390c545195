import { Badge, Card, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StageCounts, WorkplaceSummary } from '../../../../../shared/contracts/introductions';
import { introductionStages, type IntroductionStage } from '../../../../../shared/rules/introduction-letter';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';

interface SummaryTableProps {
  query: UseQueryResult<WorkplaceSummary>;
  /** a count was clicked: show those members in the queue */
  onPick: (stage: IntroductionStage | null, communeId: string | null, communeName: string | null) => void;
}

/** Members of the workplace per residence commune and hand-off stage (Art. 3.1: "a list by place of residence"). */
export function SummaryTable({ query, onPick }: SummaryTableProps) {
  const { t } = useTranslation('introductions');
  const isDesktop = useMediaQuery('(min-width: 48em)', true);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const sum = (counts: StageCounts) => introductionStages.reduce((n, stage) => n + (counts[stage] ?? 0), 0);

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} fz="lg">
          {t('summary.title')}
        </Title>
        {s.overdue > 0 && (
          <Badge color="red" variant="filled" size="lg">
            {t('summary.overdue', { count: s.overdue })}
          </Badge>
        )}
      </Group>
      {s.communes.length === 0 ? (
        <EmptyState title={t('summary.empty')} />
      ) : !isDesktop ? (
        <SummaryCards summary={s} onPick={onPick} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder verticalSpacing={6} aria-label={t('summary.title')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('summary.commune')}</Table.Th>
                {introductionStages.map((stage) => (
                  <Table.Th key={stage} ta="right">
                    {t(`enums:introStage.${stage}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('summary.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.communes.map((c) => {
                const name = c.communeName ?? t('summary.noCommune');
                const id = c.communeId ?? 'none';
                return (
                  <Table.Tr key={id}>
                    <Table.Td fw={500}>{name}</Table.Td>
                    {introductionStages.map((stage) => (
                      <Table.Td key={stage} ta="right">
                        <Count value={c.counts[stage] ?? 0} onClick={() => onPick(stage, id, name)} />
                        {stage === 'awaiting_receipt' && c.overdue > 0 && (
                          <Text span c="red.8" fw={700} size="xs" display="block">
                            {t('summary.overdueShort', { count: c.overdue })}
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      <Count value={c.total || sum(c.counts)} onClick={() => onPick(null, id, name)} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th>{t('summary.total')}</Table.Th>
                {introductionStages.map((stage) => (
                  <Table.Th key={stage} ta="right">
                    <Count value={s.totals[stage] ?? 0} onClick={() => onPick(stage, null, null)} />
                    {stage === 'awaiting_receipt' && s.overdue > 0 && (
                      <Text span c="red.8" fw={700} size="xs" display="block">
                        {t('summary.overdueShort', { count: s.overdue })}
                      </Text>
                    )}
                  </Table.Th>
                ))}
                <Table.Th ta="right">
                  <Count value={sum(s.totals)} onClick={() => onPick(null, null, null)} />
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Count({ value, onClick }: { value: number; onClick: () => void }) {
  if (value === 0)
    return (
      <Text span c="dimmed">
        0
      </Text>
    );
  return (
    <UnstyledButton onClick={onClick} c="blue.8" fw="inherit" td="underline" px={4}>
      {value}
    </UnstyledButton>
  );
}

/** Phones: one block per commune, only the stages that have members. */
function SummaryCards({
  summary,
  onPick,
}: {
  summary: WorkplaceSummary;
  onPick: SummaryTableProps['onPick'];
}) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap="sm" aria-label={t('summary.title')}>
      {summary.communes.map((c) => {
        const name = c.communeName ?? t('summary.noCommune');
        const id = c.communeId ?? 'none';
        return (
          <Stack key={id} gap={4}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                {name}
              </Text>
              <Count value={c.total} onClick={() => onPick(null, id, name)} />
            </Group>
            <Group gap={6}>
              {introductionStages
                .filter((stage) => (c.counts[stage] ?? 0) > 0)
                .map((stage) => (
                  <Badge
                    key={stage}
                    variant="light"
                    color={stage === 'not_introduced' || stage === 'rejected' ? 'orange' : 'gray'}
                    component="button"
                    onClick={() => onPick(stage, id, name)}
                    style={{ cursor: 'pointer' }}
                  >
                    {t(`enums:introStage.${stage}`)}: {c.counts[stage]}
                  </Badge>
                ))}
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}
