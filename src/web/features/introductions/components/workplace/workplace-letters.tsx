import { Button, Group, Select, Stack, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPrinter, IconRefresh, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../../../shared/contracts/introductions';
import { letterStatuses, type LetterStatus } from '../../../../../shared/rules/introduction-letter';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useIssueLetters } from '../../api/issue-letters';
import { useLetters, type LetterFilters } from '../../api/list-letters';
import { usePrintLetters } from '../../api/print-letters';
import { LetterList } from '../shared/letter-list';
import { ResendModal } from '../shared/resend-modal';
import { SearchField } from '../shared/search-field';
import { useSelection } from '../shared/use-selection';

/** The workplace's letters: issue drafts (signers), print, correct and re-send rejected ones. */
export function WorkplaceLetters({ unitId, canSign }: { unitId: string; canSign: boolean }) {
  const { t } = useTranslation('introductions');
  const [status, setStatus] = useState<LetterStatus | 'open' | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: LetterFilters = {
    side: 'workplace',
    unitId,
    status: status ?? undefined,
    q: q || undefined,
    overdue,
  };
  const query = useLetters(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const selection = useSelection(JSON.stringify(filters));
  const issue = useIssueLetters();
  const print = usePrintLetters();
  const [resending, setResending] = useState<LetterListItem | null>(null);
  const selectedDrafts = items.filter((l) => selection.has(l.id) && l.status === 'draft').map((l) => l.id);

  const doIssue = () =>
    issue.mutate(selectedDrafts, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('letters.issued', { count: r.changed }) });
        selection.clear();
      },
    });

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SearchField value={search} onChange={setSearch} />
        <Select
          label={t('fields.status')}
          placeholder={t('letters.allStatuses')}
          clearable
          w={220}
          data={[
            { value: 'open', label: t('letters.open') },
            ...letterStatuses.map((s) => ({ value: s, label: t(`enums:letterStatus.${s}`) })),
          ]}
          value={status}
          onChange={(v) => setStatus(v as LetterStatus | 'open' | null)}
        />
        <Switch
          label={t('letters.overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Group gap="xs">
        {canSign && (
          <Button
            leftSection={<IconSignature size={18} />}
            disabled={selectedDrafts.length === 0}
            loading={issue.isPending}
            onClick={doIssue}
          >
            {t('letters.issueSelected', { count: selectedDrafts.length })}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconPrinter size={18} />}
          disabled={selection.size === 0}
          loading={print.isPending}
          onClick={() => print.mutate(selection.ids)}
        >
          {t('letters.printSelected', { count: selection.size })}
        </Button>
      </Group>
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('letters.empty')}
        shown={t('letters.shown', { count: items.length })}
      >
        <LetterList
          items={items}
          columns={['commune', 'cell']}
          selection={selection}
          label={t('letters.label')}
          actions={(l) =>
            l.status === 'rejected' ? (
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconRefresh size={14} />}
                onClick={() => setResending(l)}
              >
                {t('resend.action')}
              </Button>
            ) : null
          }
        />
      </InfiniteListState>
      {resending && <ResendModal letter={resending} canSign={canSign} onClose={() => setResending(null)} />}
    </Stack>
  );
}
