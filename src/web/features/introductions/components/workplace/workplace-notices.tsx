import { SimpleGrid, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useNotices } from '../../api/list-notices';
import { NoticeCard } from '../shared/notice-card';
import { TabIntro } from '../shared/tab-intro';

// the form (with its date picker) loads when it is opened: the hub stays within the page budget
const NoticeFormModal = lazy(() => import('./notice-form-modal').then((m) => ({ default: m.NoticeFormModal })));

/** Notices the workplace sent: often away, mobile, special duty, position change, transfer, expulsion… */
export function WorkplaceNotices({ unitId }: { unitId: string }) {
  const { t } = useTranslation('introductions');
  const query = useNotices({ side: 'workplace', unitId });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="sm">
      <TabIntro
        hint={t('notices.workplaceHint')}
        actionLabel={t('notices.new')}
        onAction={() => setCreating(true)}
      />
      <InfiniteListState query={query} count={items.length} emptyTitle={t('notices.empty')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('notices.label')}>
          {items.map((n) => (
            <NoticeCard key={n.id} notice={n} />
          ))}
        </SimpleGrid>
      </InfiniteListState>
      {creating && (
        <Suspense fallback={null}>
          <NoticeFormModal unitId={unitId} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Stack>
  );
}
