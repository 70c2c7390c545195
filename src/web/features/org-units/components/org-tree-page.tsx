import { Button, Card, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefs } from '../../../app/paths';
import { UnitStatusBadge, UnitTypeBadge } from '../../../components/ui/enum-badges';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { useOrgUnits } from '../api/list-org-units';
import { CreateUnitModal } from './create-unit-modal';
import { OrgTreeNode } from './org-tree-node';

export function OrgTreePage() {
  const { t } = useTranslation('org');
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [createOpened, createModal] = useDisclosure(false);
  const roots = useOrgUnits({ includeInactive: includeInactive || undefined }, !q);
  const results = useOrgUnits({ q, includeInactive: includeInactive || undefined }, !!q);

  return (
    <>
      <PageHeader
        title={t('tree.title')}
        subtitle={t('tree.subtitle')}
        actions={
          isAdmin(me) && (
            <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
              {t('actions.newUnit')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('tree.search')}
            placeholder={t('tree.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
          />
          <Switch
            label={t('tree.includeInactive')}
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
      </Paper>

      {q ? (
        results.isPending ? (
          <LoadingState />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data.length === 0 ? (
          <EmptyState title={t('tree.noResults', { q })} />
        ) : (
          <Stack gap="xs" aria-label={t('tree.results')}>
            {results.data.map((unit) => (
              <Card
                key={unit.id}
                withBorder
                padding="sm"
                component={Link}
                to={hrefs.unit(unit.id)}
                className="rl-clickable"
              >
                <Group gap="xs" wrap="wrap">
                  <Text fw={500}>{unit.name}</Text>
                  <UnitTypeBadge value={unit.type} size="sm" />
                  {unit.status !== 'active' && <UnitStatusBadge value={unit.status} size="sm" />}
                  <Text size="xs" c="dimmed">
                    {unit.code}
                  </Text>
                </Group>
              </Card>
            ))}
          </Stack>
        )
      ) : roots.isPending ? (
        <LoadingState />
      ) : roots.isError ? (
        <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />
      ) : roots.data.length === 0 ? (
        <EmptyState title={t('tree.empty')} />
      ) : (
        <Paper withBorder p="xs">
          <ul role="tree" aria-label={t('tree.title')} style={{ margin: 0, padding: 0 }}>
            {roots.data.map((unit) => (
              <OrgTreeNode key={unit.id} unit={unit} level={0} defaultOpen={roots.data.length === 1} />
            ))}
          </ul>
        </Paper>
      )}
      {createOpened && <CreateUnitModal opened onClose={createModal.close} parent={null} />}
    </>
  );
}
