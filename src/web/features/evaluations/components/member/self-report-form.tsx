import { Alert, Button, Card, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveSelfReportBodySchema, type SelfReport } from '../../../../../shared/contracts/evaluations';
import type { LocalText } from '../../../../../shared/rules/evaluation-rules';
import { useExplained } from '../../../../components/ui/explained';
import { isApiError } from '../../../../lib/api-client';
import { formatDateTime } from '../../../../lib/dates';
import { useFormCheck } from '../../../../lib/use-form-check';
import { useSaveSelfReport } from '../../api/save-self-report';
import { useLocalText } from '../../lib/rule-text';

interface SelfReportFormProps {
  year: number;
  duties: { number: number; label: LocalText }[];
  report: SelfReport | null;
  /** the cell has signed the year's form: the report it was judged on stays as it was */
  locked: boolean;
}

/** Art. 2.7: the member reports on each duty in their own words; sent, the cell sees it (editable until it signs). */
export function SelfReportForm({ year, duties, report, locked }: SelfReportFormProps) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const [texts, setTexts] = useState<Record<string, string>>(() => ({ ...(report?.duties ?? {}) }));
  const save = useSaveSelfReport();
  const refusedAsLocked = isApiError(save.error, 409) && save.error.code === 'self_report_locked';
  const readOnly = locked || refusedAsLocked;
  const written = duties.some((d) => texts[String(d.number)]?.trim());
  // checked as the server will (length of each answer); the first one refused is brought into view
  const {
    errors: fields,
    check,
    ref: formRef,
  } = useFormCheck<HTMLDivElement>(saveSelfReportBodySchema, { year, duties: texts }, save.error);
  const sendExplained = useExplained(written ? null : t('selfReportForm.writeFirst'));

  const send = (submit: boolean) =>
    check() &&
    save.mutate(
      { year, duties: texts, submit },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: submit ? t('selfReportForm.sent') : t('selfReportForm.saved'),
          }),
      },
    );

  return (
    <Card withBorder padding="md" component="section" aria-label={t('selfReportForm.title', { year })}>
      <Stack gap="sm" ref={formRef}>
        <Title order={3} fz="lg">
          {t('selfReportForm.title', { year })}
        </Title>
        <Text size="sm" c="dimmed">
          {readOnly ? t('selfReportForm.locked') : t('selfReportForm.hint')}
        </Text>
        {report?.submittedAt && (
          <Text size="sm" fw={600} c="teal.8">
            {t('selfReportForm.sentAt', { at: formatDateTime(report.submittedAt) })}
          </Text>
        )}
        {save.error && !refusedAsLocked && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {readOnly ? (
          <ReadOnlyReport duties={duties} texts={texts} />
        ) : (
          duties.map((d) => (
            <Textarea
              key={d.number}
              label={`${d.number}. ${lt(d.label)}`}
              autosize
              minRows={2}
              size="md"
              value={texts[String(d.number)] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTexts((p) => ({ ...p, [String(d.number)]: value }));
              }}
              error={fields[`duties.${d.number}`]}
            />
          ))
        )}
        {fields.duties && (
          <Text c="red" size="sm" role="alert">
            {fields.duties}
          </Text>
        )}
        {!readOnly && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Button
              size="lg"
              fullWidth
              variant="default"
              leftSection={<IconDeviceFloppy size={20} />}
              onClick={() => send(false)}
              loading={save.isPending && save.variables?.submit === false}
              disabled={save.isPending}
            >
              {t('selfReportForm.save')}
            </Button>
            <Button
              size="lg"
              fullWidth
              leftSection={<IconSend size={20} />}
              onClick={() => send(true)}
              loading={save.isPending && save.variables?.submit === true}
              disabled={save.isPending}
              {...sendExplained.props}
            >
              {report?.submittedAt ? t('selfReportForm.resend') : t('selfReportForm.send')}
            </Button>
          </SimpleGrid>
        )}
        {!readOnly && sendExplained.note}
      </Stack>
    </Card>
  );
}

/** Once locked, what the member wrote reads as text (duties left blank are not listed). */
function ReadOnlyReport({
  duties,
  texts,
}: {
  duties: SelfReportFormProps['duties'];
  texts: Record<string, string>;
}) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const written = duties.filter((d) => texts[String(d.number)]?.trim());
  if (written.length === 0) return <Text c="dimmed">{t('selfReportForm.nothing')}</Text>;
  return (
    <Stack gap="sm">
      {written.map((d) => (
        <Stack key={d.number} gap={2}>
          <Text size="sm" fw={600}>
            {d.number}. {lt(d.label)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{texts[String(d.number)]}</Text>
        </Stack>
      ))}
    </Stack>
  );
}
