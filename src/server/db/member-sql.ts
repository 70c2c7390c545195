import { sql, type SQL } from 'drizzle-orm';
import { members } from './schema';
import { foldVietnamese } from '../../shared/rules/vietnamese-name';

/**
 * Member definitions written once in SQL and used by every module that lists or counts members:
 * the search condition, the keyset cursor of the Vietnamese name order, "lives away".
 */

/** Lives away from the registered (permanent) address: the registered commune is not the actual one. */
export function livesAwaySql(registeredCommune: SQL, communeName: SQL): SQL<boolean> {
  return sql<boolean>`coalesce(${registeredCommune} is not null and ${communeName} is not null
  and position(lower(immutable_unaccent(${registeredCommune})) in lower(immutable_unaccent(${communeName}))) = 0, false)`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchMode = 'exact' | 'fuzzy';

/**
 * Search: card-number prefix for digits; otherwise every word as a word prefix ("nguyen an" finds
 * "Nguyễn Văn An"). The fuzzy mode (trigram word similarity, for typos) is a fallback the service
 * uses only when the exact search finds nothing, so a precise query is never buried in near-misses.
 */
export function searchCondition(
  q: string,
  mode: SearchMode = 'exact',
  columns: SearchColumns = memberColumns,
  scope: SearchScope = 'wide',
): SQL | undefined {
  const trimmed = q.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return sql`${columns.cardNumber} like ${`${escapeLike(trimmed)}%`}`;
  const tokens = foldVietnamese(trimmed).split(' ').filter(Boolean).slice(0, 6);
  if (tokens.length === 0) return undefined;
  // Within a scope, the scope's indexes find a few thousand rows and the name is a filter over them; the
  // trigram index would read every "nguyen" in the country first (hundreds of thousands) to intersect.
  const name = scope === 'scoped' ? sql`(${columns.searchName} || '')` : columns.searchName;
  if (mode === 'fuzzy') return sql`lower(immutable_unaccent(${trimmed})) <% ${name}`;
  return sql`(${sql.join(
    tokens.map((t) => sql`${name} like ${`% ${escapeLike(t)}%`}`),
    sql` and `,
  )})`;
}

/** 'wide': the whole register (administrators) — the trigram index; 'scoped': within an actor's units. */
export type SearchScope = 'wide' | 'scoped';

interface SearchColumns {
  cardNumber: SQL;
  searchName: SQL;
}
const memberColumns: SearchColumns = {
  cardNumber: sql`${members.cardNumber}`,
  searchName: sql`${members.searchName}`,
};

/** The same search over `members` under an alias in raw SQL (e.g. `m`). */
export function searchMembersAs(alias: string, q: string | undefined, scope: SearchScope = 'scoped'): SQL | undefined {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`bad alias ${alias}`);
  return q
    ? searchCondition(
        q,
        'exact',
        { cardNumber: sql.raw(`${alias}.card_number`), searchName: sql.raw(`${alias}.search_name`) },
        scope,
      )
    : undefined;
}

export function canSearchFuzzy(q: string | undefined): boolean {
  return !!q && !/^\d+$/.test(q.trim()) && foldVietnamese(q).length >= 3;
}

export interface Cursor {
  k: string;
  id: string;
  /** the page continues a fuzzy (fallback) search */
  fuzzy?: boolean;
}
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c.fuzzy ? [c.k, c.id, 1] : [c.k, c.id])).toString('base64url');
}
export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [k, id, fuzzy] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
      unknown,
    ];
    if (typeof k !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { k, id, fuzzy: fuzzy === 1 };
  } catch {
    return null;
  }
}
