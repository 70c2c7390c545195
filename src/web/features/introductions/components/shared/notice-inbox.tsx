import { Button, SimpleGrid, Stack, Switch } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useNotices } from '../../api/list-notices';
import { useMarkNoticeSeen } from '../../api/mark-notice-seen';
import { NoticeCard } from './notice-card';

/** Notices received by a commune or a residential cell; "seen" tells the workplace someone read it. */
export function NoticeInbox({ unitId }: { unitId: string }) {
  const { t } = useTranslation('introductions');
  const [unseen, setUnseen] = useState(false);
  const query = useNotices({ side: 'residence', unitId, unseen: unseen || undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const seen = useMarkNoticeSeen();

  return (
    <Stack gap="sm">
      <Switch
        label={t('notices.unseenOnly')}
        checked={unseen}
        onChange={(e) => setUnseen(e.currentTarget.checked)}
      />
      <InfiniteListState query={query} count={items.length} emptyTitle={t('notices.emptyReceived')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('notices.receivedLabel')}>
          {items.map((n) => (
            <NoticeCard key={n.id} notice={n}>
              {!n.seenAt && (
                <Button
                  size="sm"
                  variant="light"
                  leftSection={<IconEye size={16} />}
                  loading={seen.isPending && seen.variables === n.id}
                  disabled={seen.isPending}
                  onClick={() => seen.mutate(n.id)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('notices.markSeen')}
                </Button>
              )}
            </NoticeCard>
          ))}
        </SimpleGrid>
      </InfiniteListState>
    </Stack>
  );
}
