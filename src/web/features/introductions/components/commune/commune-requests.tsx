import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useRequests } from '../../api/list-requests';
import { RequestCard } from '../shared/request-card';
import { RequestFormModal } from './request-form-modal';

/** Pain point: working members live here but no letter came. The commune asks their workplace for one. */
export function CommuneRequests({ communeId }: { communeId: string }) {
  const { t } = useTranslation('introductions');
  const query = useRequests({ side: 'commune', unitId: communeId });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t('requests.communeHint')}
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
          {t('requests.new')}
        </Button>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('requests.emptyCommune')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('requests.label')}>
          {items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </SimpleGrid>
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('common:actions.loadMore')}
        </Button>
      )}
      {creating && <RequestFormModal communeId={communeId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
