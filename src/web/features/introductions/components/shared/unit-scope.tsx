import { Box, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me, RoleGrant } from '../../../../../shared/contracts/auth';
import type { UnitType } from '../../../../../shared/contracts/org-units';
import { isAdmin } from '../../../../lib/roles';
import { UnitPicker } from '../../../lookups/components/unit-picker';

/** The unit a hub works on: the one in the URL when the user may act for it, else their first grant. */
export function resolveHubUnit(me: Me, grants: RoleGrant[], urlUnitId: string | undefined): string | null {
  if (urlUnitId && (isAdmin(me) || grants.some((g) => g.unitId === urlUnitId))) return urlUnitId;
  return grants[0]?.unitId ?? null;
}

interface UnitScopeSelectProps {
  me: Me;
  grants: RoleGrant[];
  type: UnitType;
  value: string | null;
  onChange: (unitId: string | null) => void;
}

/** Admins pick any unit of the type; officers with several grants pick one of theirs; one grant needs no choice. */
export function UnitScopeSelect({ me, grants, type, value, onChange }: UnitScopeSelectProps) {
  const { t } = useTranslation('introductions');
  const initialLabel = grants.find((g) => g.unitId === value)?.unitName ?? null;
  if (isAdmin(me)) {
    return (
      <Box maw={560}>
        <UnitPicker
          label={t('scope.unit')}
          type={type}
          value={value}
          initialLabel={initialLabel}
          clearable={false}
          onChange={(id) => onChange(id)}
        />
      </Box>
    );
  }
  if (grants.length < 2) return null;
  return (
    <Select
      label={t('scope.unit')}
      allowDeselect={false}
      data={grants.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
      value={value}
      onChange={(id) => onChange(id)}
      maw={420}
    />
  );
}
