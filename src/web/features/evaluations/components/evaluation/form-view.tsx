import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormContent } from '../../../../../shared/contracts/evaluations';
import type { Evidence, FormKind, RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { formatDate, formatDateTime } from '../../../../lib/dates';
import { criteriaOf, toneColor, useLocalText } from '../../lib/rule-text';
import { EvidenceText } from '../shared/evidence-text';
import { FlagNote } from '../shared/flag-note';

interface FormViewProps {
  form: FormContent;
  def: RuleSetDefinition;
  formKind: FormKind;
  /** live figures while the form is a draft; a signed version carries its own */
  liveEvidence?: Evidence | null;
  title?: string;
}

/** The form as signed (or as drafted), read-only: levels, the record, flags with their justification, signatures. */
export function FormView({ form, def, formKind, liveEvidence, title }: FormViewProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const criteria = criteriaOf(def, formKind);
  const evidence = form.signedAt ? form.evidence : (liveEvidence ?? form.evidence);
  return (
    <Card withBorder padding="md" component="section" aria-label={title ?? t('form.title')}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={3} fz="lg">
            {title ?? t('form.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('form.versionLabel', { version: form.version })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {lt(def.forms[formKind].title)}
        </Text>
        {criteria.map((c, i) => {
          const level = c.levels.find((l) => l.key === form.ratings[c.key]);
          const flags = form.flags.filter((f) => f.criterion === c.key);
          return (
            <Fragment key={c.key}>
              <Divider />
              <Stack gap={6}>
                <Text fw={600} lh={1.35}>
                  {i + 1}. {lt(c.label)}
                </Text>
                {level ? (
                  <Badge
                    size="lg"
                    variant="light"
                    color={toneColor[level.tone]}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {lt(level.label)}
                  </Badge>
                ) : (
                  <Text c="dimmed" size="sm">
                    {t('form.notRated')}
                  </Text>
                )}
                <EvidenceText metrics={c.evidence} evidence={evidence} />
                {flags.length > 0 ? (
                  <FlagNote def={def} flags={flags} justification={form.justifications[c.key] ?? null} />
                ) : (
                  form.justifications[c.key] && (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('flags.justification')}
                      </Text>{' '}
                      {form.justifications[c.key]}
                    </Text>
                  )
                )}
              </Stack>
            </Fragment>
          );
        })}
        <Divider />
        <Stack gap={4}>
          <Text fw={600}>
            {criteria.length + 1}. {t('form.otherComments')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} c={form.otherComments ? undefined : 'dimmed'}>
            {form.otherComments ?? t('form.none')}
          </Text>
        </Stack>
        <Divider />
        <Stack gap={4}>
          <Text size="sm">
            <Text span c="dimmed">
              {t('form.jointMeetingOn')}:
            </Text>{' '}
            {formatDate(form.jointMeetingOn)}
            {form.jointMeetingParticipants ? ` — ${form.jointMeetingParticipants}` : ''}
          </Text>
          <Signature label={t('sign.front')} name={form.frontSignerName} at={form.frontSignedAt} />
          <Signature label={t('sign.cell')} name={form.signerName} at={form.signedAt} />
          <Signature label={t('sign.commune')} name={form.confirmerName} at={form.confirmedAt} />
          {form.openedReason && (
            <Text size="sm">
              <Text span c="dimmed">
                {t('form.openedReason')}:
              </Text>{' '}
              {form.openedReason}
            </Text>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

function Signature({ label, name, at }: { label: string; name: string | null; at: string | null }) {
  const { t } = useTranslation('evaluations');
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{' '}
      {at ? (
        t('sign.by', { name: name ?? '', at: formatDateTime(at) })
      ) : (
        <Text span c="dimmed">
          {t('sign.notYet')}
        </Text>
      )}
    </Text>
  );
}
