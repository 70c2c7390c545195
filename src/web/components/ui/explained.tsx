import { Text } from '@mantine/core';
import { useId, type MouseEvent } from 'react';

/**
 * A button that cannot be used now says why, in words next to it that a screen reader reads with it
 * (aria-describedby). It stays focusable (aria-disabled instead of disabled), so a keyboard reaches it and
 * its reason; a press does nothing. Spread `props` on the Button and place `note` where it reads well.
 */
export function useExplained(reason: string | null | undefined) {
  const id = useId();
  if (!reason) return { props: {}, note: null };
  const stop = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return {
    props: { 'data-disabled': true, 'aria-disabled': true, 'aria-describedby': id, onClickCapture: stop },
    note: (
      <Text id={id} size="sm" c="dimmed">
        {reason}
      </Text>
    ),
  };
}
