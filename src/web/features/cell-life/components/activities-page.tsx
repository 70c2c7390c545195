import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../components/ui/infinite-list-state';
import { PageHeader } from '../../../components/ui/page-header';
import { canRunCellLife } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useActivities } from '../api/list-activities';
import { ActivityCard } from './activity-card';
import { ActivityFormModal } from './activity-form-modal';

/**
 * Art. 2.6: the campaigns and movements of the cell and its commune (roads, cultural house, flood relief,
 * security patrols…), newest first. The secretary or the commune records them; members read them.
 */
export function ActivitiesPage() {
  const { t } = useTranslation('cellLife');
  const me = useCurrentUser();
  const manages = canRunCellLife(me);
  const [creating, setCreating] = useState(false);
  const query = useActivities({});
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        subtitle={t('activities.subtitle')}
        actions={
          manages && (
            <Button leftSection={<IconPlus size={20} />} size="md" onClick={() => setCreating(true)}>
              {t('activities.create')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <InfiniteListState
          query={query}
          count={items.length}
          emptyTitle={manages ? t('activities.emptyManager') : t('activities.empty')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" aria-label={t('activities.title')}>
            {items.map((a) => (
              <ActivityCard key={a.id} a={a} />
            ))}
          </SimpleGrid>
        </InfiniteListState>
      </Stack>
      {creating && <ActivityFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
