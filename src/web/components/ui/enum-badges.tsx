import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const unitTypeColors: Record<string, string> = {
  province_committee: 'red',
  bloc_committee: 'grape',
  district_committee: 'pink',
  commune_committee: 'orange',
  workplace_committee: 'indigo',
  residential_cell: 'teal',
  workplace_cell: 'blue',
};
const categoryColors: Record<string, string> = { active: 'green', exempt: 'yellow', not_introduced: 'gray' };
const memberStatusColors: Record<string, string> = {
  active: 'green',
  transferred: 'blue',
  expelled: 'red',
  removed: 'red',
  left: 'gray',
  deceased: 'dark',
};
const unitStatusColors: Record<string, string> = { active: 'green', merged: 'violet', dissolved: 'gray' };

type Props = { value: string } & Omit<BadgeProps, 'children' | 'color'>;

export function UnitTypeBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={unitTypeColors[value] ?? 'gray'} {...rest}>
      {t(`unitType.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function CategoryBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="light" color={categoryColors[value] ?? 'gray'} {...rest}>
      {t(`category.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function MemberStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="dot" color={memberStatusColors[value] ?? 'gray'} {...rest}>
      {t(`memberStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function UnitStatusBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="dot" color={unitStatusColors[value] ?? 'gray'} {...rest}>
      {t(`unitStatus.${value}`, { defaultValue: value })}
    </Badge>
  );
}

export function RoleBadge({ value, ...rest }: Props) {
  const { t } = useTranslation('enums');
  return (
    <Badge variant="outline" color="red" {...rest}>
      {t(`role.${value}`, { defaultValue: value })}
    </Badge>
  );
}
