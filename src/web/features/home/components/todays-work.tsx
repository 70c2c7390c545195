import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HomeCard, HomeItem } from '../../../../shared/contracts/home';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDate } from '../../../lib/dates';
import { useToday } from '../api/get-today';
import { WorkItem } from './work-item';

/** A count shown only when there is something in it: the forms waiting for the Front head, on the secretary's card. */
const shownOnlyWithWork = new Set<HomeItem['key']>(['formsAwaitingFront']);

/**
 * Today's work (issue 11): one card per role, each count leading to the list that shows those items. The
 * empty counts stay, saying what comes next, so "nothing to do" is an answer and not a blank.
 */
export function TodaysWork() {
  const { t } = useTranslation('home');
  const query = useToday();
  return (
    <Stack gap="sm" component="section" aria-labelledby="todays-work">
      <div>
        <Title order={2} fz="xl" id="todays-work">
          {t('title')}
        </Title>
        {query.data && (
          <Text size="sm" c="gray.7">
            {t('today', { date: formatDate(query.data.today) })}
          </Text>
        )}
      </div>
      {query.isPending ? (
        <LoadingState label={t('loading')} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.cards.length === 0 ? (
        <Text>{t('noCards')}</Text>
      ) : (
        // side by side on a wide screen, one under the other on a phone
        <SimpleGrid cols={{ base: 1, md: query.data.cards.length > 1 ? 2 : 1 }} spacing="sm">
          {query.data.cards.map((c) => (
            <WorkCard key={`${c.role}:${c.unitId ?? ''}`} card={c} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function WorkCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation('home');
  const id = `work-${card.role}-${card.unitId ?? 'me'}`;
  const items = card.items.filter((i) => i.count > 0 || !shownOnlyWithWork.has(i.key));
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Stack gap={2} px={4} mb={4}>
        <Title order={3} fz="lg" id={id}>
          {t(`roles.${card.role}`)}
        </Title>
        {card.unitName && (
          <Text size="sm" c="gray.7">
            {card.unitName}
          </Text>
        )}
      </Stack>
      <div>
        {items.map((i) => (
          <WorkItem key={i.key} item={i} />
        ))}
      </div>
    </Card>
  );
}
