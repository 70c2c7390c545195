import { Anchor, Group, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconChartBar, IconListCheck } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState } from '../../../../components/ui/query-state';
import { cellGrants, isWorkingMember, workplaceGrants } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { residenceSides, type ResidenceSide } from '../../lib/sides';
import { BacklogTable } from '../shared/backlog-table';
import { NoCommentList } from '../shared/no-comment-list';
import { currentYear, YearSelect } from '../shared/year-select';
import { PrintCellButton } from './print-cell-button';
import { ResidenceList } from './residence-list';

/**
 * The residence side's evaluations (Art. 4.4–4.5): the cell secretary fills and signs the forms, the Front
 * head co-signs, the commune committee confirms or returns them and follows the backlog of its cells.
 */
export function EvaluationsPage() {
  const { t } = useTranslation('evaluations');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/evaluations' });
  const navigate = useNavigate({ from: paths.evaluations });
  const sides = residenceSides(me);
  const [year, setYear] = useState(currentYear());
  const cells = cellGrants(me);
  const [cellId, setCellId] = useState<string | null>(
    cells.find((g) => g.unitId === search.cellId)?.unitId ?? cells[0]?.unitId ?? null,
  );
  const tab = search.tab ?? 'forms';

  if (sides.length === 0) {
    // a workplace officer's evaluations are on the workplace page; a member's on their own page
    if (workplaceGrants(me).length > 0) return <Navigate to={paths.evaluationsWorkplace} replace />;
    if (isWorkingMember(me)) return <Navigate to={paths.myEvaluation} replace />;
    return <EmptyState title={t('list.noAccess')} />;
  }
  const side = search.side && sides.includes(search.side) ? search.side : sides[0]!;
  const cellName = cells.find((g) => g.unitId === cellId)?.unitName ?? '';
  // a count on the home page opens the list narrowed to its queue; "show all" takes the narrowing away
  const queue = search.queue;
  const clearQueue = () => void navigate({ search: (prev) => ({ ...prev, queue: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t(`list.subtitle.${side}`)}
        actions={
          side === 'cell' && cellId ? (
            <PrintCellButton cellId={cellId} cellName={cellName} year={year} />
          ) : undefined
        }
      />
      <Stack gap="md">
        {sides.length > 1 && (
          <SegmentedControl
            value={side}
            onChange={(v) => void navigate({ search: { side: v as ResidenceSide }, replace: true })}
            data={sides.map((s) => ({ value: s, label: t(`list.side.${s}`) }))}
            size="md"
          />
        )}
        <Group align="flex-end" gap="sm">
          <YearSelect value={year} onChange={setYear} />
          {side === 'cell' && cells.length > 1 && (
            <Select
              label={t('filters.cell')}
              allowDeselect={false}
              data={cells.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
              value={cellId}
              onChange={setCellId}
              maw={360}
            />
          )}
          {workplaceGrants(me).length > 0 && (
            <Text size="sm" pb={8}>
              <Anchor component={Link} to={paths.evaluationsWorkplace}>
                {t('list.toWorkplace')}
              </Anchor>
            </Text>
          )}
        </Group>
        {side === 'commune' ? (
          <Tabs
            value={tab}
            onChange={(v) =>
              v && void navigate({ search: (prev) => ({ ...prev, tab: v as typeof tab }), replace: true })
            }
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="forms" leftSection={<IconListCheck size={16} />}>
                {t('list.tabForms')}
              </Tabs.Tab>
              <Tabs.Tab value="backlog" leftSection={<IconChartBar size={16} />}>
                {t('list.tabBacklog')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="forms" pt="md">
              <ResidenceList key={queue ?? ''} side="commune" year={year} queue={queue} onClearQueue={clearQueue} />
            </Tabs.Panel>
            <Tabs.Panel value="backlog" pt="md">
              <Stack gap="md">
                <BacklogTable filters={{ side: 'residence', year }} title={t('backlog.residenceTitle')} />
                <NoCommentList filters={{ side: 'residence', year }} title={t('noComment.title')} />
              </Stack>
            </Tabs.Panel>
          </Tabs>
        ) : (
          <ResidenceList
            key={`${side}:${cellId}:${queue ?? ''}`}
            side={side}
            year={year}
            cellId={side === 'cell' ? cellId : undefined}
            queue={queue}
            onClearQueue={clearQueue}
          />
        )}
      </Stack>
    </>
  );
}
