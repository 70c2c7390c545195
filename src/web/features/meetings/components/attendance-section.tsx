import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSearch } from '@tabler/icons-react';
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contracts/meetings';
import { attendanceStatuses, type AttendanceStatus } from '../../../../shared/rules/residence-rules';
import { formatDateTime } from '../../../lib/dates';
import { fieldErrors } from '../../../lib/form-errors';
import { useFocusFirstError } from '../../../lib/use-form-check';
import { isOfflineError } from '../../../lib/api-client';
import { isOnline } from '../../../lib/offline/network';
import { useRecordAttendance } from '../api/record-attendance';
import { useOfflineTicks } from '../lib/use-offline-ticks';
import { canTick, checkInWindow } from '../lib/meeting-time';
import { unsavedTicks, type TickDrafts, type TickStatus } from '../lib/tick-draft';
import { AttendanceRowCard } from './attendance-row-card';
import { attendanceColors } from './meeting-badges';
import { HoldCard } from './hold-card';
import { TickSyncStatus } from './tick-sync-status';

interface AttendanceSectionProps {
  m: MeetingDetail;
  now: Date;
  /** the ticks not saved yet, kept by the page */
  draft: TickDrafts;
  setDraft: Dispatch<SetStateAction<TickDrafts>>;
  /** "record as held" below the list (before the start; once started the page shows it at the top) */
  withHold: boolean;
}

/**
 * The secretary's tick list (one row per expected member), saved together; then "record as held".
 * Changes stay on this phone until saved, so a self check-in arriving meanwhile does not undo a tick.
 */
