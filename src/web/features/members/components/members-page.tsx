import { Button, Collapse, Grid, Group, Paper, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  memberStatuses,
  residenceCategorySchema,
  type MemberStatus,
} from '../../../../shared/contracts/members';
import { PageHeader } from '../../../components/ui/page-header';
import { canCreateMembers } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { UnitPicker } from '../../lookups/components/unit-picker';
import { exportMembersUrl, type MemberFilters, type MemberSearch } from '../api/list-members';
import { MemberFormModal } from './member-form';
import { MemberList } from './member-list';

type Category = MemberFilters['category'];

export function MembersPage() {
  const { t } = useTranslation('members');
  const me = useCurrentUser();
  const urlSearch = useSearch({ from: '/authed/members' });
  const navigate = useNavigate({ from: '/members' });
  const [search, setSearch] = useState(urlSearch.q ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const { unitId, residenceCommuneId: communeId, category, status, workingOnly } = urlSearch;
  const hasFilters = !!(unitId || communeId || category || status || workingOnly);
  const [filtersOpen, filtersToggle] = useDisclosure(hasFilters);
  const [createOpen, createModal] = useDisclosure(false);

  const setFilter = (patch: Partial<MemberSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  // typed text reaches the URL once the typing pauses
  const lastQ = useRef(q);
  useEffect(() => {
    if (lastQ.current === q) return;
    lastQ.current = q;
    void navigate({ search: (prev) => ({ ...prev, q: q || undefined }), replace: true });
  }, [q, navigate]);
  // ...and a URL changed from outside (menu link, back) resets the box
  const [urlQ, setUrlQ] = useState(urlSearch.q);
  if (urlSearch.q !== urlQ) {
    setUrlQ(urlSearch.q);
    if ((urlSearch.q ?? '') !== q) setSearch(urlSearch.q ?? '');
  }

  const filters: MemberFilters = {
    q: q || undefined,
    unitId,
    residenceCommuneId: communeId,
    category,
    status,
    workingOnly: workingOnly || undefined,
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <>
            <Button
              component="a"
              href={exportMembersUrl(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={18} />}
            >
              {t('list.export')}
            </Button>
            {canCreateMembers(me) && (
              <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
                {t('list.new')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            style={{ flex: 1, minWidth: 200 }}
            label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            size="md"
          />
          <Button
            variant="light"
            size="md"
            leftSection={<IconAdjustments size={18} />}
            onClick={filtersToggle.toggle}
            aria-expanded={filtersOpen}
          >
            {t('list.filters')}
          </Button>
        </Group>
        <Collapse expanded={filtersOpen}>
          <Grid mt="sm">
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <UnitPicker
                label={t('filters.unit')}
                value={unitId ?? null}
                onChange={(id) => setFilter({ unitId: id ?? undefined })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <UnitPicker
                label={t('filters.residenceCommune')}
                type="commune_committee"
                value={communeId ?? null}
                onChange={(id) => setFilter({ residenceCommuneId: id ?? undefined })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Select
                label={t('fields.category')}
                clearable
                data={residenceCategorySchema.options.map((v) => ({
                  value: v,
                  label: t(`enums:category.${v}`),
                }))}
                value={category ?? null}
                onChange={(v) => setFilter({ category: (v ?? undefined) as Category })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Select
                label={t('fields.status')}
                clearable
                data={memberStatuses.map((v) => ({ value: v, label: t(`enums:memberStatus.${v}`) }))}
                value={status ?? null}
                onChange={(v) => setFilter({ status: (v ?? undefined) as MemberStatus | undefined })}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Switch
                label={t('filters.workingOnly')}
                checked={!!workingOnly}
                onChange={(e) => setFilter({ workingOnly: e.currentTarget.checked || undefined })}
              />
            </Grid.Col>
          </Grid>
        </Collapse>
      </Paper>
      <MemberList filters={filters} />
      {createOpen && <MemberFormModal mode="create" onClose={createModal.close} />}
    </>
  );
}
