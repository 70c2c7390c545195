import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dashboard, FigureValues } from '../../../../../shared/contracts/reports';
import type { FigureKey, ReportSide } from '../../../../../shared/rules/report-figures';
import { paths } from '../../../../app/paths';
import { LoadMoreButton, type PagedQuery } from '../../../../components/ui/load-more';
import { valueOf } from '../../lib/figures';
import { FigureLink } from './figure-link';

export interface TableColumn {
  id: string;
  label: string;
  /** a stored figure (a link to its list) … */
  figure?: FigureKey;
  /** … for this half-year (else the period shown) */
  half?: 1 | 2;
  /** … or a value worked out from the row's figures (a share, a rate) */
  compute?: (v: FigureValues) => string;
}

interface Row {
  key: string;
  label: string;
  unitId: string | undefined;
  scope?: 'own';
  values: FigureValues;
  drillDown: boolean;
  total?: boolean;
}

/**
 * The figures per child unit, the unit's own share and the total, as a table (the accessible source of
 * truth next to any chart): every number opens its list, every unit name goes one level down.
 */
export function ChildrenTable({
  title,
  columns,
  pages,
  side,
  year,
  half,
  query,
}: {
  title: string;
  columns: TableColumn[];
  pages: Dashboard[];
  side: ReportSide;
  year: number;
  half: number | null;
  query: PagedQuery;
}) {
  const { t } = useTranslation('reports');
  const first = pages[0]!;
  const rows: Row[] = [
    ...pages.flatMap((p) =>
      p.children.map((c) => ({
        key: c.unitId,
        label: c.active ? c.unitName : t('table.inactive', { name: c.unitName }),
        unitId: c.unitId,
        values: c[side],
        // a cell too: its own page shows what it holds
        drillDown: true,
      })),
    ),
    ...(first.own ? [{ key: 'own', label: t('table.own'), unitId: first.unit?.id, scope: 'own' as const, values: first.own[side], drillDown: false }] : []),
    { key: 'total', label: t('table.total'), unitId: first.unit?.id, values: first.total[side], drillDown: false, total: true },
  ];
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="gray.7">
          {t('table.units', { count: rows.length - 1 })}
        </Text>
      </Group>
      <Table.ScrollContainer type="native" tabIndex={0} minWidth={Math.max(560, 180 + columns.length * 110)}>
        <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.unit')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.id} scope="col" ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} fw={r.total ? 700 : undefined}>
                <Table.Th scope="row" fw={r.total ? 700 : 500}>
                  {r.drillDown ? (
                    <Anchor renderRoot={(props) => <Link {...props} to={paths.reports} search={(prev) => ({ ...prev, unitId: r.unitId })} />}>
                      {r.label}
                    </Anchor>
                  ) : (
                    r.label
                  )}
                </Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.id} ta="right">
                    {c.figure ? (
                      <FigureLink
                        value={valueOf(r.values, c.figure, c.half ?? half)}
                        label={`${r.label} — ${c.label}`}
                        target={{ unitId: r.unitId, figure: c.figure, side, year, half: c.half ?? half ?? undefined, scope: r.scope }}
                      />
                    ) : (
                      c.compute?.(r.values)
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="center" mt="sm">
        <LoadMoreButton query={query} />
      </Group>
    </Card>
  );
}
