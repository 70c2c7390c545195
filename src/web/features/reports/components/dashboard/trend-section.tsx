import { Card, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureValues } from '../../../../../shared/contracts/reports';
import { attendanceRate, commentsReceived, percent, type FigureKey } from '../../../../../shared/rules/report-figures';
import { formatCount, formatPercent, valueOf } from '../../lib/figures';
import { FigureLink } from './figure-link';
import { ChartSlot, LineChart } from './lazy-charts';
import type { SectionProps } from './section-props';

const counted: FigureKey[] = ['lettersIssued', 'lettersPlaced', 'meetingsHeld', 'cellsMetBoth', 'evTotal', 'noComment', 'evContradicts'];

function rates(v: FigureValues) {
  return {
    attendance: attendanceRate({ attPresent: valueOf(v, 'attPresent', null), attExcused: valueOf(v, 'attExcused', null), attUnexcused: valueOf(v, 'attUnexcused', null) }),
    received: percent(commentsReceived({ evDelivered: v.evDelivered, evReleased: v.evReleased, evDisputed: v.evDisputed }), valueOf(v, 'evTotal', null)),
  };
}

/** The headline figures over the last three years, as charts and as the table they are drawn from. */
export function TrendSection({ pages, side }: SectionProps) {
  const { t, i18n } = useTranslation('reports');
  const first = pages[0]!;
  const trend = first.trend;
  const fmt = (p: number | null) => formatPercent(p, i18n.language);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="md" component="figure" m={0} aria-label={t('trend.counts')}>
          <Title order={3} fz="lg" mb="xs">
            {t('trend.counts')}
          </Title>
          <div aria-hidden>
            <ChartSlot h={240}>
              <LineChart
                h={240}
                data={trend.map((y) => ({ year: String(y.year), ...Object.fromEntries(['lettersIssued', 'meetingsHeld', 'evTotal'].map((k) => [k, valueOf(y[side], k as FigureKey, null)])) }))}
                dataKey="year"
                series={[
                  { name: 'lettersIssued', color: 'red.7', label: t('figures.lettersIssued') },
                  { name: 'meetingsHeld', color: 'teal.7', label: t('figures.meetingsHeld') },
                  { name: 'evTotal', color: 'indigo.7', label: t('figures.evTotal') },
                ]}
                withLegend
                lineChartProps={{ accessibilityLayer: false }}
                textColor="gray.8"
                xAxisProps={{ tick: { fill: 'var(--mantine-color-gray-8)' } }}
                yAxisProps={{ tick: { fill: 'var(--mantine-color-gray-8)' } }}
                valueFormatter={(v) => formatCount(v, i18n.language)}
              />
            </ChartSlot>
          </div>
        </Card>
        <Card withBorder padding="md" component="figure" m={0} aria-label={t('trend.rates')}>
          <Title order={3} fz="lg" mb="xs">
            {t('trend.rates')}
          </Title>
          <div aria-hidden>
            <ChartSlot h={240}>
              <LineChart
                h={240}
                data={trend.map((y) => ({ year: String(y.year), attendance: rates(y[side]).attendance ?? 0, received: rates(y[side]).received ?? 0 }))}
                dataKey="year"
                yAxisProps={{ domain: [0, 100], tick: { fill: 'var(--mantine-color-gray-8)' } }}
                xAxisProps={{ tick: { fill: 'var(--mantine-color-gray-8)' } }}
                lineChartProps={{ accessibilityLayer: false }}
                textColor="gray.8"
                series={[
                  { name: 'attendance', color: 'teal.7', label: t('trend.attendance') },
                  { name: 'received', color: 'indigo.7', label: t('trend.received') },
                ]}
                withLegend
                unit=" %"
              />
            </ChartSlot>
          </div>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-label={t('trend.table')}>
        <Title order={3} fz="lg" mb="xs">
          {t('trend.table')}
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={520}>
          <Table striped verticalSpacing="xs" fz="sm" aria-label={t('trend.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trend.figure')}</Table.Th>
                {trend.map((y) => (
                  <Table.Th key={y.year} scope="col" ta="right">
                    {y.year}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counted.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" fw={500}>
                    {t(`figures.${k}`)}
                  </Table.Th>
                  {trend.map((y) => (
                    <Table.Td key={y.year} ta="right">
                      <FigureLink value={valueOf(y[side], k, null)} label={`${t(`figures.${k}`)} ${y.year}`} target={{ unitId: first.unit?.id, figure: k, side, year: y.year }} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  {t('trend.attendance')}
                </Table.Th>
                {trend.map((y) => (
                  <Table.Td key={y.year} ta="right">
                    {fmt(rates(y[side]).attendance)}
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  {t('trend.received')}
                </Table.Th>
                {trend.map((y) => (
                  <Table.Td key={y.year} ta="right">
                    {fmt(rates(y[side]).received)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
