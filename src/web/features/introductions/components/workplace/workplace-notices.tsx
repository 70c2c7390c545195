import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useNotices } from '../../api/list-notices';
import { NoticeCard } from '../shared/notice-card';
import { NoticeFormModal } from './notice-form-modal';

/** Notices the workplace sent: often away, mobile, special duty, position change, transfer, expulsion… */
export function WorkplaceNotices({ unitId }: { unitId: string }) {
  const { t } = useTranslation('introductions');
  const query = useNotices({ side: 'workplace', unitId });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
          {t('notices.workplaceHint')}
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
          {t('notices.new')}
        </Button>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('notices.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('notices.label')}>
          {items.map((n) => (
            <NoticeCard key={n.id} notice={n} />
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
      {creating && <NoticeFormModal unitId={unitId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
