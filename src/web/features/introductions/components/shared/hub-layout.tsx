import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, RoleGrant } from '../../../../../shared/contracts/auth';
import type { UnitType } from '../../../../../shared/contracts/org-units';
import { PageHeader } from '../../../../components/ui/page-header';
import { EmptyState } from '../../../../components/ui/query-state';
import { isAdmin } from '../../../../lib/roles';
import { UnitScopeSelect } from './unit-scope';

interface HubLayoutProps {
  title: string;
  subtitle: string;
  me: Me;
  grants: RoleGrant[];
  type: UnitType;
  /** from `resolveHubUnit` */
  unitId: string | null;
  onUnitChange: (unitId: string | null) => void;
  /** what an admin, who has no unit of their own, is asked to pick */
  pickLabel: string;
  children: (unitId: string) => ReactNode;
}

/** Every hub works on one unit: the header, the unit chooser, then the hub, or why there is none yet. */
export function HubLayout({
  title,
  subtitle,
  me,
  grants,
  type,
  unitId,
  onUnitChange,
  pickLabel,
  children,
}: HubLayoutProps) {
  const { t } = useTranslation('introductions');
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <Stack gap="md">
        <UnitScopeSelect me={me} grants={grants} type={type} value={unitId} onChange={onUnitChange} />
        {unitId ? children(unitId) : <EmptyState title={isAdmin(me) ? pickLabel : t('scope.noAccess')} />}
      </Stack>
    </>
  );
}
