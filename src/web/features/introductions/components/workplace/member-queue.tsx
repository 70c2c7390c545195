import { Badge, Button, Chip, CloseButton, Group, Stack } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconFilePlus, IconSignature, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLettersResponse } from '../../../../../shared/contracts/introductions';
import { introductionStages, type IntroductionStage } from '../../../../../shared/rules/introduction-letter';
import { useExplained } from '../../../../components/ui/explained';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useCreateLetters } from '../../api/create-letters';
import { useWorkplaceMembers, type QueueFilters } from '../../api/list-workplace-members';
import { SearchField } from '../shared/search-field';
import { SelectAllCheckbox } from '../shared/select-all-checkbox';
import { useSelection } from '../shared/use-selection';
import { CreateResultCard } from './create-result-card';
import { canCreate, QueueCards, QueueTable } from './queue-rows';
import { WholeCellModal } from './whole-cell-modal';

export interface QueueScope {
  stage: IntroductionStage | null;
  communeId: string | null;
  communeName: string | null;
}

interface MemberQueueProps {
  unitId: string;
  canSign: boolean;
  scope: QueueScope;
  onScope: (scope: QueueScope) => void;
}

export function MemberQueue({ unitId, canSign, scope, onScope }: MemberQueueProps) {
  const { t } = useTranslation('introductions');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: QueueFilters = {
    unitId,
    stage: scope.stage ?? undefined,
    communeId: scope.communeId ?? undefined,
    q: q || undefined,
  };
  const query = useWorkplaceMembers(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const selectable = items.filter(canCreate).map((m) => m.memberId);
  const selection = useSelection(JSON.stringify(filters));
  const pickFirst = useExplained(selection.size === 0 ? t('queue.pickFirst') : null);
  const create = useCreateLetters();
  const [result, setResult] = useState<CreateLettersResponse | null>(null);
  const [cellModal, setCellModal] = useState(false);
  const isDesktop = useMediaQuery('(min-width: 62em)', true);

  const run = (issue: boolean) =>
    create.mutate(
      { memberIds: selection.ids, issue },
      {
        onSuccess: (r) => {
          setResult(r);
          selection.clear();
        },
      },
    );

  return (
    <Stack gap="sm">
      {result && <CreateResultCard result={result} onClose={() => setResult(null)} />}
      <Chip.Group
        value={scope.stage ?? 'all'}
        onChange={(v) => onScope({ ...scope, stage: v === 'all' ? null : (v as IntroductionStage) })}
      >
        <Group gap={6} aria-label={t('queue.stageFilter')} role="group">
          <Chip value="all" size="sm">
            {t('queue.allStages')}
          </Chip>
          {introductionStages.map((stage) => (
            <Chip key={stage} value={stage} size="sm">
              {t(`enums:introStage.${stage}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group align="flex-end" gap="sm">
        <SearchField value={search} onChange={setSearch} minWidth={220} />
        {scope.communeId && (
          <Badge
            size="lg"
            variant="light"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('queue.clearCommune')}
                onClick={() => onScope({ ...scope, communeId: null, communeName: null })}
              />
            }
          >
            {scope.communeName}
          </Badge>
        )}
      </Group>
      <Group gap="xs">
        <Button
          leftSection={<IconFilePlus size={18} />}
          disabled={create.isPending && !!create.variables?.issue}
          loading={create.isPending && !create.variables?.issue}
          onClick={() => run(false)}
          {...pickFirst.props}
        >
          {t('queue.createLetters', { count: selection.size })}
        </Button>
        {canSign && (
          <Button
            variant="light"
            leftSection={<IconSignature size={18} />}
            disabled={create.isPending}
            loading={create.isPending && !!create.variables?.issue}
            onClick={() => run(true)}
            {...pickFirst.props}
          >
            {t('queue.createAndIssue', { count: selection.size })}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconUsersGroup size={18} />}
          onClick={() => setCellModal(true)}
        >
          {t('queue.wholeCell')}
        </Button>
      </Group>
      {pickFirst.note}

      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('queue.empty')}
        shown={t('queue.shown', { count: items.length })}
      >
        <SelectAllCheckbox selection={selection} selectable={selectable} />
        {isDesktop ? (
          <QueueTable items={items} selection={selection} />
        ) : (
          <QueueCards items={items} selection={selection} />
        )}
      </InfiniteListState>
      <WholeCellModal
        opened={cellModal}
        canSign={canSign}
        onClose={() => setCellModal(false)}
        onDone={(r) => {
          setResult(r);
          setCellModal(false);
        }}
      />
    </Stack>
  );
}
