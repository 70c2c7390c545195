import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SelfReport } from '../../../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { formatDateTime } from '../../../../lib/dates';
import { useLocalText } from '../../lib/rule-text';

/** Art. 2.7: what the member reported on each duty, under the rule set's words for the duty. */
export function SelfReportCard({ report, def }: { report: SelfReport | null; def: RuleSetDefinition }) {
  const { t } = useTranslation('evaluations');
  const lt = useLocalText();
  const written = def.duties.filter((d) => report?.duties[String(d.number)]);
  return (
    <Card withBorder padding="md" component="section" aria-label={t('selfReport.title')}>
      <Title order={3} fz="lg" mb={4}>
        {t('selfReport.title')}
      </Title>
      {!report || written.length === 0 ? (
        <Text c="dimmed">{t('selfReport.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {report.submittedAt
              ? t('selfReport.submittedAt', { at: formatDateTime(report.submittedAt) })
              : t('selfReport.notSubmitted')}
          </Text>
          {written.map((d) => (
            <Stack key={d.number} gap={2}>
              <Text size="sm" fw={600}>
                {d.number}. {lt(d.label)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{report.duties[String(d.number)]}</Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
