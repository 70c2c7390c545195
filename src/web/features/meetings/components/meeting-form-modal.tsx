import {
  Alert,
  Button,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createMeetingBodySchema,
  updateMeetingBodySchema,
  type MeetingDetail,
} from '../../../../shared/contracts/meetings';
import { meetingEntryProblem, type MeetingEntry } from '../../../../shared/rules/meeting-schedule';
import { hrefs } from '../../../app/paths';
import { DateField } from '../../../components/ui/date-field';
import { FormModal } from '../../../components/ui/form-modal';
import { ModalActions } from '../../../components/ui/modal-actions';
import { isIsoDate, todayIso } from '../../../lib/dates';
import { useFormCheck } from '../../../lib/use-form-check';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useOrgUnit } from '../../org-units/api/get-org-unit';
import { useCreateMeeting } from '../api/create-meeting';
import { useUpdateMeeting } from '../api/update-meeting';
import { fromMeetingTimes, halfOf, toMeetingTimes } from '../lib/meeting-time';
import { MeetingTopicsField, type TopicDraft } from './meeting-topics-field';

type Kind = 'regular' | 'extraordinary';

interface MeetingFormModalProps {
  onClose: () => void;
  /** the cell to schedule for; without it the form asks (admins, commune officers) */
  cellId?: string | null;
  cellName?: string | null;
  /** edit this meeting instead of scheduling a new one */
  meeting?: MeetingDetail;
}

/**
 * Art. 4.3: schedule a meeting of the cell with its working members (or change one ahead), or record one
 * already held (no invitations). One day and two times, typed or picked: the same fields on a phone and a
 * PC, checked by the shared contract and the same timing rule as the server before anything is sent.
 */
