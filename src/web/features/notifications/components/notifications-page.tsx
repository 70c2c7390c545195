import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { PageHeader } from '../../../components/ui/page-header';
import { formatDateTime } from '../../../lib/dates';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-read';
import { notificationText } from './notification-text';

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = query.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('unread', { count: unread })}
        actions={
          <Button
            leftSection={<IconChecks size={18} />}
            variant="light"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('markAllRead')}
          </Button>
        }
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Stack gap="sm">
          {items.map((n) => {
            const text = notificationText(t, n);
            return (
              <Card key={n.id} withBorder padding="md" bg={n.readAt ? undefined : 'blue.0'}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4}>
                    <Group gap="xs">
                      {!n.readAt && (
                        <Badge size="xs" color="blue">
                          {t('new')}
                        </Badge>
                      )}
                      <Text fw={600}>{text.title}</Text>
                    </Group>
                    <Text size="sm">{text.body}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </Stack>
                  <Stack gap={4} align="flex-end">
                    {n.link && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => {
                          if (!n.readAt) markRead.mutate(n.id);
                          void navigate({ to: n.link as string });
                        }}
                      >
                        {t('open')}
                      </Button>
                    )}
                    {!n.readAt && (
                      <Button size="xs" variant="default" onClick={() => markRead.mutate(n.id)}>
                        {t('markRead')}
                      </Button>
                    )}
                  </Stack>
                </Group>
              </Card>
            );
          })}
          {query.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
            >
              {t('common:actions.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </>
  );
}
