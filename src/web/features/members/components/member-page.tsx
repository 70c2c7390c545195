import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconEdit, IconEye, IconHistory, IconId, IconUsersGroup } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefs, paths } from '../../../app/paths';
import { CategoryBadge, MemberStatusBadge } from '../../../components/ui/enum-badges';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-state';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { AuditList } from '../../audit/components/audit-list';
import { MemberContributionsCard } from '../../cell-life/components/member-contributions-card';
import { MemberWarningsCard } from '../../cell-life/components/member-warnings-card';
import { MemberRecordCard } from '../../meetings/components/member-record-card';
import { isAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../auth/api/get-me';
import { MemberReadsPanel } from '../../privacy/components/member-reads-panel';
import { useMember } from '../api/get-member';
import { MemberFormModal } from './member-form';
import { LivesAwayMarker } from './member-list';

export function MemberPage() {
  const { t } = useTranslation('members');
  const { memberId } = useParams({ from: '/authed/members/$memberId' });
  const query = useMember(memberId);
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.members}>
          {t('list.title')}
        </Anchor>
        <Text>{m.fullName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">{m.fullName}</Title>
          <Group gap="xs">
            <CategoryBadge value={m.category} />
            <MemberStatusBadge value={m.status} />
            {m.livesAway && <LivesAwayMarker />}
          </Group>
          <Text size="xs" c="dimmed">
            {t('detail.updatedAt', { at: formatDateTime(m.updatedAt) })}
          </Text>
        </Stack>
        {m.canEdit && (
          <Button leftSection={<IconEdit size={18} />} onClick={() => setEditing(true)}>
            {t('common:actions.edit')}
          </Button>
        )}
      </Group>

      <Tabs defaultValue="record" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="record" leftSection={<IconId size={16} />}>
            {t('detail.tabRecord')}
          </Tabs.Tab>
          <Tabs.Tab value="memberships" leftSection={<IconUsersGroup size={16} />}>
            {t('detail.tabMemberships')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />}>
            {t('detail.tabAudit')}
          </Tabs.Tab>
          {isAdmin(me) && (
            <Tabs.Tab value="reads" leftSection={<IconEye size={16} />}>
              {t('privacy:reads.tab')}
            </Tabs.Tab>
          )}
        </Tabs.List>

        <Tabs.Panel value="record" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Group3 title={t('sections.identity')}>
              <Field label={t('fields.sex')} value={t(`enums:sex.${m.sex}`)} />
              <Field label={t('fields.dateOfBirth')} value={formatDate(m.dateOfBirth)} />
              <Field label={t('fields.citizenId')} value={m.citizenId} />
              <Field label={t('fields.phone')} value={m.phone} />
              <Field label={t('fields.email')} value={m.email} />
            </Group3>
            <Group3 title={t('sections.party')}>
              <Field label={t('fields.cardNumber')} value={m.cardNumber} />
              <Field
                label={t('fields.cell')}
                value={
                  <Anchor component={Link} to={hrefs.unit(m.cellId)}>
                    {m.cellName}
                  </Anchor>
                }
              />
              <Field label={t('fields.dateAdmitted')} value={formatDate(m.dateAdmitted)} />
              <Field label={t('fields.dateOfficial')} value={formatDate(m.dateOfficial)} />
              <Field label={t('fields.isWorking')} value={m.isWorking ? t('common:yes') : t('common:no')} />
            </Group3>
            <Group3 title={t('sections.workplace')}>
              <Field label={t('fields.jobTitle')} value={m.jobTitle} />
              <Field label={t('fields.workplaceCommittee')} value={m.workplaceCommitteeName} />
            </Group3>
            <Group3 title={t('sections.registered')}>
              <Field label={t('fields.street')} value={m.registeredStreet} />
              <Field label={t('fields.area')} value={m.registeredArea} />
              <Field label={t('fields.commune')} value={m.registeredCommune} />
              <Field label={t('fields.province')} value={m.registeredProvince} />
            </Group3>
            <Group3 title={t('sections.residence')}>
              <Field label={t('fields.street')} value={m.residenceStreet} />
              <Field label={t('fields.residenceArea')} value={m.residenceAreaName} />
              <Field
                label={t('fields.residenceCommune')}
                value={
                  m.residenceCommuneId ? (
                    <Anchor component={Link} to={hrefs.unit(m.residenceCommuneId)}>
                      {m.residenceCommuneName}
                    </Anchor>
                  ) : null
                }
              />
              <Field label={t('fields.province')} value={m.residenceProvince} />
              <Field
                label={t('fields.residenceCell')}
                value={
                  m.residenceCellId ? (
                    <Anchor component={Link} to={hrefs.unit(m.residenceCellId)}>
                      {m.residenceCellName}
                    </Anchor>
                  ) : null
                }
              />
            </Group3>
            <Group3 title={t('sections.category')}>
              <Field label={t('fields.category')} value={<CategoryBadge value={m.category} />} />
              <Field label={t('fields.categoryReason')} value={m.categoryReason} />
              {m.category === 'exempt' && (
                <Field
                  label={t('fields.exemptPeriod')}
                  value={`${formatDate(m.exemptFrom)} – ${formatDate(m.exemptTo)}`}
                />
              )}
            </Group3>
          </SimpleGrid>
          {/* Art. 4.4: attendance, campaigns and warnings at the residence: the evidence for the yearly comment */}
          {m.isWorking && (
            <Stack mt="md" gap="md">
              <MemberRecordCard memberId={m.id} />
              <MemberContributionsCard memberId={m.id} />
              <MemberWarningsCard m={m} />
            </Stack>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="memberships" pt="md">
          {m.memberships.length === 0 ? (
            <EmptyState title={t('detail.noMemberships')} />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped bg="white" aria-label={t('detail.tabMemberships')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('memberships.unit')}</Table.Th>
                    <Table.Th>{t('memberships.kind')}</Table.Th>
                    <Table.Th>{t('memberships.role')}</Table.Th>
                    <Table.Th>{t('memberships.from')}</Table.Th>
                    <Table.Th>{t('memberships.to')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.memberships.map((ms) => (
                    <Table.Tr key={ms.id}>
                      <Table.Td>
                        <Anchor component={Link} to={hrefs.unit(ms.unitId)}>
                          {ms.unitName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`enums:membershipKind.${ms.kind}`)}</Table.Td>
                      <Table.Td>{t(`enums:membershipRole.${ms.role}`, { defaultValue: ms.role })}</Table.Td>
                      <Table.Td>{formatDate(ms.validFrom)}</Table.Td>
                      <Table.Td>{ms.validTo ? formatDate(ms.validTo) : t('memberships.current')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="audit" pt="md">
          <AuditList scope={{ entityType: 'member', entityId: m.id }} />
        </Tabs.Panel>
        {isAdmin(me) && (
          <Tabs.Panel value="reads" pt="md">
            <MemberReadsPanel memberId={m.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && <MemberFormModal mode="edit" member={m} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function Group3({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="xs">
        {title}
      </Title>
      <Stack gap={6}>{children}</Stack>
    </Card>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {value === null || value === undefined || value === '' ? '—' : value}
      </Text>
    </Group>
  );
}
