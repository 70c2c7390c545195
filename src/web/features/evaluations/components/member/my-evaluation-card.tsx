import { Badge, Button, Card, Group, Stack, Stepper, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationListItem } from '../../../../../shared/contracts/evaluations';
import type { EvaluationStatus } from '../../../../../shared/rules/evaluation';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { formatDate } from '../../../../lib/dates';
import { hrefs } from '../../../../app/paths';
import { kindText } from '../shared/evaluation-title';

const steps = ['requested', 'writing', 'signed', 'confirmed', 'released'] as const;

/** Where the member's comment stands, in the order it travels: the step now under way is highlighted. */
function activeStep(status: EvaluationStatus): number {
  switch (status) {
    case 'requested':
    case 'drafted':
    case 'returned':
      return 1;
    case 'signed':
      return 3;
    case 'delivered':
      return 4;
    case 'released':
    case 'disputed':
      return steps.length;
    case 'cancelled':
      return 0;
  }
}

/** One of the member's evaluations: its journey in plain words, and the form once released. */
export function MyEvaluationCard({
  e,
  def,
}: {
  e: EvaluationListItem & { released: boolean; underRevision: boolean };
  def: RuleSetDefinition | undefined;
}) {
  const { t, i18n } = useTranslation('evaluations');
  return (
    <Card withBorder padding="md" component="article" aria-label={kindText(t, e, def, i18n.resolvedLanguage)}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700} fz="lg" lh={1.3}>
            {kindText(t, e, def, i18n.resolvedLanguage)}
          </Text>
          {e.status === 'disputed' && (
            <Badge color="grape" variant="light">
              {t('status.disputed')}
            </Badge>
          )}
          {e.underRevision && (
            <Badge color="orange" variant="light">
              {t('mine.underRevision')}
            </Badge>
          )}
        </Group>
        <Text fw={600}>{t(`plain.${e.status}`)}</Text>
        <Text size="sm" c="dimmed">
          {e.cellName ? t('mine.cell', { cell: e.cellName }) : t('mine.noCell', { commune: e.communeName })}
          {(!e.released || e.underRevision) && e.status !== 'cancelled'
            ? ` · ${t('mine.due', { date: formatDate(e.dueDate) })}`
            : ''}
        </Text>
        {e.status !== 'cancelled' && (
          <Stepper
            active={activeStep(e.status)}
            orientation="vertical"
            size="sm"
            iconSize={28}
            allowNextStepsSelect={false}
            styles={{ stepLabel: { lineHeight: 1.3 }, stepBody: { paddingTop: 4 } }}
          >
            {steps.map((s) => (
              <Stepper.Step key={s} label={t(`mine.steps.${s}`)} />
            ))}
          </Stepper>
        )}
        {e.released && (
          <Button
            component={Link}
            to={hrefs.evaluation(e.id)}
            size="lg"
            leftSection={<IconFileText size={20} />}
          >
            {t('mine.viewForm')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
