import { Badge, Button, Card, Group, Stack, Tabs, Text } from '@mantine/core';
import {
  IconCalendarPlus,
  IconChartBar,
  IconListCheck,
  IconScale,
  IconUserQuestion,
  IconUserX,
} from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState } from '../../../../components/ui/query-state';
import { formatDate } from '../../../../lib/dates';
import { isAdmin, workplaceGrants } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { resolveHubUnit, UnitScopeSelect } from '../../../introductions/components/shared/unit-scope';
import { useBacklog } from '../../api/get-backlog';
import { useCycles } from '../../api/list-cycles';
import { BacklogTable } from '../shared/backlog-table';
import { NoCommentList } from '../shared/no-comment-list';
import { currentYear, YearSelect } from '../shared/year-select';
import { OnDemandModal } from './on-demand-modal';
import { OpenCycleModal } from './open-cycle-modal';
import { ReviewTable } from './review-table';
import { WorkplaceRequests } from './workplace-requests';

type Tab = 'review' | 'backlog' | 'noComment' | 'requests';

/**
 * The workplace committee's side (Art. 3.4–3.5): open the year's cycle, ask on demand, follow the backlog and
 * who still has no comment, and at the year-end review see each residence comment next to its own score.
 */
export function WorkplacePage() {
  const { t } = useTranslation('evaluations');
  const me = useCurrentUser();
  const grants = workplaceGrants(me);
  const search = useSearch({ from: '/authed/evaluations/workplace' });
  const navigate = useNavigate({ from: paths.evaluationsWorkplace });
  const unitId = resolveHubUnit(me, grants, search.unitId);
  const [year, setYear] = useState(currentYear());
  const tab: Tab = search.tab ?? 'review';
  const [dialog, setDialog] = useState<'cycle' | 'onDemand' | null>(null);

  return (
    <>
      <PageHeader
        title={t('workplace.title')}
        subtitle={t('workplace.subtitle')}
        actions={
          unitId && (
            <>
              <Button
                variant="default"
                leftSection={<IconUserQuestion size={18} />}
                onClick={() => setDialog('onDemand')}
              >
                {t('onDemand.button')}
              </Button>
              <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setDialog('cycle')}>
                {t('cycle.button')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <UnitScopeSelect
          me={me}
          grants={grants}
          type="workplace_committee"
          value={unitId}
          onChange={(id) => void navigate({ search: (prev) => ({ ...prev, unitId: id ?? undefined }) })}
        />
        {!unitId ? (
          <EmptyState title={isAdmin(me) ? t('workplace.pickUnit') : t('workplace.noAccess')} />
        ) : (
          <>
            <Group align="flex-end" gap="md">
              <YearSelect value={year} onChange={setYear} />
              <CycleLine unitId={unitId} year={year} />
            </Group>
            <Tabs
              value={tab}
              onChange={(v) =>
                v && void navigate({ search: (prev) => ({ ...prev, tab: v as Tab, queue: undefined }), replace: true })
              }
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="review" leftSection={<IconScale size={16} />}>
                  {t('workplace.tabReview')}
                </Tabs.Tab>
                <Tabs.Tab value="backlog" leftSection={<IconChartBar size={16} />}>
                  {t('workplace.tabBacklog')}
                </Tabs.Tab>
                <Tabs.Tab
                  value="noComment"
                  leftSection={<IconUserX size={16} />}
                  rightSection={<NoCommentCount unitId={unitId} year={year} />}
                >
                  {t('workplace.tabNoComment')}
                </Tabs.Tab>
                <Tabs.Tab value="requests" leftSection={<IconListCheck size={16} />}>
                  {t('workplace.tabRequests')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="review" pt="md">
                <ReviewTable key={`${unitId}:${year}`} unitId={unitId} year={year} />
              </Tabs.Panel>
              <Tabs.Panel value="backlog" pt="md">
                <BacklogTable
                  filters={{ side: 'workplace', unitId, year }}
                  title={t('backlog.workplaceTitle')}
                />
              </Tabs.Panel>
              <Tabs.Panel value="noComment" pt="md">
                <NoCommentList filters={{ side: 'workplace', unitId, year }} title={t('noComment.title')} />
              </Tabs.Panel>
              <Tabs.Panel value="requests" pt="md">
                <WorkplaceRequests
                  key={`${unitId}:${year}:${search.queue ?? ''}`}
                  unitId={unitId}
                  year={year}
                  queue={search.queue}
                  onClearQueue={() => void navigate({ search: (prev) => ({ ...prev, queue: undefined }), replace: true })}
                />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
      {dialog === 'cycle' && unitId && (
        <OpenCycleModal
          unitId={unitId}
          unitName={grants.find((g) => g.unitId === unitId)?.unitName ?? t('cycle.thisUnit')}
          year={year}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'onDemand' && unitId && <OnDemandModal unitId={unitId} onClose={() => setDialog(null)} />}
    </>
  );
}

/** The year's cycle at a glance: opened when, due when, how many asked for. */
function CycleLine({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation('evaluations');
  const cycles = useCycles({ unitId, year });
  const cycle = cycles.data?.find((c) => c.workplaceUnitId === unitId);
  return (
    <Card withBorder padding="xs" px="sm" style={{ flex: 1, minWidth: 240 }}>
      <Text size="sm">
        {cycle
          ? t('cycle.line', {
              year,
              opened: formatDate(cycle.openedAt),
              due: formatDate(cycle.dueDate),
              count: cycle.requested,
            })
          : t('cycle.notOpened', { year })}
      </Text>
    </Card>
  );
}

function NoCommentCount({ unitId, year }: { unitId: string; year: number }) {
  const backlog = useBacklog({ side: 'workplace', unitId, year });
  const n = backlog.data?.total.noComment ?? 0;
  return n > 0 ? (
    <Badge size="sm" color="red" circle={n < 100}>
      {n}
    </Badge>
  ) : null;
}
