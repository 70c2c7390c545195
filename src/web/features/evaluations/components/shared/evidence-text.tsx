import { Group, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceMetric } from '../../../../../shared/rules/evaluation-rules';
import { evidenceLines } from '../../lib/evidence';

/** The record next to a criterion, in words: what the cell saw, not what it remembers (Art. 4.4). */
export function EvidenceText({
  metrics,
  evidence,
}: {
  metrics: readonly EvidenceMetric[];
  evidence: Partial<Evidence> | null;
}) {
  const { t } = useTranslation('evaluations');
  const lines = evidence ? evidenceLines(metrics, evidence) : [];
  if (lines.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconChartBar size={18} style={{ flexShrink: 0, marginTop: 3 }} aria-hidden />
      <Text size="md" lh={1.45}>
        <Text span c="dimmed" size="sm">
          {t('evidence.label')}{' '}
        </Text>
        {lines.map((l, i) => (
          <Fragment key={l.key}>
            {i > 0 && ' · '}
            <Text span c={l.concern ? 'red.8' : undefined} fw={l.concern ? 600 : undefined}>
              {t(`evidence.${l.key}`, l.params)}
            </Text>
          </Fragment>
        ))}
      </Text>
    </Group>
  );
}
