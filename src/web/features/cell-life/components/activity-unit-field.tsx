import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/contracts/auth';
import { cellGrants, communeGrants, isAdmin } from '../../../lib/roles';
import { UnitPicker } from '../../lookups/components/unit-picker';

type Level = 'cell' | 'commune';

/** The unit an activity belongs to when the user runs exactly one: no question to ask. */
export function onlyActivityUnit(me: Me): { id: string; name: string } | null {
  const grants = [...communeGrants(me), ...cellGrants(me)];
  if (isAdmin(me) || communeGrants(me).length > 0 || grants.length !== 1) return null;
  return { id: grants[0]!.unitId!, name: grants[0]!.unitName ?? '' };
}

interface ActivityUnitFieldProps {
  me: Me;
  value: string | null;
  onChange: (unitId: string | null) => void;
  error?: string;
}

/**
 * Art. 2.6: a campaign belongs to a residential cell, or to the commune for all its cells. A secretary
 * of one cell is not asked; a commune officer chooses the commune itself or one of its cells.
 */
export function ActivityUnitField({ me, value, onChange, error }: ActivityUnitFieldProps) {
  const { t } = useTranslation('cellLife');
  const communes = communeGrants(me);
  const cells = cellGrants(me);
  const above = isAdmin(me) || communes.length > 0;
  const [level, setLevel] = useState<Level>(
    above && !cells.some((g) => g.unitId === value) ? 'commune' : 'cell',
  );
  const only = onlyActivityUnit(me);

  if (only)
    return (
      <Text size="sm">
        {t('activityForm.unit')}: <b>{only.name}</b>
      </Text>
    );
  if (!above)
    return (
      <Select
        label={t('activityForm.unit')}
        required
        allowDeselect={false}
        data={cells.map((g) => ({ value: g.unitId as string, label: g.unitName ?? '' }))}
        value={value}
        onChange={onChange}
        error={error}
        size="md"
      />
    );

  const switchTo = (next: Level) => {
    setLevel(next);
    onChange(next === 'commune' && communes.length === 1 ? communes[0]!.unitId : null);
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="activity-level-label">
        {t('activityForm.level')}
      </Text>
      <SegmentedControl
        aria-labelledby="activity-level-label"
        value={level}
        onChange={(v) => switchTo(v as Level)}
        data={[
          { value: 'commune', label: t('activityForm.levelCommune') },
          { value: 'cell', label: t('activityForm.levelCell') },
        ]}
        fullWidth
        size="md"
      />
      {level === 'commune' && communes.length === 1 ? (
        <Text size="sm">
          {t('activityForm.unit')}: <b>{communes[0]!.unitName}</b>
        </Text>
      ) : (
        <UnitPicker
          key={level}
          label={level === 'commune' ? t('activityForm.commune') : t('activityForm.cell')}
          type={level === 'commune' ? 'commune_committee' : 'residential_cell'}
          within="reach"
          value={value}
          onChange={(id) => onChange(id)}
          required
          error={error}
        />
      )}
    </Stack>
  );
}

/** The unit the form starts with: the only one, else the commune of a commune officer. */
export function initialActivityUnit(me: Me): string | null {
  const only = onlyActivityUnit(me);
  if (only) return only.id;
  const communes = communeGrants(me);
  return communes.length === 1 ? communes[0]!.unitId : null;
}
