import '@mantine/charts/styles.css';
import { Alert, Anchor, Breadcrumbs, Button, Group, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../../shared/contracts/reports';
import { reportPaths } from '../../../../../shared/contracts/reports';
import type { ReportSide } from '../../../../../shared/rules/report-figures';
import { paths } from '../../../../app/paths';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDateTime } from '../../../../lib/dates';
import { isApiError } from '../../../../lib/api-client';
import { useDashboard } from '../../api/get-dashboard';
import { useDownloadReportFile } from '../../api/download-report-file';
import type { DashboardSearch } from '../drill/drill-search';
import { CellLifeSection } from './cell-life-section';
import { CoverageSection } from './coverage-section';
import { EvaluationSection } from './evaluation-section';
import { TrendSection } from './trend-section';

const WORKPLACE_TYPES = new Set(['workplace_committee', 'workplace_cell', 'bloc_committee']);

/** The side a unit is read from first: where its members live, or where they work. */
function defaultSide(d: Dashboard): ReportSide {
  const preferred: ReportSide = d.unit && WORKPLACE_TYPES.has(d.unit.type) ? 'workplace' : 'residence';
  const other: ReportSide = preferred === 'residence' ? 'workplace' : 'residence';
  return (d.total[preferred].workingMembers ?? 0) === 0 && (d.total[other].workingMembers ?? 0) > 0 ? other : preferred;
}

/**
 * The picture upward (Art. 5): one page for every committee officer and administrator, from their highest
 * unit down to a cell and back up, for a year or a half-year, on the residence or the workplace side.
 */
export function DashboardPage() {
  const { t } = useTranslation('reports');
  const search = useSearch({ from: '/authed/reports' });
  const navigate = useNavigate({ from: paths.reports });
  const query = useDashboard({ unitId: search.unitId, year: search.year, half: search.half });
  const download = useDownloadReportFile();
  const set = (patch: Partial<DashboardSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error, 404))
      return <EmptyState title={query.error.message}>{search.unitId && <Anchor component={Link} to={paths.reports}>{t('page.backToTop')}</Anchor>}</EmptyState>;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const pages = query.data.pages;
  const d = pages[0]!;
  const side = search.side ?? defaultSide(d);
  const half = (search.half ?? null) as 1 | 2 | null;
  const section = search.section ?? 'coverage';
  const props = { pages, side, year: d.year, half, query };
  const unitName = d.unit?.name ?? t('page.national');

  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={d.asOf ? t('page.asOf', { at: formatDateTime(d.asOf) }) : t('page.noFigures')}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            onClick={() => download.mutate({ path: reportPaths.dashboardXlsx, query: { unitId: d.unit?.id, year: d.year, half: half ?? undefined }, fallbackName: 'so-lieu-213.xlsx' })}
          >
            {t('page.excel')}
          </Button>
        }
      />
      <Stack gap="md">
        <nav aria-label={t('page.breadcrumbs')}>
        <Breadcrumbs separator="›">
          {d.roots.length === 0 && d.unit && (
            <Anchor renderRoot={(props) => <Link {...props} to={paths.reports} search={(prev) => ({ ...prev, unitId: undefined })} />}>
              {t('page.national')}
            </Anchor>
          )}
          {d.breadcrumbs.map((b) => (
            <Anchor key={b.id} renderRoot={(props) => <Link {...props} to={paths.reports} search={(prev) => ({ ...prev, unitId: b.id })} />}>
              {b.name}
            </Anchor>
          ))}
          <Text fw={700} component="h2" fz="lg" m={0}>
            {unitName}
          </Text>
        </Breadcrumbs>
        </nav>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {d.roots.length > 1 && (
            <Select
              label={t('filters.root')}
              data={d.roots.map((r) => ({ value: r.id, label: r.name }))}
              value={d.breadcrumbs[0]?.id ?? d.unit?.id ?? null}
              onChange={(v) => v && set({ unitId: v })}
              allowDeselect={false}
              maw={360}
            />
          )}
          <Select
            label={t('filters.year')}
            data={d.years.map((y) => ({ value: String(y), label: String(y) }))}
            value={String(d.year)}
            onChange={(v) => v && set({ year: Number(v) })}
            allowDeselect={false}
            w={120}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="period-label">
              {t('filters.period')}
            </Text>
            <SegmentedControl
              aria-labelledby="period-label"
              value={String(half ?? 0)}
              onChange={(v) => set({ half: v === '0' ? undefined : Number(v) })}
              data={[
                { value: '0', label: t('filters.wholeYear') },
                { value: '1', label: t('halfShort.1') },
                { value: '2', label: t('halfShort.2') },
              ]}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="side-label">
              {t('filters.side')}
            </Text>
            <SegmentedControl
              aria-labelledby="side-label"
              value={side}
              onChange={(v) => set({ side: v as ReportSide })}
              data={[
                { value: 'residence', label: t('side.residence') },
                { value: 'workplace', label: t('side.workplace') },
              ]}
            />
          </Stack>
        </Group>
        {d.pending > 0 && (
          <Alert color="yellow" icon={<IconRefresh size={18} />} role="status">
            {t('page.pending', { count: d.pending })}
          </Alert>
        )}
        <Tabs value={section} onChange={(v) => v && set({ section: v as DashboardSearch['section'] })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="coverage">{t('section.coverage')}</Tabs.Tab>
            <Tabs.Tab value="cellLife">{t('section.cellLife')}</Tabs.Tab>
            <Tabs.Tab value="evaluation">{t('section.evaluation')}</Tabs.Tab>
            <Tabs.Tab value="trend">{t('section.trend')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="coverage" pt="md">
            <CoverageSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="cellLife" pt="md">
            <CellLifeSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="evaluation" pt="md">
            <EvaluationSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="trend" pt="md">
            <TrendSection {...props} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
