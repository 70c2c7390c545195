import { SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useRequests } from '../../api/list-requests';
import { RequestCard } from '../shared/request-card';
import { TabIntro } from '../shared/tab-intro';
import { RequestFormModal } from './request-form-modal';

/** Pain point: working members live here but no letter came. The commune asks their workplace for one. */
export function CommuneRequests({ communeId }: { communeId: string }) {
  const { t } = useTranslation('introductions');
  const query = useRequests({ side: 'commune', unitId: communeId });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="sm">
      <TabIntro
        hint={t('requests.communeHint')}
        actionLabel={t('requests.new')}
        onAction={() => setCreating(true)}
      />
      <InfiniteListState query={query} count={items.length} emptyTitle={t('requests.emptyCommune')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('requests.label')}>
          {items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </SimpleGrid>
      </InfiniteListState>
      {creating && <RequestFormModal communeId={communeId} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
