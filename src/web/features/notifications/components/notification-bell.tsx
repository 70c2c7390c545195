import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { useUnreadCount } from '../api/get-unread-count';

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { data: unread = 0 } = useUnreadCount();
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4} color="red">
      <ActionIcon
        component={Link}
        to={paths.notifications}
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t('bell', { count: unread })}
      >
        <IconBell size={22} />
      </ActionIcon>
    </Indicator>
  );
}
