import {
  Alert,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSignature, IconUsersGroup } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { raisedFlags, type RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { DateField } from '../../../../components/ui/date-field';
import { isApiError } from '../../../../lib/api-client';
import { formatDateTime, todayIso } from '../../../../lib/dates';
import { useFocusFirstError } from '../../../../lib/use-form-check';
import { useSaveForm } from '../../api/save-form';
import { useSignForm } from '../../api/sign-form';
import { draftBody, draftFrom, isDirty, type Draft } from '../../lib/draft';
import { criteriaOf } from '../../lib/rule-text';
import { CriterionEditor } from './criterion-editor';

/**
 * Art. 4.4: the cell committee fills the form with the Front working committee: a level per criterion
 * next to the record, a justification where the rating contradicts it, the joint meeting, then the
 * secretary signs (after the Front head's co-signature).
 */
export function FormEditor({ d, def }: { d: EvaluationDetail; def: RuleSetDefinition }) {
  const { t } = useTranslation('evaluations');
  const [draft, setDraft] = useState<Draft>(() => draftFrom(d.form));
  const [error, setError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const save = useSaveForm();
  const sign = useSignForm();
  const dirty = isDirty(draft, d.form);
  const criteria = criteriaOf(def, d.formKind);
  const evidence = d.evidence ?? d.form?.evidence ?? null;
  // the same rule the server applies on save: the flag shows as soon as the level is picked
  const flags = evidence ? raisedFlags(def, d.formKind, draft.ratings, evidence) : (d.form?.flags ?? []);
  const fields = isApiError(error, 422) ? error.fields : {};
  const needsFront = isApiError(error, 409) && error.code === 'evaluation_needs_front_sign';
  const busy = save.isPending || sign.isPending;
  // a long form on a phone: the first field the server refused is brought into view and focused
  const { ref: editorRef, request: revealFirstError } = useFocusFirstError<HTMLDivElement>();

  const onRate = useCallback(
    (key: string, level: string) => setDraft((p) => ({ ...p, ratings: { ...p.ratings, [key]: level } })),
    [],
  );
  const onJustify = useCallback(
    (key: string, text: string) =>
      setDraft((p) => ({ ...p, justifications: { ...p.justifications, [key]: text } })),
    [],
  );

  const fail = (e: unknown) => {
    setError(e);
    if (isApiError(e, 422)) revealFirstError();
  };

  const saveDraft = () =>
    save.mutate(
      { id: d.id, body: draftBody(draft) },
      {
        onSuccess: (saved) => {
          setError(null);
          const raised = saved.form?.flags.length ?? 0;
          notifications.show({
            color: raised ? 'orange' : 'green',
            message: raised ? t('form.savedWithFlags', { count: raised }) : t('form.saved'),
          });
        },
        onError: fail,
      },
    );

  const signNow = async () => {
    try {
      if (dirty) await save.mutateAsync({ id: d.id, body: draftBody(draft) });
      await sign.mutateAsync(d.id);
      setError(null);
      notifications.show({ color: 'green', message: t('form.signed') });
    } catch (e) {
      fail(e);
    } finally {
      setSigning(false);
    }
  };

  const selfReportFor = (duties: number[]) =>
    duties.flatMap((n) => {
      const text = d.selfReport?.duties[String(n)];
      return text ? [{ number: n, text }] : [];
    });

  return (
    <Stack gap="md" component="section" aria-label={t('form.title')} ref={editorRef}>
      <Title order={3} fz="xl">
        {t('form.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('form.intro')}
      </Text>
      {criteria.map((c, i) => (
        <CriterionEditor
          key={c.key}
          index={i}
          criterion={c}
          def={def}
          value={draft.ratings[c.key]}
          justification={draft.justifications[c.key] ?? ''}
          flags={flags.filter((f) => f.criterion === c.key)}
          evidence={evidence}
          selfReport={selfReportFor(c.duties)}
          ratingError={fields[`ratings.${c.key}`]}
          justificationError={fields[`justifications.${c.key}`]}
          disabled={busy}
          onRate={onRate}
          onJustify={onJustify}
        />
      ))}

      <Card withBorder padding="md" component="section" aria-label={t('form.otherComments')}>
        <Textarea
          id="field-otherComments"
          label={`${criteria.length + 1}. ${t('form.otherComments')}`}
          labelProps={{ fz: 'lg', fw: 700, mb: 6 }}
          autosize
          minRows={3}
          size="md"
          value={draft.otherComments}
          onChange={(e) => setDraft({ ...draft, otherComments: e.currentTarget.value })}
          error={fields.otherComments}
          disabled={busy}
        />
      </Card>

      <Card withBorder padding="md" component="section" aria-label={t('form.jointMeeting')}>
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <IconUsersGroup size={22} style={{ flexShrink: 0 }} />
            <Text fw={700} fz="lg">
              {t('form.jointMeeting')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('form.jointMeetingHint')}
          </Text>
          <DateField
            id="field-jointMeetingOn"
            label={t('form.jointMeetingOn')}
            required
            size="md"
            maxDate={todayIso()}
            value={draft.jointMeetingOn}
            onChange={(v) => setDraft({ ...draft, jointMeetingOn: v })}
            error={fields.jointMeetingOn}
            disabled={busy}
          />
          <TextInput
            label={t('form.participants')}
            placeholder={t('form.participantsPlaceholder')}
            size="md"
            value={draft.jointMeetingParticipants}
            onChange={(e) => setDraft({ ...draft, jointMeetingParticipants: e.currentTarget.value })}
            error={fields.jointMeetingParticipants}
            disabled={busy}
          />
          <Text size="sm">
            {d.form?.frontSignedAt
              ? t('form.frontSignedBy', {
                  name: d.form.frontSignerName ?? '',
                  at: formatDateTime(d.form.frontSignedAt),
                })
              : t('form.frontNotSigned')}
          </Text>
        </Stack>
      </Card>

      {needsFront && (
        <Alert color="yellow" title={t('form.needsFrontTitle')} role="alert">
          {t('form.needsFront')}
        </Alert>
      )}
      {!!error && !needsFront && (
        <Alert color="red" title={t('form.refusedTitle')} role="alert">
          {error instanceof Error ? error.message : String(error)}
        </Alert>
      )}

      <Paper
        withBorder
        shadow="sm"
        p="sm"
        pos="sticky"
        bottom={0}
        style={{ zIndex: 5 }}
        aria-label={t('form.actions')}
        component="section"
      >
        <Stack gap={6}>
          {dirty && (
            <Text size="sm" c="orange.9" fw={600}>
              {d.form?.frontSignedAt ? t('form.unsavedClearsFront') : t('form.unsaved')}
            </Text>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <Button
              size="lg"
              px="sm"
              fullWidth
              variant="default"
              leftSection={<IconDeviceFloppy size={20} />}
              onClick={saveDraft}
              loading={save.isPending}
              disabled={sign.isPending}
            >
              {t('form.save')}
            </Button>
            <Button
              size="lg"
              px="sm"
              fullWidth
              leftSection={<IconSignature size={20} />}
              onClick={() => setSigning(true)}
              disabled={save.isPending}
              loading={sign.isPending}
            >
              {t('form.sign')}
            </Button>
          </SimpleGrid>
        </Stack>
      </Paper>

      <ConfirmModal
        opened={signing}
        title={t('form.signTitle')}
        message={t('form.signMessage', { name: d.fullName })}
        confirmLabel={t('form.signConfirm')}
        color="blue"
        loading={busy}
        onClose={() => setSigning(false)}
        onConfirm={() => void signNow()}
      />
    </Stack>
  );
}