export function AttendanceSection({ m, now, draft, setDraft, withHold }: AttendanceSectionProps) {
  const { t } = useTranslation('meetings');
  const [filter, setFilter] = useState<'all' | 'todo'>('all');
  const [q, setQ] = useState('');
  const [amendment, setAmendment] = useState('');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [amendMissing, setAmendMissing] = useState(false);
  const { ref: sectionRef, request: revealFirstError } = useFocusFirstError<HTMLDivElement>();
  const record = useRecordAttendance();
  const errors = fieldErrors(record.error);
  const open = canTick(m, now);

  const byId = new Map(m.attendance.map((r) => [r.memberId, r]));
  const changes = unsavedTicks(m, draft);
  const changedIds = new Set(changes.map(([id]) => id));
  // ticks saved on the phone without signal show over what the server said until they are sent (decision 0010)
  const offline = useOfflineTicks(m);
  const effective = (id: string): AttendanceStatus =>
    draft[id]?.status ?? offline.pending.get(id)?.status ?? byId.get(id)?.status ?? 'unrecorded';

  const onStatus = useCallback(
    (memberId: string, status: TickStatus) =>
      setDraft((d) => {
        const row = m.attendance.find((r) => r.memberId === memberId);
        const reason =
          d[memberId]?.reason ?? row?.reason ?? (status === 'absent_excused' ? (row?.rsvpReason ?? '') : '');
        return { ...d, [memberId]: { status, reason: status === 'absent_excused' ? reason : '' } };
      }),
    [m.attendance, setDraft],
  );
  const onReason = useCallback(
    (memberId: string, reason: string) =>
      setDraft((d) => ({ ...d, [memberId]: { status: d[memberId]?.status ?? 'absent_excused', reason } })),
    [setDraft],
  );

  const save = () => {
    const noReason = changes
      .filter(([, d]) => d.status === 'absent_excused' && !d.reason.trim())
      .map(([id]) => id);
    setMissing(new Set(noReason));
    setAmendMissing(m.minutesLocked && !amendment.trim());
    if (noReason.length > 0 || (m.minutesLocked && !amendment.trim())) return revealFirstError();
    const rows = changes.map(([memberId, d]) => ({
      memberId,
      status: d.status,
      reason: d.reason.trim() || null,
    }));
    const amendmentReason = m.minutesLocked ? amendment.trim() : null;
    const done = (message: string, color: string) => {
      notifications.show({ color, message });
      setDraft({});
      setAmendment('');
    };
    const keepOnPhone = () =>
      void offline
        .queue(rows, amendmentReason)
        .then(() => done(t('offline.ticksSavedOffline', { count: rows.length }), 'blue'));
    if (!isOnline()) return keepOnPhone();
    record.mutate(
      { id: m.id, rows, amendmentReason },
      {
        onSuccess: () => done(t('tick.saved', { count: changes.length }), 'green'),
        onError: (error) => isOfflineError(error) && keepOnPhone(),
      },
    );
  };

  const counts = new Map<AttendanceStatus, number>();
  for (const r of m.attendance)
    counts.set(effective(r.memberId), (counts.get(effective(r.memberId)) ?? 0) + 1);
  const needle = q.trim().toLocaleLowerCase('vi');
  const rows = m.attendance.filter(
    (r) =>
      (filter === 'all' || r.status === 'unrecorded' || draft[r.memberId]) &&
      (!needle || r.fullName.toLocaleLowerCase('vi').includes(needle)),
  );

  if (m.status === 'cancelled') return null;

  return (
    <Stack gap="sm" component="section" aria-label={t('tick.title')} ref={sectionRef}>
      {!open && (
        <Alert color="blue" variant="light">
          {t('tick.notYet', { at: formatDateTime(checkInWindow(m).opens.toISOString()) })}
        </Alert>
      )}
      <TickSyncStatus meetingId={m.id} waiting={offline.pending.size} />
      <Group gap={6} aria-label={t('tick.summary')}>
        {attendanceStatuses
          .filter((s) => counts.get(s))
          .map((s) => (
            <Badge key={s} variant="light" size="lg" color={attendanceColors[s]}>
              {t(`attendance.${s}`)}: {counts.get(s)}
            </Badge>
          ))}
      </Group>
      {m.attendance.length === 0 ? (
        <Text c="dimmed">{t('tick.nobody')}</Text>
      ) : (
        <>
          <Stack gap="xs">
            <SegmentedControl
              fullWidth
              value={filter}
              onChange={(v) => setFilter(v as 'all' | 'todo')}
              data={[
                { value: 'all', label: t('tick.filterAll', { count: m.attendance.length }) },
                { value: 'todo', label: t('tick.filterTodo', { count: counts.get('unrecorded') ?? 0 }) },
              ]}
              size="md"
            />
            {m.attendance.length > 8 && (
              <TextInput
                aria-label={t('tick.search')}
                placeholder={t('tick.search')}
                leftSection={<IconSearch size={16} />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                size="md"
              />
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
            {rows.map((r) => (
              <AttendanceRowCard
                key={r.memberId}
                row={r}
                status={effective(r.memberId)}
                reason={
                  draft[r.memberId]?.reason ?? offline.pending.get(r.memberId)?.reason ?? r.reason ?? ''
                }
                changed={changedIds.has(r.memberId)}
                pending={offline.pending.has(r.memberId) && !changedIds.has(r.memberId)}
                disabled={!open || record.isPending}
                reasonError={missing.has(r.memberId) ? t('tick.reasonRequired') : undefined}
                onStatus={onStatus}
                onReason={onReason}
              />
            ))}
          </SimpleGrid>
          {rows.length === 0 && <Text c="dimmed">{t('tick.allDone')}</Text>}
        </>
      )}
      {changes.length > 0 && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          pos="sticky"
          bottom={0}
          style={{ zIndex: 5 }}
          aria-label={t('tick.saveBar')}
        >
          <Stack gap="xs">
            {record.error && !errors.amendmentReason && !isOfflineError(record.error) && (
              <Alert color="red" role="alert">
                {record.error.message}
              </Alert>
            )}
            {m.minutesLocked && (
              <Textarea
                label={t('amend.reason')}
                description={t('amend.reasonHint')}
                required
                autosize
                minRows={2}
                value={amendment}
                onChange={(e) => setAmendment(e.currentTarget.value)}
                error={amendMissing && !amendment.trim() ? t('amend.reasonRequired') : errors.amendmentReason}
              />
            )}
            <Button
              size="lg"
              fullWidth
              leftSection={<IconDeviceFloppy />}
              onClick={save}
              loading={record.isPending}
            >
              {t('tick.save', { count: changes.length })}
            </Button>
          </Stack>
        </Paper>
      )}
      {withHold && m.status === 'scheduled' && <HoldCard m={m} now={now} unsaved={changes.length} />}
    </Stack>
  );
}
