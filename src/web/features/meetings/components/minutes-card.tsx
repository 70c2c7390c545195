import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesBodySchema, type MeetingDetail } from '../../../../shared/contracts/meetings';
import { useExplained } from '../../../components/ui/explained';
import { formatDateTime } from '../../../lib/dates';
import { useFormCheck } from '../../../lib/use-form-check';
import { useSaveMinutes } from '../api/save-minutes';

/**
 * Minutes: what was discussed and what was decided. Free to edit for the rule set's days after the
 * meeting; after that every change is an amendment with a reason, kept in the history below.
 */
export function MinutesCard({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const [summary, setSummary] = useState(m.minutesSummary ?? '');
  const [decisions, setDecisions] = useState(m.minutesDecisions ?? '');
  const [reason, setReason] = useState('');
  const save = useSaveMinutes();
  const dirty =
    summary.trim() !== (m.minutesSummary ?? '') || decisions.trim() !== (m.minutesDecisions ?? '');
  const body = {
    minutesSummary: summary,
    minutesDecisions: decisions,
    amendmentReason: m.minutesLocked ? reason : null,
  };
  const {
    errors,
    check,
    ref: formRef,
  } = useFormCheck<HTMLDivElement>(minutesBodySchema, body, save.error, {
    amendmentReason: m.minutesLocked && !reason.trim() ? t('amend.reasonRequired') : null,
  });
  const explained = useExplained(dirty ? null : t('minutes.nothingToSave'));

  const submit = () => {
    if (!check()) return;
    save.mutate(
      { id: m.id, ...body },
      {
        onSuccess: (saved) => {
          setSummary(saved.minutesSummary ?? '');
          setDecisions(saved.minutesDecisions ?? '');
          setReason('');
          notifications.show({
            color: 'green',
            message: m.minutesLocked ? t('minutes.amended') : t('minutes.saved'),
          });
        },
      },
    );
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="minutes-title">
      <Stack gap="sm" ref={formRef}>
        <Title order={3} fz="lg" id="minutes-title">
          {t('minutes.title')}
        </Title>
        {m.minutesLocked ? (
          <Alert color="yellow" icon={<IconLock />} variant="light">
            {t('minutes.locked', { at: formatDateTime(m.minutesLockAt) })}
          </Alert>
        ) : (
          m.minutesLockAt && (
            <Text size="sm" c="dimmed">
              {t('minutes.lockAt', { at: formatDateTime(m.minutesLockAt) })}
            </Text>
          )
        )}
        {save.error && !errors.amendmentReason && !errors.minutesSummary && !errors.minutesDecisions && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Textarea
          label={t('minutes.summary')}
          description={t('minutes.summaryHint')}
          autosize
          minRows={4}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.minutesSummary}
        />
        <Textarea
          label={t('minutes.decisions')}
          autosize
          minRows={3}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
          error={errors.minutesDecisions}
        />
        {m.minutesLocked && (
          <Textarea
            label={t('amend.reason')}
            description={t('amend.reasonHint')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.amendmentReason}
          />
        )}
        <Button
          size="md"
          leftSection={<IconDeviceFloppy size={18} />}
          onClick={submit}
          loading={save.isPending}
          style={{ alignSelf: 'flex-start' }}
          {...explained.props}
        >
          {m.minutesLocked ? t('minutes.amend') : t('minutes.save')}
        </Button>
        {explained.note}
      </Stack>
    </Card>
  );
}

/** The minutes as members and readers see them. */
export function MinutesView({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="minutes-view-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="minutes-view-title">
          {t('minutes.title')}
        </Title>
        {!m.minutesSummary && !m.minutesDecisions ? (
          <Text c="dimmed" size="sm">
            {t('minutes.none')}
          </Text>
        ) : (
          <>
            {m.minutesSummary && (
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {t('minutes.summary')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.minutesSummary}
                </Text>
              </Stack>
            )}
            {m.minutesDecisions && (
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {t('minutes.decisions')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.minutesDecisions}
                </Text>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
