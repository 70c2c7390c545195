import { Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Backlog, BacklogCounts } from '../../../../../shared/contracts/evaluations';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useBacklog, type BacklogFilters } from '../../api/get-backlog';

const columns = [
  'requested',
  'selfReported',
  'drafted',
  'signed',
  'confirmed',
  'released',
  'overdue',
  'noComment',
] as const;

/**
 * Where the comments stand per child unit (the seeds' "visible backlog"): each stage counts those that
 * reached it, so a row reads like a funnel; overdue and "no comment this year" stand out in red.
 */
export function BacklogTable({ filters, title }: { filters: BacklogFilters; title: string }) {
  const query = useBacklog(filters);
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="lg">
          {title}
        </Title>
        {query.data && (
          <Text size="sm" c="dimmed">
            {query.data.unit.name} · {query.data.year}
          </Text>
        )}
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <BacklogGrid backlog={query.data} label={title} />
      )}
    </Card>
  );
}

function BacklogGrid({ backlog, label }: { backlog: Backlog; label: string }) {
  const { t } = useTranslation('evaluations');
  const rows = backlog.children.filter((c) => c.requested > 0 || c.noComment > 0);
  const rest = remainder(backlog);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-label={label} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backlog.unit')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`backlog.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Row key={r.unitId} name={r.unitName} counts={r} />
          ))}
          {rest && <Row name={t('backlog.unassigned')} counts={rest} />}
          <Row name={t('backlog.total')} counts={backlog.total} total />
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Row({ name, counts, total }: { name: string; counts: BacklogCounts; total?: boolean }) {
  return (
    <Table.Tr fw={total ? 700 : undefined}>
      <Table.Td>{name}</Table.Td>
      {columns.map((c) => {
        const v = counts[c];
        const alarm = (c === 'overdue' || c === 'noComment') && v > 0;
        return (
          <Table.Td key={c} ta="right" c={alarm ? 'red.8' : undefined} fw={alarm ? 700 : undefined}>
            {v}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}

/** What the total holds beyond its child units (e.g. requests still waiting for the commune to assign a cell). */
function remainder(backlog: Backlog): BacklogCounts | null {
  const out = { ...backlog.total };
  for (const c of backlog.children)
    for (const k of Object.keys(out) as (keyof BacklogCounts)[]) out[k] -= c[k];
  return Object.values(out).some((v) => v > 0) ? out : null;
}
