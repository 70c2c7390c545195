import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { evaluationStatuses, type EvaluationStatus } from '../../../../../shared/rules/evaluation';

/** Filter by status; empty means every status but cancelled (the server's default). */
export function StatusSelect({
  value,
  onChange,
  options = evaluationStatuses,
}: {
  value: EvaluationStatus | null;
  onChange: (status: EvaluationStatus | null) => void;
  options?: readonly EvaluationStatus[];
}) {
  const { t } = useTranslation('evaluations');
  return (
    <Select
      label={t('fields.status')}
      placeholder={t('filters.allStatuses')}
      data={options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      value={value}
      onChange={(v) => onChange((v as EvaluationStatus | null) ?? null)}
      clearable
      w={{ base: '100%', xs: 240 }}
    />
  );
}
