import { Button, Group, Select, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warningStatuses, type WarningQueue, type WarningStatus } from '../../../../shared/rules/meeting';
import { paths } from '../../../app/paths';
import { InfiniteListState } from '../../../components/ui/infinite-list-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ActiveFilter } from '../../../components/ui/active-filter';
import { EmptyState } from '../../../components/ui/query-state';
import { canRunCellLife, canSeeCellWarnings, isWorkingMember } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useWarnings, type WarningFilters } from '../api/list-warnings';
import { WarningCard } from './warning-card';
import { WarningFormModal } from './warning-form-modal';

const ALL = 'all';

/**
 * Art. 4.4: reminders and warnings. The cell committee issues them and follows them up (filter by status);
 * the workplace committee reads its members'; a member reads and answers their own.
 */
export function WarningsPage() {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/warnings' });
  const navigate = useNavigate({ from: paths.warnings });
  const cellSide = canSeeCellWarnings(me);
  const member = isWorkingMember(me);
  const [issuing, setIssuing] = useState(false);
  const tab = cellSide ? (search.tab ?? 'cell') : 'mine';
  // a count on the home page opens the list narrowed to what is to follow up
  const queue = search.queue;
  const queueFilter = queue && (
    <ActiveFilter
      label={t(`home:filter.warnings.${queue}`)}
      onClear={() => void navigate({ search: (prev) => ({ ...prev, queue: undefined }), replace: true })}
    />
  );

  if (!cellSide) {
    return (
      <Stack gap="md" maw={720}>
        <PageHeader title={t('warnings.mineTitle')} subtitle={t('warnings.mineSubtitle')} />
        {queueFilter}
        {member ? (
          <WarningList filters={{ mine: true, queue }} mine />
        ) : (
          <EmptyState title={t('warnings.notMember')} />
        )}
      </Stack>
    );
  }

  const cellList = (
    <CellWarnings
      status={search.status}
      queue={queue}
      onStatus={(status) => void navigate({ search: (prev) => ({ ...prev, status }), replace: true })}
    />
  );
  return (
    <>
      <PageHeader
        title={t('warnings.title')}
        subtitle={t('warnings.subtitle')}
        actions={
          canRunCellLife(me) && (
            <Button leftSection={<IconAlertTriangle size={20} />} size="md" onClick={() => setIssuing(true)}>
              {t('warnings.issue')}
            </Button>
          )
        }
      />
      {queueFilter}
      {member ? (
        <Tabs
          value={tab}
          onChange={(v) =>
            v && void navigate({ search: (prev) => ({ ...prev, tab: v as typeof tab, queue: undefined }), replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List grow>
            <Tabs.Tab value="cell" leftSection={<IconUsersGroup size={18} />} fz="md" py="md">
              {t('warnings.tabCell')}
            </Tabs.Tab>
            <Tabs.Tab value="mine" leftSection={<IconUser size={18} />} fz="md" py="md">
              {t('warnings.tabMine')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="cell" pt="md">
            {cellList}
          </Tabs.Panel>
          <Tabs.Panel value="mine" pt="md">
            <WarningList filters={{ mine: true, queue }} mine />
          </Tabs.Panel>
        </Tabs>
      ) : (
        cellList
      )}
      {issuing && <WarningFormModal onClose={() => setIssuing(false)} />}
    </>
  );
}

function CellWarnings({
  status,
  queue,
  onStatus,
}: {
  status: WarningStatus | undefined;
  queue: WarningQueue | undefined;
  onStatus: (status: WarningStatus | undefined) => void;
}) {
  const { t } = useTranslation('cellLife');
  return (
    <Stack gap="md">
      <Group>
        <Select
          label={t('warnings.status')}
          allowDeselect={false}
          data={[
            { value: ALL, label: t('warnings.statusAll') },
            ...warningStatuses.map((s) => ({ value: s, label: t(`warningStatus.${s}`) })),
          ]}
          value={status ?? ALL}
          onChange={(v) => onStatus(!v || v === ALL ? undefined : (v as WarningStatus))}
          size="md"
          w={280}
          maw="100%"
        />
      </Group>
      <WarningList filters={{ status, queue }} />
    </Stack>
  );
}

function WarningList({ filters, mine = false }: { filters: WarningFilters; mine?: boolean }) {
  const { t } = useTranslation('cellLife');
  const query = useWarnings(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={
          mine ? t('warnings.emptyMine') : filters.status ? t('warnings.emptyStatus') : t('warnings.empty')
        }
      >
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="sm"
          aria-label={mine ? t('warnings.tabMine') : t('warnings.title')}
        >
          {items.map((w) => (
            <WarningCard key={w.id} w={w} mine={mine} />
          ))}
        </SimpleGrid>
      </InfiniteListState>
    </Stack>
  );
}
