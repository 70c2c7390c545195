import { Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationListItem } from '../../../../../shared/contracts/evaluations';
import { formatDate } from '../../../../lib/dates';
import { SelectAllCheckbox } from '../../../introductions/components/shared/select-all-checkbox';
import type { Selection } from '../../../introductions/components/shared/use-selection';
import { EvaluationStatusBadge, FlagBadge, OverdueBadge } from '../shared/evaluation-badges';
import { hrefs } from '../../../../app/paths';

export type EvaluationColumn = 'cell' | 'workplace' | 'commune' | 'progress';

interface EvaluationListProps {
  items: EvaluationListItem[];
  columns: EvaluationColumn[];
  label: string;
  kindLabel: (e: EvaluationListItem) => string;
  selection?: Selection;
  /** rows the batch steps on screen apply to */
  isSelectable?: (e: EvaluationListItem) => boolean;
}

/** Evaluations as a table on an office screen, as large cards on a phone (one tap opens the form). */
export function EvaluationList(props: EvaluationListProps) {
  const isDesktop = useMediaQuery('(min-width: 62em)', true);
  const { selection, items, isSelectable } = props;
  const selectable = items.filter((e) => (isSelectable ? isSelectable(e) : true)).map((e) => e.id);
  return (
    <Stack gap="xs">
      {selection && <SelectAllCheckbox selection={selection} selectable={selectable} />}
      {isDesktop ? <EvaluationTable {...props} /> : <EvaluationCards {...props} />}
    </Stack>
  );
}

function EvaluationTable({ items, columns, label, kindLabel, selection, isSelectable }: EvaluationListProps) {
  const { t } = useTranslation('evaluations');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label} bg="white">
        <Table.Thead>
          <Table.Tr>
            {selection && <Table.Th w={40} />}
            <Table.Th>{t('fields.member')}</Table.Th>
            {columns.includes('cell') && <Table.Th>{t('fields.cell')}</Table.Th>}
            {columns.includes('workplace') && <Table.Th>{t('fields.workplace')}</Table.Th>}
            {columns.includes('commune') && <Table.Th>{t('fields.commune')}</Table.Th>}
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th>{t('fields.due')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            {columns.includes('progress') && <Table.Th w={170}>{t('fields.progress')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} bg={e.overdue ? 'red.0' : selection?.has(e.id) ? 'blue.0' : undefined}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('list.select', { name: e.fullName })}
                    checked={selection.has(e.id)}
                    disabled={isSelectable ? !isSelectable(e) : false}
                    onChange={() => selection.toggle(e.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Text component={Link} to={hrefs.evaluation(e.id)} fw={600} c="blue.9">
                  {e.fullName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {e.cardNumber}
                </Text>
              </Table.Td>
              {columns.includes('cell') && <Table.Td fz="sm">{e.cellName ?? t('header.noCell')}</Table.Td>}
              {columns.includes('workplace') && <Table.Td fz="sm">{e.workplaceUnitName}</Table.Td>}
              {columns.includes('commune') && <Table.Td fz="sm">{e.communeName}</Table.Td>}
              <Table.Td fz="sm">{kindLabel(e)}</Table.Td>
              <Table.Td fz="sm" c={e.overdue ? 'red.8' : undefined} fw={e.overdue ? 700 : undefined}>
                {formatDate(e.dueDate)}
              </Table.Td>
              <Table.Td>
                <StatusCell e={e} />
              </Table.Td>
              {columns.includes('progress') && (
                <Table.Td>
                  <Progress e={e} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EvaluationCards({ items, label, ...rest }: EvaluationListProps) {
  return (
    <Stack gap="xs" aria-label={label} role="list">
      {items.map((e) => (
        <div key={e.id} role="listitem">
          <EvaluationCard e={e} {...rest} />
        </div>
      ))}
    </Stack>
  );
}

type CardProps = Omit<EvaluationListProps, 'items' | 'label'> & { e: EvaluationListItem };

/** On a phone: with a selection, a checkbox and the name as a link; without, the whole card is the link. */
function EvaluationCard({ e, columns, kindLabel, selection, isSelectable }: CardProps) {
  const { t } = useTranslation('evaluations');
  const body: ReactNode = (
    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
      {selection ? (
        <Text fw={700} fz="lg" lh={1.3} c="blue.9" component={Link} to={hrefs.evaluation(e.id)}>
          {e.fullName}
        </Text>
      ) : (
        <Text fw={700} fz="lg" lh={1.3} c="blue.9">
          {e.fullName}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {kindLabel(e)}
      </Text>
      {columns.includes('cell') && <Text size="sm">{e.cellName ?? t('header.noCell')}</Text>}
      {columns.includes('workplace') && <Text size="sm">{e.workplaceUnitName}</Text>}
      <Text size="sm" c={e.overdue ? 'red.8' : undefined} fw={e.overdue ? 700 : undefined}>
        {t('list.dueOn', { date: formatDate(e.dueDate) })}
      </Text>
      <StatusCell e={e} />
      {columns.includes('progress') && <Progress e={e} />}
    </Stack>
  );
  if (!selection)
    return (
      <Card
        withBorder
        padding="md"
        component={Link}
        to={hrefs.evaluation(e.id)}
        className="rl-clickable"
        bg={e.overdue ? 'red.0' : undefined}
      >
        {body}
      </Card>
    );
  return (
    <Card withBorder padding="sm" bg={e.overdue ? 'red.0' : selection.has(e.id) ? 'blue.0' : undefined}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox
          mt={4}
          size="md"
          aria-label={t('list.select', { name: e.fullName })}
          checked={selection.has(e.id)}
          disabled={isSelectable ? !isSelectable(e) : false}
          onChange={() => selection.toggle(e.id)}
        />
        {body}
      </Group>
    </Card>
  );
}

function StatusCell({ e }: { e: EvaluationListItem }) {
  return (
    <Group gap={4}>
      <EvaluationStatusBadge value={e.status} />
      {e.overdue && <OverdueBadge size="sm" />}
      {e.flags.length > 0 && <FlagBadge count={e.flags.length} size="sm" />}
    </Group>
  );
}

/** The residence side's own steps: self-report in, Front head co-signed. */
function Progress({ e }: { e: EvaluationListItem }) {
  const { t } = useTranslation('evaluations');
  const item = (done: boolean, label: string) => (
    <Group gap={4} wrap="nowrap">
      <IconCheck
        size={14}
        color={done ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-4)'}
        aria-hidden
      />
      <Text size="xs" c={done ? undefined : 'dimmed'}>
        {label}
      </Text>
    </Group>
  );
  return (
    <Stack gap={2}>
      {item(e.selfReported, e.selfReported ? t('list.selfReported') : t('list.noSelfReport'))}
      {item(e.frontSigned, e.frontSigned ? t('list.frontSigned') : t('list.frontNotSigned'))}
    </Stack>
  );
}
