import { Button, Group, SimpleGrid, Stack, Tabs } from '@mantine/core';
import {
  IconCalendarPlus,
  IconChartBar,
  IconHistory,
  IconUser,
  IconCalendarEvent,
} from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/contracts/auth';
import { paths } from '../../../app/paths';
import { InfiniteListState } from '../../../components/ui/infinite-list-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ActiveFilter } from '../../../components/ui/active-filter';
import { EmptyState } from '../../../components/ui/query-state';
import { canRunMeetings, isWorkingMember } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useMeetings, type MeetingFilters } from '../api/list-meetings';
import { CalendarFeedCard } from './calendar-feed-card';
import { CellScope, cellNameOf, resolveCell, seesManyCells } from './cell-scope';
import { MeetingCard } from './meeting-card';
import { MeetingFormModal } from './meeting-form-modal';
import { MemberRecordCard } from './member-record-card';
import { MyMeetings } from './my-meetings';

/**
 * Residential cell life (Art. 4.3): the secretary schedules and runs the cell's meetings;
 * a working member answers invitations and sees their own attendance. Someone who is both gets both.
 */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/meetings' });
  const navigate = useNavigate({ from: paths.meetings });
  const manages = canRunMeetings(me);
  const member = isWorkingMember(me);
  const cellId = resolveCell(me, search.cellId);
  const [scheduling, setScheduling] = useState(false);
  const tab = search.tab ?? (manages ? 'upcoming' : 'mine');
  // a count on the home page opens the list narrowed to its meetings
  const queue = search.queue;

  if (!manages) {
    return (
      <Stack gap="md" maw={720}>
        <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle')} />
        {member ? <MemberSide me={me} /> : <EmptyState title={t('mine.notMember')} />}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={cellNameOf(me, cellId) ?? (seesManyCells(me) && !cellId ? t('scope.allCells') : undefined)}
        actions={
          <Group gap="xs">
            <Button
              component={Link}
              to={paths.meetingsCompliance}
              variant="default"
              leftSection={<IconChartBar size={18} />}
              size="md"
            >
              {t('list.compliance')}
            </Button>
            <Button
              leftSection={<IconCalendarPlus size={20} />}
              size="md"
              onClick={() => setScheduling(true)}
            >
              {t('list.schedule')}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <CellScope
          me={me}
          value={cellId}
          onChange={(id) => void navigate({ search: (prev) => ({ ...prev, cellId: id ?? undefined }) })}
        />
        {queue && (
          <ActiveFilter
            label={t(`home:filter.meetings.${queue}`)}
            onClear={() =>
              void navigate({ search: (prev) => ({ ...prev, queue: undefined }), replace: true })
            }
          />
        )}
        <Tabs
          value={tab}
          onChange={(v) =>
            v &&
            void navigate({
              search: (prev) => ({ ...prev, tab: v as typeof tab, queue: undefined }),
              replace: true,
            })
          }
          keepMounted={false}
        >
          <Tabs.List grow>
            <Tabs.Tab value="upcoming" leftSection={<IconCalendarEvent size={18} />} fz="md" py="md">
              {t('list.upcoming')}
            </Tabs.Tab>
            <Tabs.Tab value="past" leftSection={<IconHistory size={18} />} fz="md" py="md">
              {t('list.past')}
            </Tabs.Tab>
            {member && (
              <Tabs.Tab value="mine" leftSection={<IconUser size={18} />} fz="md" py="md">
                {t('list.mine')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="upcoming" pt="md">
            <CellMeetingList
              cellId={cellId}
              when={queue === 'week' ? 'week' : 'upcoming'}
              showCell={!cellId}
            />
          </Tabs.Panel>
          <Tabs.Panel value="past" pt="md">
            <CellMeetingList
              cellId={cellId}
              when={queue === 'toRecord' ? 'toRecord' : 'past'}
              showCell={!cellId}
            />
          </Tabs.Panel>
          {member && (
            <Tabs.Panel value="mine" pt="md">
              <MemberSide me={me} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
      {scheduling && (
        <MeetingFormModal
          cellId={cellId}
          cellName={cellNameOf(me, cellId)}
          onClose={() => setScheduling(false)}
        />
      )}
    </>
  );
}

function CellMeetingList({
  cellId,
  when,
  showCell,
}: {
  cellId: string | null;
  when: MeetingFilters['when'];
  showCell: boolean;
}) {
  const { t } = useTranslation('meetings');
  const query = useMeetings({ cellId: cellId ?? undefined, when });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={when === 'upcoming' || when === 'past' ? t(`list.empty.${when}`) : t('home:filter.empty')}
      >
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="sm"
          aria-label={
            when === 'upcoming' || when === 'past' ? t(`list.${when}`) : t(`home:filter.meetings.${when}`)
          }
        >
          {items.map((m) => (
            <MeetingCard key={m.id} m={m} showCell={showCell} />
          ))}
        </SimpleGrid>
      </InfiniteListState>
    </Stack>
  );
}

function MemberSide({ me }: { me: Me }) {
  const { t } = useTranslation('meetings');
  return (
    <Stack gap="lg" maw={720}>
      <MyMeetings />
      {me.user.memberId && <MemberRecordCard memberId={me.user.memberId} title={t('record.mine')} />}
      <CalendarFeedCard />
    </Stack>
  );
}
