import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearlyReport } from '../../../../../shared/contracts/reports';
import { ConfirmModal } from '../../../../components/ui/confirm-modal';
import { fieldErrors } from '../../../../lib/form-errors';
import { useSaveYearlyReport } from '../../api/save-yearly-report';
import { useStepYearlyReport } from '../../api/step-yearly-report';

const TEXTS = ['results', 'problems', 'proposals', 'commendations'] as const;

/** The committee writes the texts, names who signs, refreshes the figures and sends the report up. */
export function ReportEditor({ report }: { report: YearlyReport }) {
  const { t } = useTranslation('reports');
  const [texts, setTexts] = useState(() => Object.fromEntries(TEXTS.map((k) => [k, report[k] ?? ''])) as Record<(typeof TEXTS)[number], string>);
  const [signerName, setSignerName] = useState(report.signerName ?? '');
  const [signerPosition, setSignerPosition] = useState<string | null>(report.signerPosition);
  const [confirm, setConfirm] = useState(false);
  const save = useSaveYearlyReport(report.id);
  const step = useStepYearlyReport(report.id);
  const errors = { ...fieldErrors(save.error), ...fieldErrors(step.error) };
  const dirty =
    TEXTS.some((k) => texts[k] !== (report[k] ?? '')) || signerName !== (report.signerName ?? '') || signerPosition !== report.signerPosition;
  const body = (refreshFigures: boolean) => ({
    ...texts,
    signerName,
    signerPosition: (signerPosition as 'secretary' | 'deputy_secretary' | null) ?? null,
    refreshFigures,
    updatedAt: report.updatedAt,
  });
  const canSubmit = report.allowedActions.includes('submit');
  const missing = texts.results.trim().length < 20 || !signerName.trim() || !signerPosition;
  const submit = () => {
    // what is on screen is what goes up: save first when there are changes, then submit
    const send = () => step.mutate({ action: 'submit' }, { onSuccess: () => setConfirm(false) });
    if (dirty) save.mutate(body(false), { onSuccess: send });
    else send();
  };
  const error = save.error ?? step.error;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('yearly.edit')}>
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {t('yearly.edit')}
        </Title>
        {error && Object.keys(fieldErrors(error)).length === 0 && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {TEXTS.map((k) => (
          <Textarea
            key={k}
            label={t(`yearly.text.${k}`)}
            description={t(`yearly.hint.${k}`)}
            required={k === 'results'}
            autosize
            minRows={k === 'results' ? 5 : 3}
            value={texts[k]}
            onChange={(e) => setTexts({ ...texts, [k]: e.currentTarget.value })}
            error={errors[k]}
            maxLength={20_000}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('yearly.signerName')} required value={signerName} onChange={(e) => setSignerName(e.currentTarget.value)} error={errors.signerName} maxLength={120} />
          <Select
            label={t('yearly.signerPosition')}
            required
            data={[
              { value: 'secretary', label: t('yearly.position.secretary') },
              { value: 'deputy_secretary', label: t('yearly.position.deputy_secretary') },
            ]}
            value={signerPosition}
            onChange={setSignerPosition}
            error={errors.signerPosition}
          />
        </SimpleGrid>
        <Group gap="xs" wrap="wrap">
          <Button leftSection={<IconDeviceFloppy size={16} />} variant="default" loading={save.isPending && !save.variables?.refreshFigures} disabled={!dirty} onClick={() => save.mutate(body(false))}>
            {t('yearly.save')}
          </Button>
          <Button leftSection={<IconRefresh size={16} />} variant="default" loading={save.isPending && !!save.variables?.refreshFigures} onClick={() => save.mutate(body(true))}>
            {t('yearly.refreshFigures')}
          </Button>
          {canSubmit && (
            <Button leftSection={<IconSend size={16} />} disabled={missing} onClick={() => setConfirm(true)}>
              {t('yearly.submit')}
            </Button>
          )}
        </Group>
        {canSubmit && missing && (
          <Text size="sm" c="gray.7">
            {t('yearly.submitNeeds')}
          </Text>
        )}
        {!dirty && save.isSuccess && (
          <Text size="sm" c="green.9" role="status">
            {t('yearly.saved')}
          </Text>
        )}
      </Stack>
      {confirm && (
        <ConfirmModal
          opened
          title={t('yearly.submitTitle')}
          message={t('yearly.submitMessage', { superior: report.superior.name })}
          confirmLabel={t('yearly.submit')}
          color="red"
          loading={save.isPending || step.isPending}
          onClose={() => setConfirm(false)}
          onConfirm={submit}
        />
      )}
    </Card>
  );
}
