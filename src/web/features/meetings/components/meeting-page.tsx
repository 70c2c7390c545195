import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBan, IconChecklist, IconEdit, IconNotes } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canMeeting } from '../../../../shared/rules/meeting';
import { paths } from '../../../app/paths';
import { canRunMeetings } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useMeeting } from '../api/get-meeting';
import { canHold, checkInWindow } from '../lib/meeting-time';
import { unsavedTicks, type TickDrafts } from '../lib/tick-draft';
import { useNow } from '../lib/use-now';
import { AmendmentsCard } from './amendments-card';
import { AttachmentsCard } from './attachments-card';
import { AttendanceSection } from './attendance-section';
import { CancelMeetingModal } from './cancel-meeting-modal';
import { CheckInQrCard } from './check-in-qr-card';
import { ContributionsCard } from './contributions-card';
import { HoldCard } from './hold-card';
import { MeetingKindBadge, MeetingStatusBadge } from './meeting-badges';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingInfoCard } from './meeting-info-card';
import { MinutesCard, MinutesView } from './minutes-card';
import { MyInvitationCard } from './my-invitation-card';
import { RegisterButton } from './register-button';
import { RegisterView } from './register-view';

/**
 * One meeting. The secretary (canManage) runs it from here on a phone: QR for self check-in, the tick
 * list, "record as held", minutes; an invited member answers and sees their own attendance.
 */
export function MeetingPage() {
  const { t } = useTranslation('meetings');
  const { meetingId } = useParams({ from: '/authed/meetings/$meetingId' });
  const search = useSearch({ from: '/authed/meetings/$meetingId' });
  const navigate = useNavigate({ from: paths.meeting });
  const me = useCurrentUser();
  const query = useMeeting(meetingId);
  const now = useNow(15_000);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [ticks, setTicks] = useState<TickDrafts>({});

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;
  const tab = search.tab ?? 'attendance';
  const qrUrl = m.checkInUrl;
  const showQr = !!qrUrl && m.status !== 'cancelled' && now <= checkInWindow(m).closes;
  // Once it has started, recording it as held is the secretary's next step: at the top, not below every member.
  const holdOnTop = m.canManage && canHold(m, now);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.meetings}>
          {canRunMeetings(me) ? t('list.title') : t('mine.title')}
        </Anchor>
        <Text truncate maw={220}>
          {m.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">{m.title}</Title>
          <Group gap="xs">
            <MeetingStatusBadge value={m.status} size="lg" />
            <MeetingKindBadge value={m.kind} />
          </Group>
        </Stack>
        {m.canManage && (
          <Group gap="xs">
            {canMeeting('edit', m.status) && (
              <Button variant="default" leftSection={<IconEdit size={18} />} onClick={() => setEditing(true)}>
                {t('detail.edit')}
              </Button>
            )}
            {canMeeting('cancel', m.status) && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconBan size={18} />}
                onClick={() => setCancelling(true)}
              >
                {t('detail.cancel')}
              </Button>
            )}
            {m.status !== 'cancelled' && <RegisterButton m={m} />}
          </Group>
        )}
      </Group>

      {m.status === 'cancelled' && (
        <Alert color="gray" title={t('detail.cancelledTitle')}>
          {m.cancelReason}
        </Alert>
      )}

      {holdOnTop && <HoldCard m={m} now={now} unsaved={unsavedTicks(m, ticks).length} />}
      <MeetingInfoCard m={m} />
      {m.mine && <MyInvitationCard m={m} mine={m.mine} now={now} />}

      {m.canManage && m.status !== 'cancelled' ? (
        <Tabs
          value={tab}
          onChange={(v) => v && void navigate({ search: { tab: v as typeof tab }, replace: true })}
          keepMounted={false}
        >
          <Tabs.List grow>
            <Tabs.Tab value="attendance" leftSection={<IconChecklist size={18} />} fz="md" py="md">
              {t('detail.tabAttendance')}
            </Tabs.Tab>
            <Tabs.Tab value="minutes" leftSection={<IconNotes size={18} />} fz="md" py="md">
              {t('detail.tabMinutes')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="attendance" pt="md">
            <Stack gap="md">
              {showQr && <CheckInQrCard m={{ ...m, checkInUrl: qrUrl }} />}
              <AttendanceSection m={m} now={now} draft={ticks} setDraft={setTicks} withHold={!holdOnTop} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="minutes" pt="md">
            {m.status === 'held' ? (
              <Stack gap="md">
                <MinutesCard m={m} />
                <ContributionsCard m={m} editable />
                <AttachmentsCard m={m} />
                <AmendmentsCard m={m} />
              </Stack>
            ) : (
              <EmptyState title={t('minutes.afterHold')} />
            )}
          </Tabs.Panel>
        </Tabs>
      ) : (
        <>
          {!m.canManage && m.attendance.length > (m.mine ? 1 : 0) && <RegisterView m={m} />}
          {m.status === 'held' && (
            <>
              <MinutesView m={m} />
              <ContributionsCard m={m} editable={false} />
              <AttachmentsCard m={m} />
              <AmendmentsCard m={m} />
            </>
          )}
        </>
      )}

      {editing && <MeetingFormModal meeting={m} onClose={() => setEditing(false)} />}
      {cancelling && <CancelMeetingModal m={m} onClose={() => setCancelling(false)} />}
    </Stack>
  );
}
