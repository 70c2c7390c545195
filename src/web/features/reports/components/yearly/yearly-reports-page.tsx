import { Select, Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../../app/paths';
import { PageHeader } from '../../../../components/ui/page-header';
import { useCurrentUser } from '../../../auth/api/get-me';
import { MyReportsPanel } from './my-reports-panel';
import { SubmissionsPanel } from './submissions-panel';

const REPORTING = ['commune_committee', 'workplace_committee', 'bloc_committee', 'district_committee'];
const SUPERIOR = ['province_committee', 'bloc_committee', 'district_committee', 'commune_committee'];

/** Art. 5: the committee's own yearly report, and — for a committee with committees below — the reports it receives. */
export function YearlyReportsPage() {
  const { t } = useTranslation('reports');
  const me = useCurrentUser();
  const search = useSearch({ from: '/authed/reports/yearly' });
  const navigate = useNavigate({ from: paths.yearlyReports });
  const officer = me.roles.filter((g) => g.role === 'committee_officer');
  const writes = officer.some((g) => REPORTING.includes(g.unitType ?? ''));
  const receives = officer.some((g) => SUPERIOR.includes(g.unitType ?? ''));
  const thisYear = new Date().getFullYear();
  const year = search.year ?? thisYear;
  const tab = search.tab ?? (writes ? 'mine' : 'incoming');
  const set = (patch: Record<string, unknown>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  return (
    <>
      <PageHeader title={t('yearly.title')} subtitle={t('yearly.subtitle')} />
      <Stack gap="md">
        <Select
          label={t('filters.year')}
          data={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => v && set({ year: Number(v) })}
          allowDeselect={false}
          w={120}
        />
        <Tabs value={tab} onChange={(v) => v && set({ tab: v })} keepMounted={false}>
          <Tabs.List>
            {writes && <Tabs.Tab value="mine">{t('yearly.tabMine')}</Tabs.Tab>}
            {receives && <Tabs.Tab value="incoming">{t('yearly.tabIncoming')}</Tabs.Tab>}
          </Tabs.List>
          {writes && (
            <Tabs.Panel value="mine" pt="md">
              <MyReportsPanel year={year} />
            </Tabs.Panel>
          )}
          {receives && (
            <Tabs.Panel value="incoming" pt="md">
              <SubmissionsPanel
                year={year}
                unitId={search.unitId}
                onUnit={(id) => set({ unitId: id })}
                state={search.state}
                onClearState={() => set({ state: undefined })}
              />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </>
  );
}
