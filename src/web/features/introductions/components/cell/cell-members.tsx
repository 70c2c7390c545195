import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../../components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useAcknowledgeLetters } from '../../api/acknowledge-letters';
import { useResidents } from '../../api/list-residents';
import { ResidentCard } from './resident-card';

/** The cell's working members; new arrivals first, to acknowledge (Art. 4.2). */
export function CellMembers({ cellId }: { cellId: string }) {
  const { t } = useTranslation('introductions');
  const query = useResidents({ cellId });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const acknowledge = useAcknowledgeLetters();
  const fresh = items.filter((r) => r.isNew);
  const others = items.filter((r) => !r.isNew);
  const freshLetters = fresh.map((r) => r.letterId).filter((id): id is string => !!id);

  const ack = (letterIds: string[]) =>
    acknowledge.mutate(letterIds, {
      onSuccess: (r) =>
        notifications.show({
          color: 'green',
          message: t('cell.acknowledged', { count: r.changed + r.repeated }),
        }),
    });

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('cell.empty')} />;

  return (
    <Stack gap="lg">
      {fresh.length > 0 && (
        <Stack gap="sm">
          <Alert color="teal" icon={<IconSparkles />} title={t('cell.newTitle', { count: fresh.length })}>
            <Stack gap="xs">
              <Text size="sm">{t('cell.newHint')}</Text>
              {fresh.length > 1 && (
                <Button
                  size="md"
                  color="teal"
                  leftSection={<IconChecks size={20} />}
                  loading={acknowledge.isPending && acknowledge.variables?.length === freshLetters.length}
                  disabled={acknowledge.isPending}
                  onClick={() => ack(freshLetters)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('cell.acknowledgeAll', { count: fresh.length })}
                </Button>
              )}
            </Stack>
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" aria-label={t('cell.newLabel')}>
            {fresh.map((r) => (
              <ResidentCard
                key={r.memberId}
                r={r}
                onAcknowledge={r.letterId ? () => ack([r.letterId as string]) : undefined}
                pending={acknowledge.isPending}
                loading={
                  acknowledge.isPending &&
                  acknowledge.variables?.[0] === r.letterId &&
                  acknowledge.variables.length === 1
                }
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="lg">
            {t('cell.membersTitle', { count: others.length })}
          </Title>
        </Group>
        {others.length === 0 ? (
          <Text c="dimmed">{t('cell.noOthers')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" aria-label={t('cell.membersLabel')}>
            {others.map((r) => (
              <ResidentCard key={r.memberId} r={r} />
            ))}
          </SimpleGrid>
        )}
        <LoadMoreButton query={query} size="md" />
      </Stack>
    </Stack>
  );
}
