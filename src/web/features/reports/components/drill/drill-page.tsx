import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconDownload, IconSearch } from '@tabler/icons-react';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportPaths } from '../../../../../shared/contracts/reports';
import { breakdownKind, reportFigures, type FigureKey } from '../../../../../shared/rules/report-figures';
import { describeBreakdownKey } from '../../../../../shared/rules/report-breakdown';
import { paths } from '../../../../app/paths';
import { LoadMoreButton } from '../../../../components/ui/load-more';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useRuleSet } from '../../../evaluations/api/get-rule-set';
import { useDownloadReportFile } from '../../api/download-report-file';
import { useDrill } from '../../api/list-drill';
import { formatFigure } from '../../lib/figures';
import { displayValue, rowHref } from './drill-values';

/** The name of a figure or of a breakdown key, in the rule set's own words for the latter. */
function useFigureName(figure: string, ruleSetCode: string | null) {
  const { t, i18n } = useTranslation('reports');
  const kind = breakdownKind(figure);
  const ruleSet = useRuleSet(kind ? ruleSetCode : null);
  if (!kind) return t(`figures.${figure}`, { defaultValue: figure });
  const item = describeBreakdownKey(ruleSet.data ?? null, figure);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (!item) return figure;
  switch (item.kind) {
    case 'r':
      return `${item.criterionLabel?.[lang] ?? item.criterion}: ${item.levelLabel?.[lang] ?? item.level}`;
    case 'o':
      return t('drill.overall', { tone: t(`tone.${item.tone}`) });
    case 'c':
      return t('drill.classified', { level: item.levelLabel?.[lang] ?? item.level });
    case 'x':
      return t('drill.cross', { level: item.levelLabel?.[lang] ?? item.level, tone: t(`tone.${item.tone}`) });
  }
}

/** The list behind a number: the same rows the number counts, with a link to each record. */
export function DrillPage() {
  const { t, i18n } = useTranslation('reports');
  const search = useSearch({ from: '/authed/reports/list' });
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const filters = { ...search, scope: search.scope ?? 'tree', q: debounced || undefined };
  const query = useDrill(filters);
  const download = useDownloadReportFile();
  const first = query.data?.pages[0];
  const name = useFigureName(search.figure, first?.ruleSetCode ?? null);
  const period = search.half ? t('drill.half', { half: t(`half.${search.half}`), year: first?.year ?? search.year ?? '' }) : t('drill.year', { year: first?.year ?? search.year ?? '' });
  const isState = !breakdownKind(search.figure) && reportFigures[search.figure as FigureKey]?.period === 'state';

  return (
    <>
      <PageHeader
        title={name}
        subtitle={[first?.unit?.name ?? t('page.national'), t(`side.${search.side}`), isState ? t('drill.now') : period, search.scope === 'own' ? t('table.own') : null].filter(Boolean).join(' · ')}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() => download.mutate({ path: reportPaths.drillXlsx, query: { ...filters }, fallbackName: 'danh-sach.xlsx' })}
          >
            {t('page.excel')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Anchor renderRoot={(props) => <Link {...props} to={paths.reports} search={{ unitId: search.unitId, year: search.year, half: search.half, side: search.side }} />}>
            <Group gap={4}>
              <IconArrowLeft size={16} />
              {t('drill.back')}
            </Group>
          </Anchor>
          {first && first.figureValue !== null && (
            <Text size="sm" c="gray.7">
              {t('drill.figure', { value: formatFigure(search.figure, first.figureValue, i18n.language) })}
            </Text>
          )}
        </Group>
        <TextInput
          label={t('drill.search')}
          placeholder={t('drill.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={420}
        />
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : first!.items.length === 0 ? (
          <EmptyState title={debounced ? t('drill.noMatch') : t('drill.empty')} />
        ) : (
          <Card withBorder padding="sm">
            <Table.ScrollContainer type="native" tabIndex={0} minWidth={Math.max(560, first!.columns.length * 140)}>
              <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={name}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('drill.no')}</Table.Th>
                    {first!.columns.map((c) => (
                      <Table.Th key={c} scope="col">
                        {t(`column.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.pages
                    .flatMap((p) => p.items)
                    .map((row, i) => {
                      const href = rowHref(row);
                      return (
                        <Table.Tr key={row.id}>
                          <Table.Td>{i + 1}</Table.Td>
                          {first!.columns.map((c, ci) => {
                            const text = displayValue(c, row.values[c] ?? null, t, i18n.language);
                            return (
                              <Table.Td key={c}>
                                {ci === 0 && href ? (
                                  <Anchor renderRoot={(props) => <Link {...props} to={href.to} search={href.search} />}>
                                    {text}
                                  </Anchor>
                                ) : (
                                  text
                                )}
                              </Table.Td>
                            );
                          })}
                        </Table.Tr>
                      );
                    })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="center" mt="sm">
              <LoadMoreButton query={query} />
            </Group>
          </Card>
        )}
      </Stack>
    </>
  );
}
