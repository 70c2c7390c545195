import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBackUp, IconHomeCheck, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/ui/query-state';
import { useLetters, type LetterFilters } from '../../api/list-letters';
import { LetterList } from '../shared/letter-list';
import { PlaceModal } from '../shared/place-modal';
import { RejectModal } from '../shared/reject-modal';
import { useSelection } from '../shared/use-selection';

type Incoming = 'issued' | 'received';

/** Letters addressed to the commune: receive, place in a residential cell, or send back (Art. 4.1). */
export function IncomingLetters({ communeId }: { communeId: string }) {
  const { t } = useTranslation('introductions');
  const [status, setStatus] = useState<Incoming>('issued');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: LetterFilters = { side: 'commune', unitId: communeId, status, q: q || undefined };
  const query = useLetters(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const selection = useSelection(JSON.stringify(filters));
  const selected = items.filter((l) => selection.has(l.id));
  const [placing, setPlacing] = useState(false);
  const [rejecting, setRejecting] = useState(false);

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as Incoming)}
          data={[
            { value: 'issued', label: t('incoming.awaitingReceipt') },
            { value: 'received', label: t('incoming.awaitingPlacement') },
          ]}
        />
        <TextInput
          style={{ flex: 1, minWidth: 200 }}
          aria-label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <Group gap="xs">
        <Button
          leftSection={<IconHomeCheck size={18} />}
          disabled={selected.length === 0}
          onClick={() => setPlacing(true)}
        >
          {t('incoming.acceptAndPlace', { count: selected.length })}
        </Button>
        <Button
          variant="light"
          color="red"
          leftSection={<IconArrowBackUp size={18} />}
          disabled={selected.length === 0}
          onClick={() => setRejecting(true)}
        >
          {t('incoming.reject', { count: selected.length })}
        </Button>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'issued' ? t('incoming.emptyIssued') : t('incoming.emptyReceived')} />
      ) : (
        <>
          <LetterList
            items={items}
            columns={['issuer', 'address', 'suggestedCell']}
            selection={selection}
            label={t('incoming.label')}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('letters.shown', { count: items.length })}
            </Text>
            {query.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void query.fetchNextPage()}
                loading={query.isFetchingNextPage}
              >
                {t('common:actions.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
      {placing && (
        <PlaceModal
          communeId={communeId}
          letters={selected}
          onClose={() => setPlacing(false)}
          onDone={() => {
            selection.clear();
            setPlacing(false);
          }}
        />
      )}
      {rejecting && (
        <RejectModal
          letters={selected}
          onClose={() => setRejecting(false)}
          onDone={() => {
            selection.clear();
            setRejecting(false);
          }}
        />
      )}
    </Stack>
  );
}
