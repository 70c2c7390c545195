import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { YearlyReport } from '../../../../../shared/contracts/reports';
import { attendanceRate, commentsReceived, type FigureKey } from '../../../../../shared/rules/report-figures';
import { formatDateTime } from '../../../../lib/dates';
import { formatCount, formatPercent, valueOf } from '../../lib/figures';

const shown: FigureKey[] = [
  'workingMembers',
  'stagePlaced',
  'stageNotIntroduced',
  'lettersOverdue',
  'cellsTotal',
  'cellsMetBoth',
  'meetingsHeld',
  'attUnexcused',
  'evTotal',
  'evOverdue',
  'noComment',
  'evContradicts',
];

/** The figures the report carries (filled from the data; frozen when it is submitted), both sides. */
export function ReportFiguresCard({ report }: { report: YearlyReport }) {
  const { t, i18n } = useTranslation('reports');
  const f = report.figures.total;
  const n = (v: number) => formatCount(v, i18n.language);
  const rate = (side: 'residence' | 'workplace') =>
    formatPercent(
      attendanceRate({ attPresent: valueOf(f[side], 'attPresent', null), attExcused: valueOf(f[side], 'attExcused', null), attUnexcused: valueOf(f[side], 'attUnexcused', null) }),
      i18n.language,
    );
  return (
    <Card withBorder padding="md" component="section" aria-label={t('yearly.figures')}>
      <Title order={3} fz="lg">
        {t('yearly.figures')}
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t(report.status === 'submitted' || report.status === 'received' ? 'yearly.figuresFrozen' : 'yearly.figuresAt', { at: formatDateTime(report.figuresAt) })}
      </Text>
      <Table.ScrollContainer type="native" tabIndex={0} minWidth={420}>
        <Table striped verticalSpacing={4} fz="sm" aria-label={t('yearly.figures')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trend.figure')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('side.residence')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('side.workplace')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((k) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" fw={400}>
                  {t(`figures.${k}`)}
                </Table.Th>
                <Table.Td ta="right">{n(valueOf(f.residence, k, null))}</Table.Td>
                <Table.Td ta="right">{n(valueOf(f.workplace, k, null))}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t('trend.attendance')}
              </Table.Th>
              <Table.Td ta="right">{rate('residence')}</Table.Td>
              <Table.Td ta="right">{rate('workplace')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                {t('short.received')}
              </Table.Th>
              {(['residence', 'workplace'] as const).map((s) => (
                <Table.Td key={s} ta="right">
                  {n(commentsReceived({ evDelivered: f[s].evDelivered, evReleased: f[s].evReleased, evDisputed: f[s].evDisputed }))}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="gray.7" mt="xs">
        {t('yearly.annexNote', { count: report.figures.children.length })}
      </Text>
    </Card>
  );
}
