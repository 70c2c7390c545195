import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBackUp, IconHomeCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useLetters, type LetterFilters } from '../../api/list-letters';
import { LetterList } from '../shared/letter-list';
import { PlaceModal } from '../shared/place-modal';
import { RejectModal } from '../shared/reject-modal';
import { SearchField } from '../shared/search-field';
import { useSelection } from '../shared/use-selection';

type Incoming = 'issued' | 'received';

/** Letters addressed to the commune: receive, place in a residential cell, or send back (Art. 4.1). */
export function IncomingLetters({ communeId, initialStatus }: { communeId: string; initialStatus?: Incoming }) {
  const { t } = useTranslation('introductions');
  // a count on the home page opens the letters to receive or the members to place
  const [status, setStatus] = useState<Incoming>(initialStatus ?? 'issued');
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
        <SearchField value={search} onChange={setSearch} hiddenLabel />
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
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={status === 'issued' ? t('incoming.emptyIssued') : t('incoming.emptyReceived')}
        shown={t('letters.shown', { count: items.length })}
      >
        <LetterList
          items={items}
          columns={['issuer', 'address', 'suggestedCell']}
          selection={selection}
          label={t('incoming.label')}
        />
      </InfiniteListState>
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
