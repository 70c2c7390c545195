import { useState } from 'react';

/** Row selection that empties itself when `resetKey` (the filters) changes. */
export function useSelection(resetKey: string) {
  const [ids, setIds] = useState<string[]>([]);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    setKey(resetKey);
    setIds([]);
  }
  return {
    ids,
    size: ids.length,
    has: (id: string) => ids.includes(id),
    toggle: (id: string) =>
      setIds((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id])),
    set: (next: string[]) => setIds(next),
    clear: () => setIds([]),
  };
}

export type Selection = ReturnType<typeof useSelection>;
