import { Button, Chip, Group, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationQueue, EvaluationStatus } from '../../../../../shared/rules/evaluation';
import { ActiveFilter } from '../../../../components/ui/active-filter';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { SearchField } from '../../../introductions/components/shared/search-field';
import { listAllEvaluations, useEvaluations, type EvaluationFilters } from '../../api/list-evaluations';
import { EvaluationList } from '../list/evaluation-list';
import { StatusSelect } from '../shared/status-select';
import { useKindLabel } from '../shared/use-kind-label';
import { ReleaseModal } from './release-modal';

/** The committee's requests, wherever they stand; "release all delivered" tells every member whose comment arrived. */
export function WorkplaceRequests({
  unitId,
  year,
  queue,
  onClearQueue,
}: {
  unitId: string;
  year: number;
  /** the work queue a count on the home page opened the list with */
  queue?: EvaluationQueue;
  onClearQueue?: () => void;
}) {
  const { t } = useTranslation('evaluations');
  const kindLabel = useKindLabel();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<EvaluationStatus | null>(null);
  const [flags, setFlags] = useState<string[]>([]);
  const filters: EvaluationFilters = {
    side: 'workplace',
    unitId,
    year,
    status: status ?? undefined,
    overdue: flags.includes('overdue') || undefined,
    flagged: flags.includes('flagged') || undefined,
    queue,
    q: q || undefined,
  };
  const query = useEvaluations(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [collecting, setCollecting] = useState(false);
  const [releasing, setReleasing] = useState<{ id: string; fullName: string }[] | null>(null);

  const releaseAll = async () => {
    setCollecting(true);
    try {
      const delivered = await listAllEvaluations({ side: 'workplace', unitId, year, status: 'delivered' });
      if (delivered.length === 0) notifications.show({ color: 'blue', message: t('release.noneDelivered') });
      else setReleasing(delivered);
    } finally {
      setCollecting(false);
    }
  };

  return (
    <Stack gap="sm">
      {queue && onClearQueue && <ActiveFilter label={t(`home:filter.evaluations.${queue}`)} onClear={onClearQueue} />}
      <Group align="flex-end" gap="sm">
        <SearchField value={search} onChange={setSearch} minWidth={200} />
        <StatusSelect value={status} onChange={setStatus} />
        <Button
          leftSection={<IconSend size={18} />}
          variant="light"
          loading={collecting}
          onClick={() => void releaseAll()}
        >
          {t('release.allDelivered')}
        </Button>
      </Group>
      <Chip.Group multiple value={flags} onChange={setFlags}>
        <Group gap="xs">
          <Chip value="flagged" color="orange">
            {t('filters.flagged')}
          </Chip>
          <Chip value="overdue" color="red">
            {t('filters.overdue')}
          </Chip>
        </Group>
      </Chip.Group>
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('list.empty.commune')}
        shown={t('shown', { count: items.length })}
      >
        <EvaluationList
          items={items}
          columns={['commune', 'cell']}
          label={t('workplace.tabRequests')}
          kindLabel={kindLabel}
        />
      </InfiniteListState>
      {releasing && (
        <ReleaseModal
          evaluations={releasing}
          onClose={() => setReleasing(null)}
          onDone={() => setReleasing(null)}
        />
      )}
    </Stack>
  );
}
