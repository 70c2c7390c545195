import { Alert, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { attendanceRate, type FigureKey } from '../../../../../shared/rules/report-figures';
import type { FigureValues } from '../../../../../shared/contracts/reports';
import { formatPercent, valueOf } from '../../lib/figures';
import { DistributionChart } from './chart-card';
import { ChildrenTable, type TableColumn } from './children-table';
import { FigureGrid, type TileSpec } from './figure-grid';
import type { SectionProps } from './section-props';

function rate(v: FigureValues, half: 1 | 2 | null) {
  return attendanceRate({ attPresent: valueOf(v, 'attPresent', half), attExcused: valueOf(v, 'attExcused', half), attUnexcused: valueOf(v, 'attUnexcused', half) });
}

/**
 * Cell life (Art. 4.3, 4.4, 2.6): did each cell meet its working members in each half-year, who came, who
 * was absent without reason, warnings and local contributions. On the workplace side: how its members take
 * part where they live.
 */
export function CellLifeSection(props: SectionProps) {
  const { t, i18n } = useTranslation('reports');
  const { pages, side, half } = props;
  const first = pages[0]!;
  const total = first.total[side];
  const v = (key: FigureKey, h = half) => valueOf(total, key, h);
  const halfState = (h: 1 | 2) => first.halves.find((x) => x.half === h)?.state ?? 'ended';
  const halves: (1 | 2)[] = half ? [half] : [1, 2];
  const residence = side === 'residence';
  const attendanceNote = t('note.rate', { rate: formatPercent(rate(total, half), i18n.language) });

  const cellTiles: TileSpec[] = residence
    ? [
        { figure: 'cellsTotal' },
        ...halves.flatMap((h): TileSpec[] => [
          { figure: 'cellsMet', half: h, label: t('figures.cellsMetIn', { half: t(`half.${h}`) }), tone: 'good' },
          {
            figure: 'cellsNotMet',
            half: h,
            label: t(halfState(h) === 'ended' ? 'figures.cellsMissedIn' : 'figures.cellsNotYetIn', { half: t(`half.${h}`) }),
            tone: halfState(h) === 'ended' ? 'alert' : undefined,
          },
        ]),
        ...(half ? [] : [{ figure: 'cellsMetBoth' } as TileSpec]),
        { figure: 'meetingsHeld' },
        { figure: 'meetingsExtraordinary' },
        { figure: 'meetingsCancelled' },
      ]
    : [];
  const tiles: TileSpec[] = [
    ...cellTiles,
    { figure: 'attPresent', note: attendanceNote, tone: 'good' },
    { figure: 'attExcused' },
    { figure: 'attUnexcused', tone: 'alert' },
    { figure: 'absenceNotices', tone: 'alert' },
    { figure: 'warningsOpen', tone: 'alert' },
    { figure: 'warningsEscalated', tone: 'alert' },
    { figure: 'warningsIssued' },
    ...(residence ? [{ figure: 'activities' } as TileSpec] : []),
    { figure: 'contributions' },
    { figure: 'contributionDays' },
    { figure: 'contributionMoney' },
  ];
  const columns: TableColumn[] = [
    ...(residence
      ? ([
          { id: 'cells', figure: 'cellsTotal', label: t('short.cells') },
          ...halves.map((h) => ({ id: `met${h}`, figure: 'cellsMet', half: h, label: t('short.metIn', { half: t(`halfShort.${h}`) }) })),
          { id: 'held', figure: 'meetingsHeld', label: t('short.meetings') },
        ] as TableColumn[])
      : []),
    { id: 'rate', label: t('short.rate'), compute: (x) => formatPercent(rate(x, half), i18n.language) },
    { id: 'present', figure: 'attPresent', label: t('short.present') },
    { id: 'unexcused', figure: 'attUnexcused', label: t('short.unexcused') },
    { id: 'notices', figure: 'absenceNotices', label: t('short.notices') },
    { id: 'warnings', figure: 'warningsOpen', label: t('short.warnings') },
    { id: 'contrib', figure: 'contributions', label: t('short.contributions') },
  ];
  return (
    <Stack gap="md">
      {residence && halves.some((h) => halfState(h) !== 'ended') && (
        <Alert color="blue" variant="light">
          {t('note.halfOpen')}
        </Alert>
      )}
      <FigureGrid tiles={tiles} props={props} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DistributionChart
          title={t('chart.attendance')}
          color="teal.7"
          bars={(['attPresent', 'attExcused', 'attUnexcused', 'attExempt', 'attUnrecorded'] as FigureKey[]).map((k) => ({ label: t(`figures.${k}`), value: v(k) }))}
        />
        {residence && (
          <DistributionChart
            title={t('chart.cells')}
            color="grape.7"
            bars={halves.flatMap((h) => [
              { label: t('figures.cellsMetIn', { half: t(`half.${h}`) }), value: v('cellsMet', h) },
              { label: t(halfState(h) === 'ended' ? 'figures.cellsMissedIn' : 'figures.cellsNotYetIn', { half: t(`half.${h}`) }), value: v('cellsNotMet', h) },
            ])}
          />
        )}
      </SimpleGrid>
      <ChildrenTable title={t('table.byUnit')} columns={columns} {...props} />
    </Stack>
  );
}
