import { Box, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/contracts/auth';
import { cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { UnitPicker } from '../../lookups/components/unit-picker';

/** Admins and commune officers look at any cell below them (or all at once); secretaries at their own. */
export function seesManyCells(me: Me): boolean {
  return isAdmin(me) || communeGrants(me).length > 0;
}

/** The cell the page works on: the one in the URL when the user may see it, else their own cell. */
export function resolveCell(me: Me, urlCellId: string | undefined): string | null {
  const own = cellGrants(me);
  if (urlCellId && (seesManyCells(me) || own.some((g) => g.unitId === urlCellId))) return urlCellId;
  return seesManyCells(me) ? null : (own[0]?.unitId ?? null);
}

export function cellNameOf(me: Me, cellId: string | null): string | null {
  return cellGrants(me).find((g) => g.unitId === cellId)?.unitName ?? null;
}

interface CellScopeProps {
  me: Me;
  value: string | null;
  onChange: (cellId: string | null) => void;
}

/** One cell grant needs no choice; several are a select; officers above search any cell (empty = all). */
export function CellScope({ me, value, onChange }: CellScopeProps) {
  const { t } = useTranslation('meetings');
  const own = cellGrants(me);
  if (seesManyCells(me)) {
    return (
      <Box maw={560}>
        <UnitPicker
          label={t('scope.cell')}
          placeholder={t('scope.allCells')}
          type="residential_cell"
          within="reach"
          value={value}
          initialLabel={cellNameOf(me, value)}
          onChange={(id) => onChange(id)}
        />
      </Box>
    );
  }
  if (own.length < 2) return null;
  return (
    <Select
      label={t('scope.cell')}
      allowDeselect={false}
      data={own.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
      value={value}
      onChange={(id) => onChange(id)}
      maw={420}
    />
  );
}
