import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../../shared/contracts/evaluations';
import type { RuleSetDefinition } from '../../../../../shared/rules/evaluation-rules';
import { formatDate } from '../../../../lib/dates';
import { EvaluationStatusBadge, FlagBadge, OverdueBadge } from '../shared/evaluation-badges';
import { kindText } from '../shared/evaluation-title';

/** Who, which year and why, where it stands, and by when (overdue in red). */
export function EvaluationHeader({ d, def }: { d: EvaluationDetail; def: RuleSetDefinition | undefined }) {
  const { t, i18n } = useTranslation('evaluations');
  const flags = d.form?.flags.length ?? d.flags.length;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={1} size="h2">{d.fullName}</Title>
        <Text c="dimmed" size="sm">
          {t('header.cardOf', { card: d.cardNumber, workplace: d.workplaceUnitName })}
        </Text>
        <Group gap="xs">
          <EvaluationStatusBadge value={d.status} size="lg" />
          {d.overdue && <OverdueBadge size="lg" />}
          {flags > 0 && <FlagBadge count={flags} size="lg" />}
          {d.formKind === 'exempt' && (
            <Badge variant="outline" color="yellow" size="lg">
              {t('formKind.exempt')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
          <Info label={t('header.kind')}>{kindText(t, d, def, i18n.resolvedLanguage)}</Info>
          <Info label={t('header.due')}>
            <Text span fw={600} c={d.overdue ? 'red.8' : undefined}>
              {formatDate(d.dueDate)}
              {d.overdue ? ` — ${t('overdue')}` : ''}
            </Text>
          </Info>
          <Info label={t('header.cell')}>
            {d.cellName ?? t('header.noCell')} · {d.communeName}
          </Info>
          <Info label={t('header.version')}>
            {d.versions.length > 1
              ? t('header.versionOf', { version: d.version, count: d.versions.length })
              : d.version}
          </Info>
          {d.requestedByMember && <Info label={t('header.requestedBy')}>{t('header.byMember')}</Info>}
          {d.purposeNote && <Info label={t('header.purposeNote')}>{d.purposeNote}</Info>}
          {d.verificationCode && (
            <Info label={t('header.code')}>
              <Text span ff="monospace" fw={600}>
                {d.verificationCode}
              </Text>
            </Info>
          )}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}
