import { Badge, Stack, Tabs } from '@mantine/core';
import { IconBell, IconFileText, IconListCheck, IconMessageQuestion } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntroductionStage } from '../../../../../shared/rules/introduction-letter';
import { paths } from '../../../../app/paths';
import { canSignFor, workplaceGrants } from '../../../../lib/roles';
import { useCurrentUser } from '../../../auth/api/get-me';
import { useWorkplaceSummary } from '../../api/get-workplace-summary';
import { CoverageCard } from '../shared/coverage-card';
import { HubLayout } from '../shared/hub-layout';
import { resolveHubUnit } from '../shared/unit-scope';
import { MemberQueue, type QueueScope } from './member-queue';
import { SummaryTable } from './summary-table';
import { WorkplaceLetters } from './workplace-letters';
import { WorkplaceNotices } from './workplace-notices';
import { WorkplaceRequests } from './workplace-requests';

const tabs = ['queue', 'letters', 'requests', 'notices'] as const;

/** Art. 3.1, 3.2: the workplace committee lists its members by residence, introduces them and sends notices. */
export function WorkplaceHubPage() {
  const { t } = useTranslation('introductions');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/introductions' });
  const navigate = useNavigate({ from: paths.introductions });
  const grants = workplaceGrants(me);
  const unitId = resolveHubUnit(me, grants, search.unitId);
  const tab = tabs.find((x) => x === search.tab) ?? 'queue';

  return (
    <HubLayout
      title={t('workplace.title')}
      subtitle={t('workplace.subtitle')}
      me={me}
      grants={grants}
      type="workplace_committee"
      unitId={unitId}
      onUnitChange={(id) => void navigate({ search: (prev) => ({ ...prev, unitId: id ?? undefined }) })}
      pickLabel={t('scope.pickWorkplace')}
    >
      {(id) => (
        <WorkplaceHub
          key={id}
          unitId={id}
          canSign={canSignFor(me, id)}
          tab={tab}
          onTab={(next) => void navigate({ search: (prev) => ({ ...prev, tab: next }), replace: true })}
        />
      )}
    </HubLayout>
  );
}

function WorkplaceHub(props: {
  unitId: string;
  canSign: boolean;
  tab: (typeof tabs)[number];
  onTab: (tab: string) => void;
}) {
  const { t } = useTranslation('introductions');
  const summary = useWorkplaceSummary(props.unitId);
  const [scope, setScope] = useState<QueueScope>({
    stage: 'not_introduced',
    communeId: null,
    communeName: null,
  });

  const pick = (stage: IntroductionStage | null, communeId: string | null, communeName: string | null) => {
    setScope({ stage, communeId, communeName });
    props.onTab('queue');
    requestAnimationFrame(() =>
      document.getElementById('intro-tabs')?.scrollIntoView({ behavior: 'smooth' }),
    );
  };

  return (
    <Stack gap="md">
      <SummaryTable query={summary} onPick={pick} />
      <CoverageCard unitId={props.unitId} side="workplace" />
      <Tabs id="intro-tabs" value={props.tab} onChange={(v) => v && props.onTab(v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="queue" leftSection={<IconListCheck size={16} />}>
            {t('workplace.tabQueue')}
          </Tabs.Tab>
          <Tabs.Tab value="letters" leftSection={<IconFileText size={16} />}>
            {t('workplace.tabLetters')}
          </Tabs.Tab>
          <Tabs.Tab
            value="requests"
            leftSection={<IconMessageQuestion size={16} />}
            rightSection={
              summary.data && summary.data.openRequests > 0 ? (
                <Badge size="sm" color="orange" circle>
                  {summary.data.openRequests}
                </Badge>
              ) : undefined
            }
          >
            {t('workplace.tabRequests')}
          </Tabs.Tab>
          <Tabs.Tab value="notices" leftSection={<IconBell size={16} />}>
            {t('workplace.tabNotices')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          <MemberQueue unitId={props.unitId} canSign={props.canSign} scope={scope} onScope={setScope} />
        </Tabs.Panel>
        <Tabs.Panel value="letters" pt="md">
          <WorkplaceLetters unitId={props.unitId} canSign={props.canSign} />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          <WorkplaceRequests unitId={props.unitId} canSign={props.canSign} />
        </Tabs.Panel>
        <Tabs.Panel value="notices" pt="md">
          <WorkplaceNotices unitId={props.unitId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
