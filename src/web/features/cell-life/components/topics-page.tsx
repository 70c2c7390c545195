import { Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconSpeakerphone } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { directedTopicSchema } from '../../../../shared/contracts/cell-life';
import { paths } from '../../../app/paths';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDate } from '../../../lib/dates';
import { canDirectTopics, cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { useTopics, type TopicFilters } from '../api/list-topics';
import { TopicFormModal } from './topic-form-modal';

type Topic = z.infer<typeof directedTopicSchema>;

/**
 * Art. 4.3: topics the commune committee asks all its cells to take up with their working members.
 * The commune directs them here; each cell secretary reads the ones in force for the next meetings.
 */
export function TopicsPage() {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/topics' });
  const navigate = useNavigate({ from: paths.topics });
  const [directing, setDirecting] = useState(false);
  const communes = communeGrants(me);
  const cells = cellGrants(me);
  const directs = canDirectTopics(me);

  // the commune first (it directs), else the cell (it reads its commune's); admins choose a commune
  const filters: TopicFilters | null = isAdmin(me)
    ? search.unitId
      ? { communeId: search.unitId }
      : null
    : communes[0]?.unitId
      ? { communeId: communes[0].unitId }
      : cells[0]?.unitId
        ? { cellId: cells[0].unitId }
        : null;
  const query = useTopics(filters ?? {}, !!filters);
  const commune =
    communes.length === 1 ? { id: communes[0]!.unitId!, name: communes[0]!.unitName ?? '' } : null;

  return (
    <>
      <PageHeader
        title={t('topics.title')}
        subtitle={directs ? t('topics.subtitleCommune') : t('topics.subtitleCell')}
        actions={
          directs && (
            <Button leftSection={<IconSpeakerphone size={20} />} size="md" onClick={() => setDirecting(true)}>
              {t('topics.direct')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        {isAdmin(me) && (
          <Box maw={480}>
            <UnitPicker
              label={t('topics.commune')}
              type="commune_committee"
              value={search.unitId ?? null}
              onChange={(id) => void navigate({ search: { unitId: id ?? undefined }, replace: true })}
            />
          </Box>
        )}
        <Title order={3} fz="lg">
          {t('topics.active')}
        </Title>
        {!filters ? (
          <EmptyState title={t('topics.pickCommune')} />
        ) : query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.length === 0 ? (
          <EmptyState title={directs ? t('topics.emptyCommune') : t('topics.emptyCell')} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('topics.active')}>
            {query.data.map((topic) => (
              <TopicCard key={topic.id} topic={topic} />
            ))}
          </SimpleGrid>
        )}
        {!directs && cells.length > 0 && (
          <Group>
            <Button
              component={Link}
              to={paths.meetings}
              variant="light"
              leftSection={<IconCalendarEvent size={18} />}
            >
              {t('topics.toMeetings')}
            </Button>
          </Group>
        )}
      </Stack>
      {directing && <TopicFormModal commune={commune} onClose={() => setDirecting(false)} />}
    </>
  );
}

function TopicCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation('cellLife');
  return (
    <Card withBorder padding="md" component="article" aria-label={topic.title}>
      <Stack gap={6}>
        <Text fw={700} fz="lg" lh={1.3} style={{ wordBreak: 'break-word' }}>
          {topic.title}
        </Text>
        <Text size="sm" fw={500}>
          {topic.activeTo
            ? t('topics.period', { from: formatDate(topic.activeFrom), to: formatDate(topic.activeTo) })
            : t('topics.since', { from: formatDate(topic.activeFrom) })}
        </Text>
        {topic.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {topic.description}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('topics.from', { commune: topic.communeName })}
        </Text>
      </Stack>
    </Card>
  );
}
