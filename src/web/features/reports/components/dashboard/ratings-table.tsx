import { Card, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../shared/contracts/reports';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { ratingGrid, tones } from '../../../../../shared/rules/report-breakdown';
import type { ReportSide } from '../../../../../shared/rules/report-figures';
import { FigureLink } from './figure-link';

/**
 * Confirmed comments by criterion and level, in the words of the year's rule set (criteria are data), the
 * overall tone, and the workplace's classification against the residence comment ("excellent at work,
 * poor at home"). Every count opens the forms behind it.
 */
export function RatingsTables({ dashboard, side, ruleSet }: { dashboard: Dashboard; side: ReportSide; ruleSet: RuleSetDefinition }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const counts = dashboard.total.breakdown[side];
  const link = (key: string, label: string) => (
    <FigureLink value={counts[key] ?? 0} label={label} target={{ unitId: dashboard.unit?.id, figure: key, side, year: dashboard.year }} />
  );
  const grid = ratingGrid(ruleSet);
  const width = Math.max(...grid.map((c) => c.levels.length));
  const levels = ruleSet.classification.levels;
  return (
    <>
      <Card withBorder padding="md" component="section" aria-label={t('ratings.title')}>
        <Title order={3} fz="lg" mb="xs">
          {t('ratings.title')}
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={620}>
          <Table striped verticalSpacing="xs" fz="sm" aria-label={t('ratings.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ratings.criterion')}</Table.Th>
                {Array.from({ length: width }, (_, i) => (
                  <Table.Th key={i} scope="col">
                    {t('ratings.level', { n: i + 1 })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Th scope="row" fw={500}>
                    {c.label[lang]}
                  </Table.Th>
                  {c.levels.map((l) => (
                    <Table.Td key={l.key}>
                      {l.label[lang]}: {link(l.breakdownKey, `${c.label[lang]} — ${l.label[lang]}`)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('ratings.overall')}</Table.Th>
                {tones.map((tone) => (
                  <Table.Td key={tone}>
                    {t(`tone.${tone}`)}: {link(`o:${tone}`, `${t('ratings.overall')} — ${t(`tone.${tone}`)}`)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="md" component="section" aria-label={t('ratings.crossTitle')}>
        <Title order={3} fz="lg" mb="xs">
          {t('ratings.crossTitle')}
        </Title>
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={560}>
          <Table striped verticalSpacing="xs" fz="sm" aria-label={t('ratings.crossTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ratings.classification')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('ratings.classified')}
                </Table.Th>
                {tones.map((tone) => (
                  <Table.Th key={tone} scope="col" ta="right">
                    {t('ratings.residenceTone', { tone: t(`tone.${tone}`) })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Th scope="row" fw={500}>
                    {l.label[lang]}
                  </Table.Th>
                  <Table.Td ta="right">{link(`c:${l.key}`, l.label[lang])}</Table.Td>
                  {tones.map((tone) => (
                    <Table.Td key={tone} ta="right" c={l.positive && tone === 'negative' && (counts[`x:${l.key}:${tone}`] ?? 0) > 0 ? 'red.8' : undefined}>
                      {link(`x:${l.key}:${tone}`, `${l.label[lang]} — ${t(`tone.${tone}`)}`)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
