import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import { formatDate, formatDateTime } from '../../../../lib/dates';

/** Art. 3.4: the member's requests for review and what the dialogue between the two committees decided. */
export function DisputesCard({ disputes }: { disputes: EvaluationDetail['disputes'] }) {
  const { t } = useTranslation('evaluations');
  if (disputes.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('disputes.title')}>
      <Title order={3} fz="lg" mb="xs">
        {t('disputes.title')}
      </Title>
      <Stack gap="sm">
        {disputes.map((x, i) => (
          <Fragment key={x.id}>
            {i > 0 && <Divider />}
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('disputes.opened', { at: formatDateTime(x.openedAt), version: x.version })}
                </Text>
                {x.outcome ? (
                  <Badge color={x.outcome === 'revised' ? 'orange' : 'teal'} variant="light">
                    {t(`dialogue.outcomes.${x.outcome}`)}
                  </Badge>
                ) : (
                  <Badge color="grape" variant="light">
                    {t('disputes.open')}
                  </Badge>
                )}
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600}>
                  {t('disputes.reason')}
                </Text>{' '}
                {x.reason}
              </Text>
              {x.dialogueOn && (
                <Text size="sm">
                  <Text span fw={600}>
                    {t('disputes.dialogue', { on: formatDate(x.dialogueOn) })}
                  </Text>{' '}
                  {x.dialogueParticipants}
                </Text>
              )}
              {x.dialogueNotes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {x.dialogueNotes}
                </Text>
              )}
            </Stack>
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}
