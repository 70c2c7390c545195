import { Box, Chip, Group, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationQueue, EvaluationStatus } from '../../../../../shared/rules/evaluation';
import { ActiveFilter } from '../../../../components/ui/active-filter';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { SearchField } from '../../../introductions/components/shared/search-field';
import { useSelection } from '../../../introductions/components/shared/use-selection';
import { UnitPicker } from '../../../lookups/components/unit-picker';
import { useEvaluations, type EvaluationFilters } from '../../api/list-evaluations';
import type { ResidenceSide } from '../../lib/sides';
import { StatusSelect } from '../shared/status-select';
import { useKindLabel } from '../shared/use-kind-label';
import { CommuneBatchBar } from './commune-batch-bar';
import { EvaluationList } from './evaluation-list';

interface ResidenceListProps {
  side: ResidenceSide;
  year: number;
  /** the secretary's cell when they have several; the commune's per-cell filter is inside */
  cellId?: string | null;
  /** the work queue a count on the home page opened the list with */
  queue?: EvaluationQueue;
  onClearQueue?: () => void;
}

/**
 * One residence side's work list (Art. 4.4–4.5): search by name (diacritics ignored), status, flagged
 * and overdue; the commune ticks signed forms to confirm or return them in one step.
 */
export function ResidenceList({ side, year, cellId, queue, onClearQueue }: ResidenceListProps) {
  const { t } = useTranslation('evaluations');
  const kindLabel = useKindLabel();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  // the commune's work is the forms the cells signed; the cells' is everything still open (a queue says itself)
  const [status, setStatus] = useState<EvaluationStatus | null>(side === 'commune' && !queue ? 'signed' : null);
  const [flags, setFlags] = useState<string[]>([]);
  const [communeCell, setCommuneCell] = useState<string | null>(null);
  const unitId = side === 'commune' ? communeCell : cellId;
  const filters: EvaluationFilters = {
    side,
    year,
    unitId: unitId ?? undefined,
    status: status ?? undefined,
    flagged: flags.includes('flagged') || undefined,
    overdue: flags.includes('overdue') || undefined,
    queue,
    q: q || undefined,
  };
  const query = useEvaluations(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const commune = side === 'commune';
  const selection = useSelection(JSON.stringify(filters));
  const selected = items.filter((e) => selection.has(e.id));

  return (
    <Stack gap="sm">
      {queue && onClearQueue && <ActiveFilter label={t(`home:filter.evaluations.${queue}`)} onClear={onClearQueue} />}
      <Group align="flex-end" gap="sm">
        {commune && (
          <Box w={{ base: '100%', sm: 320 }}>
            <UnitPicker
              label={t('filters.cell')}
              placeholder={t('filters.allCells')}
              type="residential_cell"
              within="reach"
              value={communeCell}
              onChange={(id) => setCommuneCell(id)}
            />
          </Box>
        )}
        <SearchField value={search} onChange={setSearch} minWidth={180} />
        <StatusSelect value={status} onChange={setStatus} />
      </Group>
      <Chip.Group multiple value={flags} onChange={setFlags}>
        <Group gap="xs">
          <Chip value="flagged" color="orange" size="md">
            {t('filters.flagged')}
          </Chip>
          <Chip value="overdue" color="red" size="md">
            {t('filters.overdue')}
          </Chip>
        </Group>
      </Chip.Group>
      {commune && <CommuneBatchBar selected={selected} onDone={selection.clear} />}
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t(`list.empty.${side}`)}
        shown={t('shown', { count: items.length })}
      >
        <EvaluationList
          items={items}
          columns={commune ? ['cell', 'workplace', 'progress'] : ['workplace', 'progress']}
          label={t('list.title')}
          kindLabel={kindLabel}
          selection={commune ? selection : undefined}
          isSelectable={commune ? (e) => e.status === 'signed' : undefined}
        />
      </InfiniteListState>
    </Stack>
  );
}
