import { Alert, Text } from '@mantine/core';
import { IconCloudUpload, IconWifiOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/api/get-me';
// the meetings' kinds of offline change (check-in, ticks) register themselves with the outbox
import '../features/meetings/lib/offline-attendance';
import { phoneSaysOnline, useOnline } from '../lib/offline/network';
import { outbox, useOutboxItems } from '../lib/offline/phone-outbox';
import { whenServiceWorkerTakesOver } from '../lib/offline/register-sw';
import { useOldestSavedRead } from '../lib/offline/saved-reads';

/** While changes wait, try again this often: "online" is the phone's guess, not a promise of signal. */
const RETRY_MS = 10_000;

/**
 * Sends what waits on the phone when the app starts, when the phone is back online and every half minute
 * while something waits (decision 0010); then every page reads again. Shows a banner while offline, while
 * the page shows saved data, and while changes wait.
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const userId = me.user.id;
  const queryClient = useQueryClient();
  const online = useOnline();
  const savedAt = useOldestSavedRead();
  const waiting = useOutboxItems((i) => i.userId === userId).length;

  // what waits goes out; the pages read again after it, so they show what the server kept
  const sync = useCallback(
    () =>
      outbox.flush(userId).then(async (sent) => {
        if (sent.length) await queryClient.invalidateQueries();
      }),
    [userId, queryClient],
  );

  useEffect(() => {
    void outbox.load().then(sync);
    window.addEventListener('online', sync);
    const timer = setInterval(() => {
      if (phoneSaysOnline() && outbox.items().some((i) => i.userId === userId)) void sync();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', sync);
      clearInterval(timer);
    };
  }, [userId, sync]);

  // the first visit's reads, again, now that the service worker can save them
  useEffect(
    () => whenServiceWorkerTakesOver(() => void queryClient.refetchQueries({ type: 'active' })),
    [queryClient],
  );

  const wasOnline = useRef(online);
  useEffect(() => {
    // back online: what waits goes out and the pages read again, so the "saved at" banner goes once fresh data is in
    if (online && !wasOnline.current) void sync().then(() => queryClient.invalidateQueries());
    wasOnline.current = online;
  }, [online, queryClient, sync]);

  if (online && !savedAt && waiting === 0) return null;
  const at = savedAt ? dayjs(savedAt).format('HH:mm DD/MM/YYYY') : null;
  const text = at ? t('offline.bannerSaved', { at }) : !online ? t('offline.banner') : null;
  const offline = !online || !!at;
  return (
    <Alert
      role="status"
      aria-label={t('offline.bannerLabel')}
      color={offline ? 'orange' : 'blue'}
      variant="light"
      icon={offline ? <IconWifiOff size={20} /> : <IconCloudUpload size={20} />}
      mb="sm"
      p="xs"
    >
      {text && (
        <Text size="sm" fw={600}>
          {text}
        </Text>
      )}
      {waiting > 0 && <Text size="sm">{t('offline.pending', { count: waiting })}</Text>}
    </Alert>
  );
}
