import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '.');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  const namespaces = readdirSync(join(dir, 'vi')).filter((f) => f.endsWith('.json'));

  it('has the same namespaces in vi and en', () => {
    expect(
      readdirSync(join(dir, 'en'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s has the same keys in vi and en, none empty', (file) => {
    const vi = JSON.parse(readFileSync(join(dir, 'vi', file), 'utf8'));
    const en = JSON.parse(readFileSync(join(dir, 'en', file), 'utf8'));
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const k of keys(vi))
      expect(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], vi)).not.toBe('');
  });
});
