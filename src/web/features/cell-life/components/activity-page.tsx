import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake, IconUserPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '../../../../shared/contracts/cell-life';
import { paths } from '../../../app/paths';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDays, formatVnd } from '../../../lib/numbers';
import { isWorkingMember } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useActivity } from '../api/get-activity';
import { activityPeriod } from './activity-period';
import { ActivityKindBadge } from './cell-life-badges';
import { ContributionFormModal } from './contribution-form-modal';
import { ContributionList } from './contribution-list';

/**
 * One campaign (Art. 2.6): what, where and when, the totals, and each member's part. The secretary records
 * parts and decides members' proposals; a member living there proposes their own.
 */
export function ActivityPage() {
  const { t } = useTranslation('cellLife');
  const { activityId } = useParams({ from: '/authed/activities/$activityId' });
  const me = useCurrentUser();
  const query = useActivity(activityId);
  const [form, setForm] = useState<'record' | 'propose' | null>(null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  // someone who runs the unit records (themselves too); a member only proposes their own part
  const canPropose = !a.canManage && isWorkingMember(me);

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.activities}>
          {t('activities.title')}
        </Anchor>
        <Text truncate maw={200}>
          {a.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ wordBreak: 'break-word' }}>
            {a.title}
          </Title>
          <Group gap="xs">
            <ActivityKindBadge value={a.kind} size="lg" />
          </Group>
        </Stack>
        {a.canManage && (
          <Button leftSection={<IconUserPlus size={18} />} size="md" onClick={() => setForm('record')}>
            {t('activity.record')}
          </Button>
        )}
        {canPropose && (
          <Button leftSection={<IconHeartHandshake size={18} />} size="md" onClick={() => setForm('propose')}>
            {t('activity.propose')}
          </Button>
        )}
      </Group>

      <InfoCard a={a} />

      {a.canManage && a.pending > 0 && (
        <Alert color="yellow" variant="light" title={t('activity.pendingTitle')}>
          {t('activity.pendingText', { count: a.pending })}
        </Alert>
      )}

      <Card withBorder padding="md" component="section" aria-labelledby="contributions-title">
        <Stack gap="sm">
          <Title order={3} fz="lg" id="contributions-title">
            {t('contributions.title')}
          </Title>
          <ContributionList a={a} myMemberId={me.user.memberId} />
        </Stack>
      </Card>

      {form && <ContributionFormModal activity={a} mode={form} onClose={() => setForm(null)} />}
    </Stack>
  );
}

function InfoCard({ a }: { a: ActivityDetail }) {
  const { t, i18n } = useTranslation('cellLife');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('activity.info')}>
      <Stack gap="sm">
        <Info label={t('activity.unit')}>{a.unitName}</Info>
        <Info label={t('activity.period')}>{activityPeriod(t, a)}</Info>
        {a.description && (
          <Info label={t('activity.description')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.description}
            </Text>
          </Info>
        )}
        <Group gap="lg" aria-label={t('activity.totalsLabel')} role="group">
          <Stat label={t('activity.contributors')} value={String(a.contributors)} />
          <Stat label={t('activity.workDays')} value={formatDays(a.workDays, i18n.language)} />
          <Stat label={t('activity.money')} value={formatVnd(a.moneyVnd)} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('activity.totalsHint')}
        </Text>
      </Stack>
    </Card>
  );
}

function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Stack>
  );
}
