import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionItem } from '../../../../shared/contracts/account-security';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useSessions } from '../api/get-sessions';
import { useRevokeSession } from '../api/revoke-session';

/** "Chrome on Android" from a user agent, or the raw text when it is unusual. */
function deviceName(ua: string | null, unknown: string): string {
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser && os ? `${browser} · ${os}` : ua.slice(0, 60);
}

function SessionCard({ session }: { session: SessionItem }) {
  const { t } = useTranslation('auth');
  const revoke = useRevokeSession();
  const name = deviceName(session.userAgent, t('sessions.unknownDevice'));
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{name}</Text>
            {session.current && <Badge color="green">{t('sessions.current')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {t('sessions.details', {
              ip: session.ip ?? '—',
              created: formatDateTime(session.createdAt),
              lastSeen: formatDateTime(session.lastSeenAt),
            })}
          </Text>
        </Stack>
        {!session.current && (
          <Button
            variant="light"
            color="red"
            size="compact-md"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(session.id)}
            aria-label={t('sessions.revokeOne', { device: name })}
          >
            {t('sessions.revoke')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

export function SessionsList() {
  const { t } = useTranslation('auth');
  const query = useSessions();
  const revoke = useRevokeSession();
  const others = (query.data?.items ?? []).filter((s) => !s.current).length;
  return (
    <Stack>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="xs">
          {query.data.items.map((s) => (
            <SessionCard key={s.id} session={s} />
          ))}
        </Stack>
      )}
      {others > 0 && (
        <Button
          variant="outline"
          color="red"
          onClick={() => revoke.mutate('others')}
          loading={revoke.isPending}
        >
          {t('sessions.revokeOthers')}
        </Button>
      )}
    </Stack>
  );
}
