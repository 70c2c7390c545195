import { Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterListItem } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { formatDate } from '../../../../lib/dates';
import { LetterStatusBadge, OverdueBadge } from './status-badges';
import { SelectAllCheckbox } from './select-all-checkbox';
import type { Selection } from './use-selection';

export type LetterColumn = 'issuer' | 'commune' | 'address' | 'suggestedCell' | 'cell';

interface LetterListProps {
  items: LetterListItem[];
  columns: LetterColumn[];
  selection?: Selection;
  /** rows that may be selected (for the batch steps on screen) */
  isSelectable?: (letter: LetterListItem) => boolean;
  actions?: (letter: LetterListItem) => ReactNode;
  label: string;
}

/** Letters as a table on desktop, cards on phones; selection for batch steps. */
export function LetterList(props: LetterListProps) {
  const isDesktop = useMediaQuery('(min-width: 62em)', true);
  const { selection, items, isSelectable } = props;
  const selectable = items.filter((l) => (isSelectable ? isSelectable(l) : true)).map((l) => l.id);
  return (
    <Stack gap="xs">
      {selection && <SelectAllCheckbox selection={selection} selectable={selectable} />}
      {isDesktop ? <LetterTable {...props} /> : <LetterCards {...props} />}
    </Stack>
  );
}

function LetterTable({ items, columns, selection, isSelectable, actions, label }: LetterListProps) {
  const { t } = useTranslation('introductions');
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label} bg="white">
        <Table.Thead>
          <Table.Tr>
            {selection && <Table.Th w={40} />}
            <Table.Th>{t('fields.member')}</Table.Th>
            <Table.Th>{t('fields.number')}</Table.Th>
            {columns.includes('issuer') && <Table.Th>{t('fields.issuer')}</Table.Th>}
            {columns.includes('commune') && <Table.Th>{t('fields.receivingCommune')}</Table.Th>}
            {columns.includes('address') && <Table.Th>{t('fields.address')}</Table.Th>}
            {columns.includes('suggestedCell') && <Table.Th>{t('fields.suggestedCell')}</Table.Th>}
            {columns.includes('cell') && <Table.Th>{t('fields.residenceCell')}</Table.Th>}
            <Table.Th>{t('fields.status')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <Table.Tr key={l.id} bg={l.overdue ? 'red.0' : selection?.has(l.id) ? 'blue.0' : undefined}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('letters.select', { name: l.memberName })}
                    checked={selection.has(l.id)}
                    disabled={isSelectable ? !isSelectable(l) : false}
                    onChange={() => selection.toggle(l.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Text component={Link} to={hrefs.letter(l.id)} fw={600} c="blue.9">
                  {l.memberName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {l.memberCardNumber}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {l.number ?? t('letter.draftLabel')}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(l.issuedAt ?? l.createdAt)}
                </Text>
              </Table.Td>
              {columns.includes('issuer') && <Table.Td fz="sm">{l.issuingUnitName}</Table.Td>}
              {columns.includes('commune') && <Table.Td fz="sm">{l.receivingCommuneName}</Table.Td>}
              {columns.includes('address') && <Table.Td fz="sm">{l.residenceAddress}</Table.Td>}
              {columns.includes('suggestedCell') && (
                <Table.Td fz="sm">{l.residenceCellName ?? l.suggestedCellName ?? '—'}</Table.Td>
              )}
              {columns.includes('cell') && <Table.Td fz="sm">{l.residenceCellName ?? '—'}</Table.Td>}
              <Table.Td>
                <StatusCell l={l} />
              </Table.Td>
              {actions && <Table.Td>{actions(l)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LetterCards({ items, columns, selection, isSelectable, actions, label }: LetterListProps) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap="xs" aria-label={label}>
      {items.map((l) => (
        <Card
          key={l.id}
          withBorder
          padding="sm"
          bg={l.overdue ? 'red.0' : selection?.has(l.id) ? 'blue.0' : undefined}
        >
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {selection && (
              <Checkbox
                mt={4}
                size="md"
                aria-label={t('letters.select', { name: l.memberName })}
                checked={selection.has(l.id)}
                disabled={isSelectable ? !isSelectable(l) : false}
                onChange={() => selection.toggle(l.id)}
              />
            )}
            <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Text component={Link} to={hrefs.letter(l.id)} fw={600} c="blue.9">
                {l.memberName}
              </Text>
              <Text size="sm" c="dimmed">
                {l.number ?? t('letter.draftLabel')} · {formatDate(l.issuedAt ?? l.createdAt)}
              </Text>
              {columns.includes('issuer') && <Text size="sm">{l.issuingUnitName}</Text>}
              {columns.includes('commune') && <Text size="sm">{l.receivingCommuneName}</Text>}
              {columns.includes('address') && (
                <Text size="sm" c="dimmed">
                  {l.residenceAddress}
                </Text>
              )}
              {columns.includes('suggestedCell') && (l.residenceCellName ?? l.suggestedCellName) && (
                <Text size="sm">
                  {t('fields.suggestedCell')}: {l.residenceCellName ?? l.suggestedCellName}
                </Text>
              )}
              {columns.includes('cell') && l.residenceCellName && (
                <Text size="sm">{l.residenceCellName}</Text>
              )}
              <StatusCell l={l} />
              {actions && <Group gap="xs">{actions(l)}</Group>}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function StatusCell({ l }: { l: LetterListItem }) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={4}>
        <LetterStatusBadge value={l.status} />
        {l.exempt && (
          <Text size="xs" c="yellow.9" fw={600}>
            {t('letter.exempt')}
          </Text>
        )}
      </Group>
      {l.overdue && <OverdueBadge issuedAt={l.issuedAt} size="sm" />}
      {l.status === 'rejected' && l.rejectReason && (
        <Text size="xs" c="red.8">
          {t(`enums:rejectReason.${l.rejectReason}`)}
          {l.rejectNote ? `: ${l.rejectNote}` : ''}
        </Text>
      )}
    </Stack>
  );
}
