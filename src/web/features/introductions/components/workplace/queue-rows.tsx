import { Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../../../shared/contracts/introductions';
import { hrefs } from '../../../../app/paths';
import { CategoryBadge } from '../../../../components/ui/enum-badges';
import { OverdueBadge, StageBadge } from '../shared/status-badges';
import type { Selection } from '../shared/use-selection';

/** Members who can get a letter now: not introduced yet (a rejected letter is corrected and re-sent instead). */
export const canCreate = (m: QueueItem) => m.stage === 'not_introduced';

export function QueueTable({ items, selection }: { items: QueueItem[]; selection: Selection }) {
  const { t } = useTranslation('introductions');
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('queue.label')} bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('fields.member')}</Table.Th>
            <Table.Th>{t('fields.workplaceCell')}</Table.Th>
            <Table.Th>{t('fields.residence')}</Table.Th>
            <Table.Th>{t('fields.stage')}</Table.Th>
            <Table.Th>{t('fields.letter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.memberId} bg={selection.has(m.memberId) ? 'blue.0' : undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t('queue.select', { name: m.fullName })}
                  checked={selection.has(m.memberId)}
                  disabled={!canCreate(m)}
                  onChange={() => selection.toggle(m.memberId)}
                />
              </Table.Td>
              <Table.Td>
                <Text component={Link} to={hrefs.member(m.memberId)} fw={600} c="blue.9">
                  {m.fullName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {m.cardNumber}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.cellName}</Text>
                {m.category !== 'active' && <CategoryBadge value={m.category} size="xs" />}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.residenceCommuneName ?? t('summary.noCommune')}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.residenceAddress}
                </Text>
              </Table.Td>
              <Table.Td>
                <StageCell m={m} />
              </Table.Td>
              <Table.Td>
                <LetterCell m={m} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function QueueCards({ items, selection }: { items: QueueItem[]; selection: Selection }) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap="xs" aria-label={t('queue.label')}>
      {items.map((m) => (
        <Card key={m.memberId} withBorder padding="sm" bg={selection.has(m.memberId) ? 'blue.0' : undefined}>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <Checkbox
              mt={4}
              size="md"
              aria-label={t('queue.select', { name: m.fullName })}
              checked={selection.has(m.memberId)}
              disabled={!canCreate(m)}
              onChange={() => selection.toggle(m.memberId)}
            />
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text component={Link} to={hrefs.member(m.memberId)} fw={600} c="blue.9">
                {m.fullName}
              </Text>
              <Text size="sm" c="dimmed">
                {m.cellName}
              </Text>
              <Text size="sm">
                {m.residenceCommuneName ?? t('summary.noCommune')}
                {m.residenceAddress ? ` — ${m.residenceAddress}` : ''}
              </Text>
              <StageCell m={m} />
              <LetterCell m={m} />
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function StageCell({ m }: { m: QueueItem }) {
  const { t } = useTranslation('introductions');
  return (
    <Stack gap={4} align="flex-start">
      <StageBadge value={m.stage} />
      {m.overdue && <OverdueBadge issuedAt={m.issuedAt} size="sm" />}
      {m.rejectReason && (
        <Text size="xs" c="red.8">
          {t(`enums:rejectReason.${m.rejectReason}`)}
          {m.rejectNote ? `: ${m.rejectNote}` : ''}
        </Text>
      )}
      {m.residenceCellName && (
        <Text size="xs" c="dimmed">
          {m.residenceCellName}
        </Text>
      )}
    </Stack>
  );
}

function LetterCell({ m }: { m: QueueItem }) {
  const { t } = useTranslation('introductions');
  if (!m.letterId) return null;
  return (
    <Text component={Link} to={hrefs.letter(m.letterId)} size="sm" c="blue.8">
      {m.letterNumber ?? t('letter.draftLabel')}
    </Text>
  );
}
