import { Anchor, Badge, Box, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Compliance, cellComplianceSchema } from '../../../../shared/contracts/meetings';
import type { z } from 'zod';
import { paths } from '../../../app/paths';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { canSeeReports, cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useCompliance } from '../api/get-compliance';
import { HalfStateBadge } from './meeting-badges';
import { yearOptions } from './member-record-card';

type CellCompliance = z.infer<typeof cellComplianceSchema>;

/**
 * Art. 4.3: every residential cell meets its working members at least once per half-year. Per cell:
 * held vs required for each half, and how many of those invited took part. Commune officers see all
 * their cells; a cell secretary their own.
 */
export function CompliancePage() {
  const { t } = useTranslation('meetings');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/meetings/compliance' });
  const navigate = useNavigate({ from: paths.meetingsCompliance });
  const year = search.year ?? new Date().getFullYear();
  // the commune first (it sees all its cells), else the cell; admins pick any unit
  const grants = [...communeGrants(me), ...cellGrants(me)];
  const unitId = search.unitId ?? grants[0]?.unitId ?? undefined;
  const query = useCompliance(unitId, year, !!unitId || !isAdmin(me));
  const set = (patch: { unitId?: string; year?: number }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        subtitle={query.data ? t('compliance.rule', { count: query.data.required }) : undefined}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          {isAdmin(me) ? (
            <Box miw={260} maw={480} style={{ flex: 1 }}>
              <UnitPicker
                label={t('compliance.unit')}
                value={unitId ?? null}
                initialLabel={grants.find((g) => g.unitId === unitId)?.unitName ?? null}
                clearable={false}
                onChange={(id) => id && set({ unitId: id })}
              />
            </Box>
          ) : (
            grants.length > 1 && (
              <Select
                label={t('compliance.unit')}
                allowDeselect={false}
                data={grants.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
                value={unitId ?? null}
                onChange={(id) => id && set({ unitId: id })}
                maw={420}
              />
            )
          )}
          <Select
            label={t('compliance.year')}
            data={yearOptions()}
            value={String(year)}
            onChange={(v) => v && set({ year: Number(v) })}
            allowDeselect={false}
            w={120}
            size="md"
          />
        </Group>
        {canSeeReports(me) && (
          <Text size="sm">
            <Anchor
              renderRoot={(props) => (
                <Link
                  {...props}
                  to={paths.reports}
                  search={{ unitId, year, section: 'cellLife', side: 'residence' }}
                />
              )}
            >
              {t('compliance.byUnit')}
            </Anchor>
          </Text>
        )}
        {!unitId && isAdmin(me) ? (
          <EmptyState title={t('compliance.pickUnit')} />
        ) : query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ComplianceBody c={query.data} />
        )}
      </Stack>
    </>
  );
}

function ComplianceBody({ c }: { c: Compliance }) {
  const { t } = useTranslation('meetings');
  if (c.cells.length === 0) return <EmptyState title={t('compliance.empty')} />;
  const states = c.cells.flatMap((cell) => cell.halves.map((h) => h.state));
  const count = (s: string) => states.filter((x) => x === s).length;

  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label={t('compliance.summary')}>
        <Text fw={600}>{c.unitName}</Text>
        <Badge color="green" variant="light">
          {t('compliance.count.met', { count: count('met') })}
        </Badge>
        <Badge color="red" variant="light">
          {t('compliance.count.missed', { count: count('missed') })}
        </Badge>
        <Badge color="yellow" variant="light">
          {t('compliance.count.open', { count: count('open') })}
        </Badge>
      </Group>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table
            striped
            highlightOnHover
            bg="white"
            aria-label={t('compliance.tableLabel', { year: c.year })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('compliance.cell')}</Table.Th>
                <Table.Th ta="right">{t('compliance.workingMembers')}</Table.Th>
                <Table.Th>{t('compliance.half1')}</Table.Th>
                <Table.Th>{t('compliance.half2')}</Table.Th>
                <Table.Th ta="right">{t('compliance.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.cells.map((cell) => (
                <Table.Tr key={cell.cellId}>
                  <Table.Td>
                    <CellLink cell={cell} />
                  </Table.Td>
                  <Table.Td ta="right">{cell.workingMembers}</Table.Td>
                  {cell.halves.map((h) => (
                    <Table.Td key={h.half}>
                      <HalfStateBadge state={h.state} held={h.held} required={h.required} />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{rate(cell.attendanceRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <SimpleGrid cols={1} spacing="sm" hiddenFrom="sm">
        {c.cells.map((cell) => (
          <Card key={cell.cellId} withBorder padding="md" component="article" aria-label={cell.cellName}>
            <Stack gap={6}>
              <CellLink cell={cell} />
              <Text size="sm" c="dimmed">
                {t('compliance.membersAndRate', {
                  count: cell.workingMembers,
                  rate: rate(cell.attendanceRate),
                })}
              </Text>
              {cell.halves.map((h) => (
                <Group key={h.half} justify="space-between" wrap="nowrap">
                  <Text size="sm">{t(`compliance.half${h.half}`)}</Text>
                  <HalfStateBadge state={h.state} held={h.held} required={h.required} size="lg" />
                </Group>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CellLink({ cell }: { cell: CellCompliance }) {
  return (
    <Anchor
      fw={600}
      renderRoot={(props) => (
        <Link {...props} to={paths.meetings} search={{ cellId: cell.cellId, tab: 'past' }} />
      )}
    >
      {cell.cellName}
    </Anchor>
  );
}

function rate(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
