import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { commentsReceived, percent, type FigureKey } from '../../../../../shared/rules/report-figures';
import type { FigureValues } from '../../../../../shared/contracts/reports';
import { LoadingState } from '../../../../components/ui/query-state';
import { useRuleSet } from '../../../evaluations/api/get-rule-set';
import { formatCount, formatPercent, valueOf } from '../../lib/figures';
import { DistributionChart } from './chart-card';
import { ChildrenTable, type TableColumn } from './children-table';
import { FigureGrid, type TileSpec } from './figure-grid';
import { RatingsTables } from './ratings-table';
import type { SectionProps } from './section-props';

const statuses: FigureKey[] = ['evRequested', 'evDrafted', 'evReturned', 'evSigned', 'evDelivered', 'evReleased', 'evDisputed'];
const received = (x: FigureValues) => commentsReceived({ evDelivered: x.evDelivered, evReleased: x.evReleased, evDisputed: x.evDisputed });

/** The yearly evaluation (Art. 3.4, 3.5, 4.4, 4.5): where every comment stands, what is overdue, what the comments say. */
export function EvaluationSection(props: SectionProps) {
  const { t, i18n } = useTranslation('reports');
  const { pages, side } = props;
  const first = pages[0]!;
  const total = first.total[side];
  const v = (key: FigureKey) => valueOf(total, key, null);
  const ruleSet = useRuleSet(first.ruleSetCode);
  const tiles: TileSpec[] = [
    { figure: 'evTotal', note: t('note.received', { count: received(total), share: formatPercent(percent(received(total), v('evTotal')), i18n.language) }) },
    ...statuses.map((figure): TileSpec => ({ figure })),
    { figure: 'evOverdue', tone: 'alert' },
    { figure: 'noComment', tone: 'alert' },
    { figure: 'evSelfReported' },
    { figure: 'evFlagged', tone: 'alert', note: t('note.flags', { raised: formatCount(v('evFlagsRaised'), i18n.language), justified: formatCount(v('evFlagsJustified'), i18n.language) }) },
    { figure: 'evContradicts', tone: 'alert' },
    { figure: 'disputesOpened' },
    { figure: 'disputesOpen' },
    { figure: 'disputesUpheld' },
    { figure: 'disputesRevised' },
    { figure: 'evOnDemand' },
  ];
  const columns: TableColumn[] = [
    { id: 'total', figure: 'evTotal', label: t('short.requested') },
    { id: 'received', label: t('short.received'), compute: (x) => formatCount(received(x), i18n.language) },
    { id: 'share', label: t('short.receivedShare'), compute: (x) => formatPercent(percent(received(x), valueOf(x, 'evTotal', null)), i18n.language) },
    { id: 'overdue', figure: 'evOverdue', label: t('short.overdue') },
    { id: 'none', figure: 'noComment', label: t('short.noComment') },
    { id: 'flagged', figure: 'evFlagged', label: t('short.flagged') },
    { id: 'disputes', figure: 'disputesOpened', label: t('short.disputes') },
    { id: 'contradicts', figure: 'evContradicts', label: t('short.contradicts') },
  ];
  return (
    <Stack gap="md">
      <FigureGrid tiles={tiles} props={props} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DistributionChart title={t('chart.statuses')} color="indigo.7" bars={statuses.map((k) => ({ label: t(`figures.${k}`), value: v(k) }))} />
        <DistributionChart
          title={t('chart.tones')}
          color="orange.7"
          bars={(['positive', 'neutral', 'negative'] as const).map((tone) => ({ label: t(`tone.${tone}`), value: total && (first.total.breakdown[side][`o:${tone}`] ?? 0) }))}
        />
      </SimpleGrid>
      {ruleSet.data ? <RatingsTables dashboard={first} side={side} ruleSet={ruleSet.data} /> : <LoadingState />}
      <ChildrenTable title={t('table.byUnit')} columns={columns} {...props} />
    </Stack>
  );
}
