import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowsMove,
  IconChevronDown,
  IconEdit,
  IconGitMerge,
  IconHistory,
  IconInfoCircle,
  IconPlus,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../../../shared/contracts/org-units';
import { hrefs, paths } from '../../../app/paths';
import { UnitStatusBadge, UnitTypeBadge } from '../../../components/ui/enum-badges';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDate } from '../../../lib/dates';
import { AuditList } from '../../audit/components/audit-list';
import { MemberList } from '../../members/components/member-list';
import { useOrgUnit } from '../api/get-org-unit';
import { useOrgUnits } from '../api/list-org-units';
import { CreateUnitModal } from './create-unit-modal';
import { EditUnitModal } from './edit-unit-modal';
import { DissolveUnitModal, MergeUnitsModal, MoveUnitModal } from './structure-modals';

type Dialog = 'edit' | 'child' | 'move' | 'merge' | 'dissolve' | null;

export function UnitPage() {
  const { t } = useTranslation('org');
  const { unitId } = useParams({ from: '/authed/org/$unitId' });
  const query = useOrgUnit(unitId);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const unit = query.data;
  const close = () => setDialog(null);
  const isActive = unit.status === 'active';
  // Officers keep their own unit's contact details and add units under it; renaming, moving, merging
  // and dissolving it is the superior committee's decision (server: canManage).
  const ownsUnit = unit.canEditDetails;

  return (
    <Stack gap="md">
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={paths.orgTree}>
          {t('tree.title')}
        </Anchor>
        {unit.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={hrefs.unit(a.id)}>
            {a.name}
          </Anchor>
        ))}
        <Text>{unit.name}</Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">{unit.name}</Title>
          <Group gap="xs">
            <UnitTypeBadge value={unit.type} />
            <UnitStatusBadge value={unit.status} />
            {unit.sector && <Text size="sm">{t(`enums:sector.${unit.sector}`)}</Text>}
            <Text size="sm" c="dimmed">
              {t('fields.code')}: {unit.code}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('detail.validity', {
              from: formatDate(unit.validFrom),
              to: unit.validTo ? formatDate(unit.validTo) : t('detail.now'),
            })}
          </Text>
        </Stack>
        {ownsUnit && isActive && (
          <Group gap="xs">
            <Button leftSection={<IconEdit size={18} />} variant="default" onClick={() => setDialog('edit')}>
              {t('common:actions.edit')}
            </Button>
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog('child')}>
              {t('actions.addChild')}
            </Button>
            {unit.canManage && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="light" rightSection={<IconChevronDown size={16} />}>
                    {t('actions.structure')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => setDialog('move')}>
                    {t('actions.move')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconGitMerge size={16} />} onClick={() => setDialog('merge')}>
                    {t('actions.merge')}
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => setDialog('dissolve')}
                  >
                    {t('actions.dissolve')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('counts.childUnits')} value={unit.counts.childUnits} />
        <Stat label={t('counts.members')} value={unit.counts.members} />
        <Stat label={t('counts.workingMembers')} value={unit.counts.workingMembers} />
        <Stat label={t('counts.residentWorkingMembers')} value={unit.counts.residentWorkingMembers} />
      </SimpleGrid>

      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            {t('detail.tabOverview')}
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            {t('detail.tabMembers')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />}>
            {t('detail.tabAudit')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview unit={unit} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MemberList filters={{ unitId: unit.id }} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditList scope={{ unitId: unit.id }} />
        </Tabs.Panel>
      </Tabs>

      {dialog === 'edit' && <EditUnitModal unit={unit} onClose={close} />}
      {dialog === 'child' && (
        <CreateUnitModal opened onClose={close} parent={{ id: unit.id, name: unit.name, type: unit.type }} />
      )}
      {dialog === 'move' && <MoveUnitModal unit={unit} onClose={close} />}
      {dialog === 'merge' && <MergeUnitsModal unit={unit} onClose={close} />}
      {dialog === 'dissolve' && <DissolveUnitModal unit={unit} onClose={close} />}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value.toLocaleString('vi-VN')}
      </Text>
    </Card>
  );
}

function Overview({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation('org');
  const children = useOrgUnits({ parentId: unit.id, includeInactive: true });

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder>
        <Title order={3} fz="md" mb="xs">
          {t('detail.contact')}
        </Title>
        <Stack gap={4}>
          <Info label={t('fields.address')} value={unit.address} />
          <Info label={t('fields.phone')} value={unit.phone} />
          <Info label={t('fields.email')} value={unit.email} />
          <Info label={t('fields.meetingPlace')} value={unit.meetingPlace} />
          {unit.residentialAreaName && (
            <Info label={t('fields.residentialArea')} value={unit.residentialAreaName} />
          )}
        </Stack>
      </Card>

      <Card withBorder>
        <Title order={3} fz="md" mb="xs">
          {t('detail.officers')}
        </Title>
        {unit.officers.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('detail.noOfficers')}
          </Text>
        ) : (
          <Stack gap={6}>
            {unit.officers.map((o) => (
              <Group key={`${o.userId}-${o.role}`} justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {o.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`enums:role.${o.role}`, { defaultValue: o.role })}
                    {o.position
                      ? ` · ${t(`enums:position.${o.position}`, { defaultValue: o.position })}`
                      : ''}
                  </Text>
                </Stack>
                {o.phone && (
                  <Anchor href={`tel:${o.phone}`} size="sm">
                    {o.phone}
                  </Anchor>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} fz="md" mb="xs">
          {t('detail.children')}
        </Title>
        {children.isPending ? (
          <LoadingState />
        ) : children.isError ? (
          <ErrorState error={children.error} />
        ) : children.data.length === 0 ? (
          <EmptyState title={t('detail.noChildren')} />
        ) : (
          <Stack gap="xs" aria-label={t('detail.children')}>
            {children.data.map((c) => (
              <Group key={c.id} gap={6} wrap="wrap" align="center">
                <Anchor component={Link} to={hrefs.unit(c.id)} fw={500} w="100%">
                  {c.name}
                </Anchor>
                <UnitTypeBadge value={c.type} size="xs" />
                {c.status !== 'active' && <UnitStatusBadge value={c.status} size="xs" />}
                {c.childCount > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('tree.childCount', { count: c.childCount })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} fz="md" mb="xs">
          {t('detail.history')}
        </Title>
        {unit.history.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('detail.noHistory')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.date')}</Table.Th>
                  <Table.Th>{t('history.event')}</Table.Th>
                  <Table.Th>{t('history.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unit.history.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{formatDate(h.effectiveDate)}</Table.Td>
                    <Table.Td>{t(`enums:unitEvent.${h.kind}`, { defaultValue: h.kind })}</Table.Td>
                    <Table.Td>
                      {[h.fromValue, h.toValue].filter(Boolean).join(' → ')}
                      {h.note && (
                        <Text size="xs" c="dimmed">
                          {h.note}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </SimpleGrid>
  );
}

function Info({ label, value }: { label: string; value: string | null }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Group>
  );
}
