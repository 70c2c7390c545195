import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { introductionStages } from '../../../../../shared/rules/introduction-letter';
import { percent, type FigureKey } from '../../../../../shared/rules/report-figures';
import { formatPercent, valueOf } from '../../lib/figures';
import { DistributionChart } from './chart-card';
import { ChildrenTable, type TableColumn } from './children-table';
import { FigureGrid, type TileSpec } from './figure-grid';
import type { SectionProps } from './section-props';

const stageFigure: Record<(typeof introductionStages)[number], FigureKey> = {
  not_introduced: 'stageNotIntroduced',
  draft: 'stageDraft',
  awaiting_receipt: 'stageAwaitingReceipt',
  awaiting_placement: 'stageAwaitingPlacement',
  awaiting_acknowledgement: 'stageAwaitingAcknowledgement',
  placed: 'stagePlaced',
  rejected: 'stageRejected',
  not_to_introduce: 'stageNotToIntroduce',
};

/** Introductions and coverage (Art. 3.1, 4.1, 4.2): who is introduced, where the letters stand, who lives where. */
export function CoverageSection(props: SectionProps) {
  const { t, i18n } = useTranslation('reports');
  const { pages, side } = props;
  const total = pages[0]!.total[side];
  const v = (key: FigureKey) => valueOf(total, key, null);
  const share = (key: FigureKey) => formatPercent(percent(v(key), v('workingMembers')), i18n.language);
  const tiles: TileSpec[] = [
    { figure: 'workingMembers' },
    { figure: 'stagePlaced', note: t('note.ofWorking', { share: share('stagePlaced') }), tone: 'good' },
    { figure: 'stageAwaitingReceipt' },
    { figure: 'lettersOverdue', tone: 'alert' },
    { figure: 'stageAwaitingPlacement' },
    { figure: 'stageAwaitingAcknowledgement' },
    { figure: 'stageNotIntroduced', tone: 'alert', note: t('note.ofWorking', { share: share('stageNotIntroduced') }) },
    { figure: 'stageRejected', tone: 'alert' },
    { figure: 'categoryExempt' },
    { figure: 'stageNotToIntroduce' },
    ...(side === 'residence'
      ? ([{ figure: 'notPlaced' }, { figure: 'livesAway' }, { figure: 'requestsOpen', tone: 'alert' }] as TileSpec[])
      : ([{ figure: 'noResidenceKnown', tone: 'alert' }, { figure: 'requestsOpen', tone: 'alert' }] as TileSpec[])),
    { figure: 'lettersIssued', label: t('figures.lettersIssuedIn', { year: props.year }) },
    { figure: 'lettersPlaced', label: t('figures.lettersPlacedIn', { year: props.year }) },
  ];
  const columns: TableColumn[] = [
    { id: 'wm', figure: 'workingMembers', label: t('short.workingMembers') },
    { id: 'placed', figure: 'stagePlaced', label: t('short.placed') },
    { id: 'share', label: t('short.placedShare'), compute: (x) => formatPercent(percent(valueOf(x, 'stagePlaced', null), valueOf(x, 'workingMembers', null)), i18n.language) },
    { id: 'receipt', figure: 'stageAwaitingReceipt', label: t('short.awaitingReceipt') },
    { id: 'overdue', figure: 'lettersOverdue', label: t('short.overdue') },
    { id: 'placement', figure: 'stageAwaitingPlacement', label: t('short.awaitingPlacement') },
    { id: 'none', figure: 'stageNotIntroduced', label: t('short.notIntroduced') },
    ...(side === 'residence'
      ? [
          { id: 'notPlaced', figure: 'notPlaced' as const, label: t('short.notPlaced') },
          { id: 'away', figure: 'livesAway' as const, label: t('short.livesAway') },
        ]
      : [{ id: 'unknown', figure: 'noResidenceKnown' as const, label: t('short.noResidence') }]),
  ];
  return (
    <Stack gap="md">
      <FigureGrid tiles={tiles} props={props} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DistributionChart
          title={t('chart.stages')}
          bars={introductionStages.map((s) => ({ label: t(`enums:introStage.${s}`), value: v(stageFigure[s]) }))}
        />
        <DistributionChart
          title={t('chart.categories')}
          color="blue.7"
          bars={(['categoryActive', 'categoryExempt', 'categoryNotIntroduced'] as FigureKey[]).map((k) => ({ label: t(`figures.${k}`), value: v(k) }))}
        />
      </SimpleGrid>
      <ChildrenTable title={t('table.byUnit')} columns={columns} {...props} />
    </Stack>
  );
}
