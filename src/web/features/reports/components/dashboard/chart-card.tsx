import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/figures';
import { BarChart, ChartSlot } from './lazy-charts';

export interface Bar {
  label: string;
  value: number;
}

/**
 * A distribution at a glance (horizontal bars, long Vietnamese labels stay readable on a phone). The chart
 * is a picture only: the same numbers stand in the tiles and tables next to it, each a link.
 */
export function DistributionChart({ title, bars, color = 'red.7' }: { title: string; bars: Bar[]; color?: string }) {
  const { t, i18n } = useTranslation('reports');
  const total = bars.reduce((n, b) => n + b.value, 0);
  const h = Math.max(160, bars.length * 36);
  return (
    <Card withBorder padding="md" component="figure" m={0} aria-label={title}>
      <Title order={3} fz="lg" mb="xs">
        {title}
      </Title>
      {total === 0 ? (
        <Text c="gray.7" size="sm">
          {t('chart.empty')}
        </Text>
      ) : (
        <div aria-hidden>
          <ChartSlot h={h}>
            <BarChart
              h={h}
              data={bars.map((b) => ({ label: b.label, value: b.value }))}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 170, tick: { fill: 'var(--mantine-color-gray-8)', fontSize: 12 } }}
              xAxisProps={{ tick: { fill: 'var(--mantine-color-gray-8)', fontSize: 12 } }}
              // the chart is a picture (aria-hidden): its keyboard layer would be a focus trap with no name
              barChartProps={{ accessibilityLayer: false }}
              series={[{ name: 'value', color, label: t('chart.count') }]}
              valueFormatter={(v) => formatCount(v, i18n.language)}
              withTooltip={false}
              withBarValueLabel
              // ticks and value labels readable (the default grey is 3.3:1 on white)
              textColor="gray.8"
              gridAxis="none"
            />
          </ChartSlot>
        </div>
      )}
    </Card>
  );
}
