import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentItem } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { CategoryBadge } from '../../../../components/ui/enum-badges';
import { InfiniteListState } from '../../../../components/ui/infinite-list-state';
import { useResidents } from '../../api/list-residents';
import { CellSelect } from '../shared/cell-select';
import { PhoneLink as Phone } from '../shared/phone-link';
import { SearchField } from '../shared/search-field';
import { LetterStatusBadge } from '../shared/status-badges';

/** Art. 4.1: the commune's list of working members living there, with whom to call at their workplace. */
export function ResidentList({ communeId }: { communeId: string }) {
  const { t } = useTranslation('introductions');
  const [cellId, setCellId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useResidents({ unitId: communeId, cellId: cellId ?? undefined, q: q || undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const isDesktop = useMediaQuery('(min-width: 62em)', true);

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SearchField value={search} onChange={setSearch} />
        <CellSelect
          label={t('fields.residenceCell')}
          placeholder={t('residents.allCells')}
          communeId={communeId}
          value={cellId}
          onChange={setCellId}
          w={280}
        />
      </Group>
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('residents.empty')}
        shown={t('residents.shown', { count: items.length })}
      >
        {isDesktop ? (
          <ResidentTable items={items} />
        ) : (
          <Stack gap="xs" aria-label={t('residents.label')}>
            {items.map((r) => (
              <ResidentCardCompact key={r.memberId} r={r} />
            ))}
          </Stack>
        )}
      </InfiniteListState>
    </Stack>
  );
}

function ResidentTable({ items }: { items: ResidentItem[] }) {
  const { t } = useTranslation('introductions');
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="sm" aria-label={t('residents.label')} bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.member')}</Table.Th>
            <Table.Th>{t('fields.residenceCell')}</Table.Th>
            <Table.Th>{t('fields.workplace')}</Table.Th>
            <Table.Th>{t('fields.category')}</Table.Th>
            <Table.Th>{t('fields.letter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.memberId}>
              <Table.Td>
                <Text fw={600}>{r.fullName}</Text>
                <Phone value={r.phone} />
                <Text size="xs" c="dimmed">
                  {r.residenceAddress}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">
                {r.residenceCellName ?? (
                  <Text c="orange.8" size="sm">
                    {t('residents.notPlaced')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.workplaceCommitteeName ?? '—'}</Text>
                <Phone value={r.workplaceCommitteePhone} />
                <Text size="xs" c="dimmed">
                  {[r.jobTitle, r.workplaceCellName].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <CategoryBadge value={r.category} />
              </Table.Td>
              <Table.Td>
                <LetterCell r={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ResidentCardCompact({ r }: { r: ResidentItem }) {
  const { t } = useTranslation('introductions');
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Text fw={600}>{r.fullName}</Text>
        <Phone value={r.phone} />
        <Text size="sm">{r.residenceCellName ?? t('residents.notPlaced')}</Text>
        <Text size="sm" c="dimmed">
          {r.workplaceCommitteeName}
        </Text>
        <Phone value={r.workplaceCommitteePhone} />
        <Group gap={6}>
          <CategoryBadge value={r.category} size="sm" />
          <LetterCell r={r} />
        </Group>
      </Stack>
    </Card>
  );
}

function LetterCell({ r }: { r: ResidentItem }) {
  if (!r.letterId || !r.letterStatus) return <Text size="sm">—</Text>;
  return (
    <Group gap={6}>
      <LetterStatusBadge value={r.letterStatus} size="sm" />
      <Anchor component={Link} to={hrefs.letter(r.letterId)} size="sm" c="blue.8">
        {r.letterNumber ?? '…'}
      </Anchor>
    </Group>
  );
}
