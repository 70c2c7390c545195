import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionItem } from '../../../../shared/contracts/cell-life';
import { hrefs } from '../../../app/paths';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { isApiError } from '../../../lib/api-client';
import { formatDays, formatVnd } from '../../../lib/numbers';
import { canSeeActivities } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useMemberContributions } from '../api/get-member-contributions';
import { yearOptions } from '../lib/dates';
import { ContributionStatusBadge } from './cell-life-badges';

/**
 * Art. 2.6 on the member's page: their part in local campaigns over a year, with the totals
 * (evidence for the yearly comment). Proposals not yet confirmed are marked.
 */
export function MemberContributionsCard({ memberId }: { memberId: string }) {
  const { t, i18n } = useTranslation('cellLife');
  const me = useCurrentUser();
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useMemberContributions(memberId, year);
  if (isApiError(query.error, 404)) return null;
  const confirmed = (query.data?.items ?? []).filter((c) => c.status === 'confirmed');
  const days = confirmed.reduce((sum, c) => sum + (c.workDays ?? 0), 0);
  const money = confirmed.reduce((sum, c) => sum + (c.moneyVnd ?? 0), 0);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`contributions-${memberId}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Title order={3} fz="lg" id={`contributions-${memberId}`}>
            {t('memberContributions.title')}
          </Title>
          <Select
            label={t('memberContributions.year')}
            data={yearOptions()}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={110}
          />
        </Group>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('memberContributions.none', { year })}
          </Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {[
                t('memberContributions.totals', { count: confirmed.length }),
                days ? t('contributions.daysValue', { days: formatDays(days, i18n.language) }) : null,
                money ? formatVnd(money) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {query.data.items.map((c) => (
                <ContributionRow key={c.id} c={c} linked={canSeeActivities(me)} />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** `linked`: the reader may open the activity (the workplace committee reads the member, not the cell's campaigns). */
function ContributionRow({ c, linked }: { c: ContributionItem; linked: boolean }) {
  const { t, i18n } = useTranslation('cellLife');
  const parts = [
    t(`contributionRole.${c.role}`),
    c.workDays ? t('contributions.daysValue', { days: formatDays(c.workDays, i18n.language) }) : null,
    c.moneyVnd ? formatVnd(c.moneyVnd) : null,
    c.expertise,
    c.inKind,
  ].filter(Boolean);
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="xs"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        {linked ? (
          <Anchor component={Link} to={hrefs.activity(c.activityId)} size="sm" fw={600}>
            {c.activityTitle}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {c.activityTitle}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {parts.join(' · ')}
        </Text>
      </Stack>
      {c.status !== 'confirmed' && <ContributionStatusBadge value={c.status} style={{ flexShrink: 0 }} />}
    </Group>
  );
}
