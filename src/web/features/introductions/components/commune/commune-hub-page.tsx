import { Tabs } from '@mantine/core';
import { IconBell, IconChartBar, IconInbox, IconMessageQuestion, IconUsers } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { communeGrants } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { CoverageCard } from '../shared/coverage-card';
import { HubLayout } from '../shared/hub-layout';
import { NoticeInbox } from '../shared/notice-inbox';
import { resolveHubUnit } from '../shared/unit-scope';
import { CommuneRequests } from './commune-requests';
import { IncomingLetters } from './incoming-letters';
import { ResidentList } from './resident-list';

const tabs = ['incoming', 'residents', 'requests', 'notices', 'coverage'] as const;

/** Art. 4.1: the commune committee receives the letters, lists the working members living there, places them. */
export function CommuneHubPage() {
  const { t } = useTranslation('introductions');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/introductions/inbox' });
  const navigate = useNavigate({ from: paths.introductionsInbox });
  const grants = communeGrants(me);
  const unitId = resolveHubUnit(me, grants, search.unitId);
  const tab = tabs.find((x) => x === search.tab) ?? 'incoming';
  const setTab = (next: string | null) =>
    next && void navigate({ search: (prev) => ({ ...prev, tab: next }), replace: true });

  return (
    <HubLayout
      title={t('commune.title')}
      subtitle={t('commune.subtitle')}
      me={me}
      grants={grants}
      type="commune_committee"
      unitId={unitId}
      onUnitChange={(id) => void navigate({ search: (prev) => ({ ...prev, unitId: id ?? undefined }) })}
      pickLabel={t('scope.pickCommune')}
    >
      {(communeId) => (
        <Tabs key={communeId} value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="incoming" leftSection={<IconInbox size={16} />}>
              {t('commune.tabIncoming')}
            </Tabs.Tab>
            <Tabs.Tab value="residents" leftSection={<IconUsers size={16} />}>
              {t('commune.tabResidents')}
            </Tabs.Tab>
            <Tabs.Tab value="requests" leftSection={<IconMessageQuestion size={16} />}>
              {t('commune.tabRequests')}
            </Tabs.Tab>
            <Tabs.Tab value="notices" leftSection={<IconBell size={16} />}>
              {t('commune.tabNotices')}
            </Tabs.Tab>
            <Tabs.Tab value="coverage" leftSection={<IconChartBar size={16} />}>
              {t('coverage.title')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="incoming" pt="md">
            <IncomingLetters communeId={communeId} initialStatus={search.status} />
          </Tabs.Panel>
          <Tabs.Panel value="residents" pt="md">
            <ResidentList communeId={communeId} />
          </Tabs.Panel>
          <Tabs.Panel value="requests" pt="md">
            <CommuneRequests communeId={communeId} />
          </Tabs.Panel>
          <Tabs.Panel value="notices" pt="md">
            <NoticeInbox unitId={communeId} />
          </Tabs.Panel>
          <Tabs.Panel value="coverage" pt="md">
            <CoverageCard unitId={communeId} side="residence" />
          </Tabs.Panel>
        </Tabs>
      )}
    </HubLayout>
  );
}
