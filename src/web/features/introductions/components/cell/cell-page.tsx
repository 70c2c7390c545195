import { Tabs } from '@mantine/core';
import { IconBell, IconUsers } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { cellGrants } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { HubLayout } from '../shared/hub-layout';
import { NoticeInbox } from '../shared/notice-inbox';
import { resolveHubUnit } from '../shared/unit-scope';
import { CellMembers } from './cell-members';

/** Art. 4.2: the residence cell lists its working members and tells each one how to get in touch. */
export function CellPage() {
  const { t } = useTranslation('introductions');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/introductions/cell' });
  const navigate = useNavigate({ from: paths.introductionsCell });
  const grants = cellGrants(me);
  const cellId = resolveHubUnit(me, grants, search.unitId);
  const cellName = grants.find((g) => g.unitId === cellId)?.unitName;
  const tab = search.tab === 'notices' ? 'notices' : 'members';

  return (
    <HubLayout
      title={t('cell.title')}
      subtitle={cellName ?? t('cell.subtitle')}
      me={me}
      grants={grants}
      type="residential_cell"
      unitId={cellId}
      onUnitChange={(id) => void navigate({ search: (prev) => ({ ...prev, unitId: id ?? undefined }) })}
      pickLabel={t('scope.pickCell')}
    >
      {(unitId) => (
        <Tabs
          key={unitId}
          value={tab}
          onChange={(v) => v && void navigate({ search: (prev) => ({ ...prev, tab: v }), replace: true })}
          keepMounted={false}
        >
          <Tabs.List grow>
            <Tabs.Tab value="members" leftSection={<IconUsers size={18} />} fz="md" py="md">
              {t('cell.tabMembers')}
            </Tabs.Tab>
            <Tabs.Tab value="notices" leftSection={<IconBell size={18} />} fz="md" py="md">
              {t('cell.tabNotices')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="members" pt="md">
            <CellMembers cellId={unitId} />
          </Tabs.Panel>
          <Tabs.Panel value="notices" pt="md">
            <NoticeInbox unitId={unitId} />
          </Tabs.Panel>
        </Tabs>
      )}
    </HubLayout>
  );
}