export function MeetingFormModal({ onClose, meeting, ...props }: MeetingFormModalProps) {
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const initial = meeting ? fromMeetingTimes(meeting.startsAt, meeting.endsAt) : null;
  const [entry, setEntry] = useState<MeetingEntry>('schedule');
  const [cellId, setCellId] = useState<string | null>(meeting?.cellId ?? props.cellId ?? null);
  const [kind, setKind] = useState<Kind>(meeting?.kind ?? 'regular');
  const [day, setDay] = useState<string | null>(initial?.day ?? todayIso());
  const [start, setStart] = useState(initial?.start ?? '19:30');
  const [end, setEnd] = useState(initial?.end ?? '21:00');
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [titleTouched, setTitleTouched] = useState(!!meeting);
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [placeTouched, setPlaceTouched] = useState(!!meeting);
  const [agenda, setAgenda] = useState(meeting?.agenda ?? '');
  const [topics, setTopics] = useState<TopicDraft[]>(
    meeting?.topics ?? [{ title: '', directedTopicId: null }],
  );
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const mutation = meeting ? update : create;
  const cell = useOrgUnit(cellId, !meeting);

  // A regular meeting is named after its half-year; the cell's usual place is the default place.
  const validDay = isIsoDate(day) ? day : null;
  const half = halfOf(validDay ?? todayIso());
  const defaultTitle =
    kind === 'regular'
      ? t(`form.defaultTitle${half.half}`, { year: half.year })
      : t('form.defaultTitleExtra');
  const shownTitle = titleTouched ? title : defaultTitle;
  const shownPlace = placeTouched ? place : (cell.data?.meetingPlace ?? '');

  // The times are checked on their own even while the day is wrong (an end before the start is so on any day).
  const times = toMeetingTimes(validDay ?? todayIso(), start, end);
  const body = {
    kind,
    title: shownTitle.trim(),
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    place: shownPlace.trim(),
    agenda: agenda.trim() || null,
    topics: topics
      .map((x) => ({ title: x.title.trim(), directedTopicId: x.directedTopicId }))
      .filter((x) => x.title),
  };
  const timing = validDay
    ? meetingEntryProblem(meeting ? 'edit' : entry, times.startsAt, times.endsAt, new Date())
    : null;
  const edited =
    !meeting ||
    times.startsAt !== new Date(meeting.startsAt).toISOString() ||
    times.endsAt !== new Date(meeting.endsAt).toISOString();
  const {
    errors,
    check,
    ref: formRef,
  } = useFormCheck(
    meeting ? updateMeetingBodySchema : createMeetingBodySchema,
    meeting ? body : { ...body, cellId, entry },
    mutation.error,
    {
      day: day
        ? validDay
          ? null
          : t('common:validation.field.invalidDate')
        : t('common:validation.field.required'),
      // the day has moved to a time already over (an unchanged past meeting can still be corrected)
      startsAt:
        timing && edited ? t(`form.timing.${timing.key === 'meetings.notYetHeld' ? 'ahead' : 'over'}`) : null,
    },
  );
  // said in full below the times (the field itself says it short), with the way out when there is one
  const timingNote = timing && edited && errors.startsAt ? timing : null;

  const submit = () => {
    if (!check() || !cellId) return;
    if (meeting) {
      update.mutate(
        { id: meeting.id, ...body, expectedUpdatedAt: meeting.updatedAt },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('form.saved') });
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { cellId, entry, ...body },
        {
          onSuccess: (m) => {
            notifications.show({
              color: 'green',
              message: entry === 'record' ? t('form.recorded') : t('form.scheduled', { count: m.invited }),
            });
            onClose();
            void navigate({ to: hrefs.meeting(m.id) });
          },
        },
      );
    }
  };

  return (
    <FormModal
      title={meeting ? t('form.editTitle') : t('form.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={mutation.error}
      formRef={formRef}
    >
      {!meeting && (
        <Radio.Group label={t('form.entry')} value={entry} onChange={(v) => setEntry(v as MeetingEntry)}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="schedule"
              label={t('form.entrySchedule')}
              description={t('form.entryScheduleHint')}
              size="md"
            />
            <Radio
              value="record"
              label={t('form.entryRecord')}
              description={t('form.entryRecordHint')}
              size="md"
            />
          </Stack>
        </Radio.Group>
      )}
      {meeting || props.cellId ? (
        <Text size="sm">
          {t('form.cell')}: <b>{meeting?.cellName ?? props.cellName ?? cell.data?.name ?? '…'}</b>
        </Text>
      ) : (
        <UnitPicker
          label={t('form.cell')}
          type="residential_cell"
          within="reach"
          value={cellId}
          onChange={(id) => setCellId(id)}
          required
          error={errors.cellId}
        />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="meeting-kind-label">
          {t('form.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="meeting-kind-label"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'regular', label: t('kind.regular') },
            { value: 'extraordinary', label: t('kind.extraordinary') },
          ]}
          fullWidth
          size="md"
        />
        {kind === 'extraordinary' && (
          <Text size="xs" c="dimmed">
            {t('form.extraordinaryHint')}
          </Text>
        )}
      </Stack>
      <TextInput
        label={t('form.title')}
        required
        value={shownTitle}
        onChange={(e) => {
          setTitleTouched(true);
          setTitle(e.currentTarget.value);
        }}
        error={errors.title}
        size="md"
      />
      <DateField
        label={t('form.day')}
        required
        value={day}
        onChange={setDay}
        size="md"
        clearable={false}
        error={errors.day}
      />
      <SimpleGrid cols={2}>
        <TimeInput
          label={t('form.start')}
          required
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={errors.startsAt}
          size="md"
        />
        <TimeInput
          label={t('form.end')}
          required
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          error={errors.endsAt}
          size="md"
        />
      </SimpleGrid>
      {timingNote && (
        <Alert color="orange" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t(`common:validation.${timingNote.key}`)}</Text>
            {timingNote.key === 'meetings.inPast' && (
              <Button
                variant="white"
                color="orange"
                size="md"
                h="auto"
                py={8}
                onClick={() => setEntry('record')}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              >
                {t('form.switchToRecord')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <TextInput
        label={t('form.place')}
        required
        value={shownPlace}
        onChange={(e) => {
          setPlaceTouched(true);
          setPlace(e.currentTarget.value);
        }}
        error={errors.place}
        size="md"
      />
      <Textarea
        label={t('form.agenda')}
        description={t('form.agendaHint')}
        value={agenda}
        onChange={(e) => setAgenda(e.currentTarget.value)}
        autosize
        minRows={3}
        error={errors.agenda}
      />
      <MeetingTopicsField cellId={cellId} topics={topics} onChange={setTopics} errors={errors} />
      <ModalActions
        submitLabel={
          meeting ? t('form.save') : entry === 'record' ? t('form.submitRecord') : t('form.submit')
        }
        onCancel={onClose}
        loading={mutation.isPending}
        size="md"
      />
    </FormModal>
  );
}
