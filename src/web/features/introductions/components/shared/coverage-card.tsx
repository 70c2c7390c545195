import { Card, Grid, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoverageRow } from '../../../../../shared/contracts/introductions';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useCoverage, type CoverageSide } from '../../api/get-coverage';

const pct = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0);

/** Introduced → received → placed, as shares of the working members (pain point: honest coverage figures). */
export function CoverageCard({
  unitId,
  side,
  compact,
}: {
  unitId: string;
  side: CoverageSide;
  compact?: boolean;
}) {
  const { t } = useTranslation('introductions');
  const query = useCoverage(unitId, side);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="lg" mb="sm">
        {t('coverage.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: compact ? 12 : 5 }}>
          <CoverageBars row={c.total} />
        </Grid.Col>
        {!compact && c.children.length > 0 && (
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Table.ScrollContainer minWidth={420}>
              <Table verticalSpacing={4} fz="sm" aria-label={t('coverage.byUnit')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('coverage.unit')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.introduced')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.received')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.placed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.children.map((row) => (
                    <Table.Tr key={row.unitId}>
                      <Table.Td>
                        <Text size="sm">{row.unitName}</Text>
                        <Text size="xs" c="dimmed">
                          {t('coverage.members', { count: row.total })}
                        </Text>
                      </Table.Td>
                      <PctCell part={row.introduced} total={row.total} color="blue" />
                      <PctCell part={row.received} total={row.total} color="cyan" />
                      <PctCell part={row.placed} total={row.total} color="green" />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Grid.Col>
        )}
      </Grid>
    </Card>
  );
}

export function CoverageBars({ row }: { row: CoverageRow }) {
  const { t } = useTranslation('introductions');
  const bars = [
    { key: 'introduced', value: row.introduced, color: 'blue' },
    { key: 'received', value: row.received, color: 'cyan' },
    { key: 'placed', value: row.placed, color: 'green' },
  ] as const;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('coverage.totalLine', { count: row.total, notToIntroduce: row.notToIntroduce })}
      </Text>
      {bars.map((b) => (
        <Stack key={b.key} gap={2}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t(`coverage.${b.key}`)}</Text>
            <Text size="sm" fw={600}>
              {b.value}/{row.total} · {pct(b.value, row.total)}%
            </Text>
          </Group>
          <Progress
            value={pct(b.value, row.total)}
            color={b.color}
            size="lg"
            aria-label={`${t(`coverage.${b.key}`)} ${pct(b.value, row.total)}%`}
          />
        </Stack>
      ))}
    </Stack>
  );
}

function PctCell({ part, total, color }: { part: number; total: number; color: string }) {
  const value = pct(part, total);
  return (
    <Table.Td ta="right" miw={70}>
      <Text size="sm">{value}%</Text>
      <Progress value={value} color={color} size="xs" aria-hidden />
    </Table.Td>
  );
}
