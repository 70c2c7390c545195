import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { formatDate } from '../../../../lib/dates';
import { useEvaluationVersion } from '../../api/get-version';
import { FormView } from './form-view';

/** Returns and revisions open a new version; the earlier ones stay as they were signed, to read. */
export function VersionsCard({ d, def }: { d: EvaluationDetail; def: RuleSetDefinition }) {
  const { t } = useTranslation('evaluations');
  const [open, setOpen] = useState<number | null>(null);
  const earlier = d.versions.filter((v) => v.version < d.version);
  if (earlier.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('versions.title')}>
      <Title order={3} fz="lg" mb="xs">
        {t('versions.title')}
      </Title>
      <Stack gap="xs">
        {earlier.map((v) => (
          <Group key={v.version} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600}>{t('versions.version', { version: v.version })}</Text>
              <Text size="sm" c="dimmed">
                {t('versions.dates', {
                  signed: formatDate(v.signedAt),
                  confirmed: formatDate(v.confirmedAt),
                })}
              </Text>
            </Stack>
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              onClick={() => setOpen(v.version)}
              aria-label={t('versions.viewOne', { version: v.version })}
            >
              {t('versions.view')}
            </Button>
          </Group>
        ))}
      </Stack>
      {open !== null && <VersionModal d={d} def={def} version={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function VersionModal({
  d,
  def,
  version,
  onClose,
}: {
  d: EvaluationDetail;
  def: RuleSetDefinition;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('evaluations');
  const query = useEvaluationVersion(d.id, version);
  return (
    <Modal opened onClose={onClose} title={t('versions.version', { version })} size="lg">
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <FormView
          form={query.data}
          def={def}
          formKind={d.formKind}
          title={t('versions.version', { version })}
        />
      )}
    </Modal>
  );
}
