import { ActionIcon, Badge, Box, Group, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPoint } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/contracts/org-units';
import { hrefs } from '../../../app/paths';
import { UnitStatusBadge, UnitTypeBadge } from '../../../components/ui/enum-badges';
import { useOrgUnits } from '../api/list-org-units';

/** One unit in the tree; its children load when it is opened. */
export function OrgTreeNode({
  unit,
  level,
  defaultOpen = false,
}: {
  unit: OrgUnit;
  level: number;
  defaultOpen?: boolean;
}) {
  const { t } = useTranslation('org');
  const [open, setOpen] = useState(defaultOpen && unit.childCount > 0);
  const children = useOrgUnits({ parentId: unit.id }, open);
  const hasChildren = unit.childCount > 0;

  return (
    <li
      role="treeitem"
      aria-expanded={hasChildren ? open : undefined}
      aria-level={level + 1}
      style={{ listStyle: 'none' }}
    >
      <Group
        gap={6}
        wrap="nowrap"
        className="rl-tree-row"
        py={6}
        pl={level * 18 + 4}
        pr="xs"
        style={{ borderRadius: 6, minHeight: 44 }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setOpen((o) => !o)}
            aria-label={
              open ? t('tree.collapse', { name: unit.name }) : t('tree.expand', { name: unit.name })
            }
            size="lg"
          >
            {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        ) : (
          <Box w={34} style={{ display: 'flex', justifyContent: 'center' }}>
            <IconPoint size={14} color="var(--mantine-color-gray-5)" />
          </Box>
        )}
        <Group gap={8} wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
          <Text
            component={Link}
            to={hrefs.unit(unit.id)}
            fw={500}
            c="dark"
            style={{ textDecoration: 'none' }}
          >
            {unit.name}
          </Text>
          <UnitTypeBadge value={unit.type} size="sm" />
          {unit.status !== 'active' && <UnitStatusBadge value={unit.status} size="sm" />}
          {hasChildren && (
            <Badge size="sm" variant="default" title={t('tree.childCount', { count: unit.childCount })}>
              {unit.childCount}
            </Badge>
          )}
        </Group>
      </Group>
      {open && (
        <ul role="group" style={{ margin: 0, padding: 0 }}>
          {children.isPending ? (
            <li style={{ listStyle: 'none', paddingLeft: (level + 1) * 18 + 12 }}>
              <Loader size="xs" />
            </li>
          ) : children.isError ? (
            <li style={{ listStyle: 'none', paddingLeft: (level + 1) * 18 + 12 }}>
              <Text c="red" size="sm">
                {children.error.message}
              </Text>
            </li>
          ) : (
            children.data.map((child) => <OrgTreeNode key={child.id} unit={child} level={level + 1} />)
          )}
        </ul>
      )}
    </li>
  );
}
