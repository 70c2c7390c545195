import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRead } from '../../../../shared/contracts/privacy';
import { LoadMoreButton } from '../../../components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useRecordReads, type ReadsScope } from '../api/list-record-reads';

/** The web page a read came from, in words: the path the web sent (`/members/…`) by its first segments. */
const sourceKinds: [prefix: string, key: string][] = [
  ['/members/', 'memberPage'],
  ['/evaluations/', 'evaluationPage'],
  ['/introductions/letters/', 'letterPage'],
  ['/my-evaluation', 'evaluationPage'],
];

function SourceText({ source }: { source: string | null }) {
  const { t } = useTranslation('privacy');
  const kind = source ? sourceKinds.find(([prefix]) => source.startsWith(prefix))?.[1] : undefined;
  return (
    <Text size="sm" c="gray.7" title={source ?? undefined}>
      {t('reads.from', { page: kind ? t(`reads.sources.${kind}`) : (source ?? t('reads.sources.unknown')) })}
    </Text>
  );
}

function ReadRow({ read, onFilter }: { read: RecordRead; onFilter?: (r: RecordRead) => void }) {
  const { t } = useTranslation('privacy');
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{read.readerName ?? t('reads.unknownReader')}</Text>
            <Badge variant="light" color="gray">
              {t(`reads.what.${read.what}`, { defaultValue: read.what })}
            </Badge>
          </Group>
          <Text size="sm">{read.readerUnitName ?? t('reads.noUnit')}</Text>
          <SourceText source={read.source} />
          <Text size="xs" c="gray.7">
            {formatDateTime(read.at)}
          </Text>
        </Stack>
        {onFilter && (
          <Button
            variant="subtle"
            size="xs"
            mih={44}
            leftSection={<IconFilter size={16} />}
            onClick={() => onFilter(read)}
          >
            {t('reads.onlyThisReader')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Officers' reads of one record, newest first, a keyset page at a time; admins may narrow it to one reader. */
export function RecordReadsList({ scope, canFilter = false }: { scope: ReadsScope; canFilter?: boolean }) {
  const { t } = useTranslation('privacy');
  const [reader, setReader] = useState<{ id: string; name: string } | null>(null);
  const effective: ReadsScope =
    scope.kind === 'member' && reader ? { ...scope, readerUserId: reader.id } : scope;
  const query = useRecordReads(effective);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm">
      {reader && (
        <Group
          justify="space-between"
          px="sm"
          py={4}
          bg="blue.0"
          role="status"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Text fw={500}>{t('reads.filteredBy', { name: reader.name })}</Text>
          <Button variant="subtle" mih={44} leftSection={<IconX size={16} />} onClick={() => setReader(null)}>
            {t('reads.allReaders')}
          </Button>
        </Group>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('reads.empty')} />
      ) : (
        <>
          {items.map((r) => (
            <ReadRow
              key={r.id}
              read={r}
              onFilter={
                canFilter && !reader
                  ? (x) => setReader({ id: x.readerUserId, name: x.readerName ?? '' })
                  : undefined
              }
            />
          ))}
          <LoadMoreButton query={query} />
        </>
      )}
    </Stack>
  );
}
