import { Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/contracts/accounts';
import { RoleBadge } from '../../../components/ui/enum-badges';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDateTime } from '../../../lib/dates';
import { useAccounts } from '../api/list-accounts';
import { AccountDrawer } from './account-drawer';
import { CreateAccountModal } from './create-account-modal';
import { JobsTable } from '../../jobs/components/jobs-table';

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useAccounts(q || undefined);
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const isDesktop = useMediaQuery('(min-width: 62em)', true);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const selected = items.find((a) => a.id === selectedId) ?? null;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('new')}
          </Button>
        }
      />
      <TextInput
        mb="md"
        label={t('search')}
        placeholder={t('searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Stack>
          {isDesktop ? (
            <Table striped highlightOnHover bg="white" aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.displayName')}</Table.Th>
                  <Table.Th>{t('fields.username')}</Table.Th>
                  <Table.Th>{t('fields.roles')}</Table.Th>
                  <Table.Th>{t('fields.lastLoginAt')}</Table.Th>
                  <Table.Th>{t('fields.isActive')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id} className="rl-clickable" onClick={() => setSelectedId(a.id)}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {a.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.email ?? a.phone ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{a.username}</Table.Td>
                    <Table.Td>
                      <Roles account={a} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(a.lastLoginAt)}</Table.Td>
                    <Table.Td>
                      <ActiveBadge active={a.isActive} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            items.map((a) => (
              <Card
                key={a.id}
                withBorder
                padding="sm"
                className="rl-clickable"
                onClick={() => setSelectedId(a.id)}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={600}>{a.displayName}</Text>
                    <Text size="sm" c="dimmed">
                      {a.username}
                    </Text>
                    <Roles account={a} />
                  </Stack>
                  <ActiveBadge active={a.isActive} />
                </Group>
              </Card>
            ))
          )}
          {query.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
            >
              {t('common:actions.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <JobsTable />
      {creating && (
        <CreateAccountModal onClose={() => setCreating(false)} onCreated={(a) => setSelectedId(a.id)} />
      )}
      <AccountDrawer account={selected} onClose={() => setSelectedId(null)} />
    </>
  );
}

function Roles({ account }: { account: Account }) {
  return (
    <Group gap={4}>
      {account.roles.map((r) => (
        <RoleBadge key={r.id} value={r.role} size="sm" />
      ))}
    </Group>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('accounts');
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light">
      {active ? t('active') : t('inactive')}
    </Badge>
  );
}
