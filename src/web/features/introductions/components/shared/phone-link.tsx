import { Anchor } from '@mantine/core';

/** A phone number that dials on a phone (cell secretaries and members call rather than write). */
export function PhoneLink({
  value,
  size = 'sm',
  label,
}: {
  value: string | null;
  size?: 'sm' | 'md' | 'lg';
  label?: string;
}) {
  if (!value) return null;
  return (
    <Anchor c="blue.8" href={`tel:${value.replace(/[^\d+]/g, '')}`} size={size} aria-label={label}>
      {value}
    </Anchor>
  );
}
