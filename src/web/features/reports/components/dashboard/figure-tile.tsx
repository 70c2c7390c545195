import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DrillTarget } from '../../lib/figures';
import { FigureLink } from './figure-link';

/** A headline figure: its name, the number (a link to its list) and a line of context (a share, a half-year). */
export function FigureTile({
  label,
  value,
  target,
  note,
  tone,
}: {
  label: string;
  value: number;
  target: DrillTarget;
  note?: ReactNode;
  tone?: 'alert' | 'good';
}) {
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="gray.7" lh={1.3} mih={36}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        <FigureLink value={value} target={target} label={label} color={tone === 'alert' ? 'red.8' : undefined} />
      </Text>
      {note && (
        <Text size="sm" c="gray.7">
          {note}
        </Text>
      )}
    </Card>
  );
}
