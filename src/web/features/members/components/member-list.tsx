import { Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHomeMove } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../../../shared/contracts/members';
import { hrefs, paths } from '../../../app/paths';
import { CategoryBadge, MemberStatusBadge } from '../../../components/ui/enum-badges';
import { InfiniteListState } from '../../../components/ui/infinite-list-state';
import { formatDate } from '../../../lib/dates';
import { useMembers, type MemberFilters } from '../api/list-members';

export function LivesAwayMarker() {
  const { t } = useTranslation('members');
  return (
    <Tooltip label={t('livesAwayHint')}>
      <Badge color="orange" variant="light" leftSection={<IconHomeMove size={12} />} size="sm">
        {t('livesAway')}
      </Badge>
    </Tooltip>
  );
}

/** Members matching the filters; a table on desktop, cards on phones. */
export function MemberList({ filters }: { filters: MemberFilters }) {
  const { t } = useTranslation('members');
  const query = useMembers(filters);
  const isDesktop = useMediaQuery('(min-width: 62em)', true);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm">
      <InfiniteListState
        query={query}
        count={items.length}
        emptyTitle={t('list.empty')}
        shown={t('list.shown', { count: items.length })}
      >
        {isDesktop ? <MemberTable items={items} /> : <MemberCards items={items} />}
      </InfiniteListState>
    </Stack>
  );
}

function MemberTable({ items }: { items: MemberListItem[] }) {
  const { t } = useTranslation('members');
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('list.label')} bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.fullName')}</Table.Th>
            <Table.Th>{t('fields.sex')}</Table.Th>
            <Table.Th>{t('fields.dateOfBirth')}</Table.Th>
            <Table.Th>{t('fields.cardNumber')}</Table.Th>
            <Table.Th>{t('fields.cell')}</Table.Th>
            <Table.Th>{t('fields.residence')}</Table.Th>
            <Table.Th>{t('fields.category')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr
              key={m.id}
              className="rl-clickable"
              onClick={() => void navigate({ to: paths.member, params: { memberId: m.id } })}
            >
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text
                    component={Link}
                    to={hrefs.member(m.id)}
                    fw={600}
                    c="blue.9"
                    style={{ whiteSpace: 'nowrap' }}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {m.fullName}
                  </Text>
                  {m.isWorking && (
                    <Badge size="xs" variant="outline" color="indigo">
                      {t('working')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{t(`enums:sex.${m.sex}`)}</Table.Td>
              <Table.Td>{formatDate(m.dateOfBirth)}</Table.Td>
              <Table.Td ff="monospace">{m.cardNumber}</Table.Td>
              <Table.Td>{m.cellName}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">
                    {[m.residenceAreaName, m.residenceCommuneName].filter(Boolean).join(', ') || '—'}
                  </Text>
                  {m.livesAway && <LivesAwayMarker />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <CategoryBadge value={m.category} styles={{ label: { whiteSpace: 'nowrap' } }} />
              </Table.Td>
              <Table.Td>
                <MemberStatusBadge value={m.status} styles={{ label: { whiteSpace: 'nowrap' } }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberCards({ items }: { items: MemberListItem[] }) {
  const { t } = useTranslation('members');
  return (
    <Stack gap="xs" aria-label={t('list.label')}>
      {items.map((m) => (
        <Card
          key={m.id}
          withBorder
          padding="sm"
          component={Link}
          to={hrefs.member(m.id)}
          className="rl-clickable"
        >
          <Stack gap={4}>
            <Text fw={600}>{m.fullName}</Text>
            <Text size="sm" c="dimmed">
              {t(`enums:sex.${m.sex}`)} · {formatDate(m.dateOfBirth)} · {m.cardNumber}
            </Text>
            <Text size="sm">{m.cellName}</Text>
            {(m.residenceAreaName || m.residenceCommuneName) && (
              <Text size="sm" c="dimmed">
                {[m.residenceAreaName, m.residenceCommuneName].filter(Boolean).join(', ')}
              </Text>
            )}
            <Group gap={6}>
              <CategoryBadge value={m.category} size="sm" />
              <MemberStatusBadge value={m.status} size="sm" />
              {m.isWorking && (
                <Badge size="sm" variant="outline" color="indigo">
                  {t('working')}
                </Badge>
              )}
              {m.livesAway && <LivesAwayMarker />}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
