import { Alert, Button, Group, List, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { skipReasons, type OpenCycleResponse } from '../../../../../shared/contracts/evaluations';
import { DateField } from '../../../../components/ui/date-field';
import { FormModal } from '../../../../components/ui/form-modal';
import { ModalActions } from '../../../../components/ui/modal-actions';
import { todayIso } from '../../../../lib/dates';
import { fieldErrors } from '../../../../lib/form-errors';
import { useOpenCycle } from '../../api/open-cycle';
import { currentYear } from '../shared/year-select';

interface OpenCycleModalProps {
  unitId: string;
  unitName: string;
  year: number;
  onClose: () => void;
}

/**
 * Art. 3.4: ask the residence side for every active working member's comment in one step. Exempt and
 * not-introduced members are left out (counted, with names to check); opening again creates nothing twice.
 */
export function OpenCycleModal({ unitId, unitName, onClose, ...props }: OpenCycleModalProps) {
  const { t } = useTranslation('evaluations');
  const [year, setYear] = useState(String(props.year));
  const [dueDate, setDueDate] = useState<string | null>(null);
  const open = useOpenCycle();
  const errors = fieldErrors(open.error);
  const now = currentYear();

  if (open.data) return <CycleResult result={open.data} year={Number(year)} onClose={onClose} />;

  const submit = () => open.mutate({ unitId, year: Number(year), dueDate });
  return (
    <FormModal title={t('cycle.title')} onClose={onClose} onSubmit={submit} error={open.error}>
      <Text>{t('cycle.text', { unit: unitName })}</Text>
      <Group grow align="flex-start">
        <Select
          label={t('fields.year')}
          data={[String(now), String(now - 1)]}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          error={errors.year}
        />
        <DateField
          label={t('cycle.dueDate')}
          description={t('cycle.dueHint')}
          minDate={todayIso()}
          value={dueDate}
          onChange={setDueDate}
          error={errors.dueDate}
        />
      </Group>
      <ModalActions submitLabel={t('cycle.submit')} onCancel={onClose} loading={open.isPending} />
    </FormModal>
  );
}

function CycleResult({
  result,
  year,
  onClose,
}: {
  result: OpenCycleResponse;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('evaluations');
  const skipped = skipReasons.filter((r) => (result.skipped[r] ?? 0) > 0);
  return (
    <FormModal title={t('cycle.resultTitle', { year })} onClose={onClose} onSubmit={onClose} error={null}>
      <Alert color={result.created > 0 ? 'green' : 'blue'} role="status">
        {t('cycle.created', { count: result.created })}
        {result.awaitingCell > 0 && ` ${t('cycle.awaitingCell', { count: result.awaitingCell })}`}
      </Alert>
      {skipped.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('cycle.skippedTitle')}</Text>
          <Table aria-label={t('cycle.skippedTitle')} withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {skipped.map((r) => (
                <Table.Tr key={r}>
                  <Table.Td>{t(`cycle.skip.${r}`)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {result.skipped[r]}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {result.skippedSample.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('cycle.sampleTitle')}
          </Text>
          <List size="sm" spacing={2}>
            {result.skippedSample.map((s) => (
              <List.Item key={s.memberId}>
                {s.fullName} — {t(`cycle.skip.${s.reason}`)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group justify="flex-end">
        <Button type="submit">{t('cycle.close')}</Button>
      </Group>
    </FormModal>
  );
}
