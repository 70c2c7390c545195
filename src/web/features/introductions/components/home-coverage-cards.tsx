import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me, RoleGrant } from '../../../../shared/contracts/auth';
import { paths } from '../../../app/paths';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { communeGrants, workplaceGrants } from '../../../lib/roles';
import { useCoverage, type CoverageSide } from '../api/get-coverage';
import { CoverageBars } from './shared/coverage-card';

/** Home page: how far the introductions got, per side the officer works on, with a way into the hub. */
export function HomeCoverageCards({ me }: { me: Me }) {
  const { t } = useTranslation('introductions');
  const cards = [
    ...workplaceGrants(me).map((g) => ({ grant: g, side: 'workplace' as const })),
    ...communeGrants(me).map((g) => ({ grant: g, side: 'residence' as const })),
  ];
  if (cards.length === 0) return null;
  return (
    <>
      <Title order={3} fz="lg">
        {t('home.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {cards.map((c) => (
          <HomeCoverageCard key={`${c.side}-${c.grant.id}`} grant={c.grant} side={c.side} />
        ))}
      </SimpleGrid>
    </>
  );
}

function HomeCoverageCard({ grant, side }: { grant: RoleGrant; side: CoverageSide }) {
  const { t } = useTranslation('introductions');
  const query = useCoverage(grant.unitId, side);
  const unitId = grant.unitId ?? undefined;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <div>
          <Text fw={600}>{side === 'workplace' ? t('home.workplace') : t('home.residence')}</Text>
          <Text size="sm" c="dimmed">
            {grant.unitName}
          </Text>
        </div>
        {side === 'workplace' ? (
          <Anchor
            size="sm"
            renderRoot={(props) => <Link {...props} to={paths.introductions} search={{ unitId }} />}
          >
            {t('home.open')}
          </Anchor>
        ) : (
          <Anchor
            size="sm"
            renderRoot={(props) => <Link {...props} to={paths.introductionsInbox} search={{ unitId }} />}
          >
            {t('home.open')}
          </Anchor>
        )}
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CoverageBars row={query.data.total} />
      )}
    </Card>
  );
}
