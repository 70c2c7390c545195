/**
 * Vietnamese name rules: sort given name first with the Vietnamese alphabet, and fold diacritics for search.
 * The SQL function `vn_sort_key` (migration 0000) is generated from `buildSortTables()` so both sides agree.
 */

/** Vietnamese alphabet order (with f, j, w, z for foreign names in their Latin places). */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
/** Codes ordered in the "C" collation, one per letter of ALPHABET. */
const CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg';
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
/** Dictionary order of tones: level, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng). */
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Separates words; below every letter code so a shorter name sorts first. */
export const SORT_SEPARATOR = '\u0001';
/** Separates a word's letters from its tones; below every letter code so "An" sorts before "Anh". */
export const TONE_SEPARATOR = '\u0002';

export interface SortTables {
  /** every letter form, lower and upper case, toned or not */
  from: string;
  /** its letter code, same length as `from` */
  letterCodes: string;
  /** its tone digit 0–5, same length as `from` */
  toneDigits: string;
}

export function buildSortTables(): SortTables {
  let from = '';
  let letterCodes = '';
  let toneDigits = '';
  ALPHABET.forEach((letter, i) => {
    const tones = VOWELS.has(letter) ? TONE_MARKS : [''];
    tones.forEach((mark, tone) => {
      const lower = (letter + mark).normalize('NFC');
      for (const form of new Set([lower, lower.toUpperCase()])) {
        from += form;
        letterCodes += CODES[i];
        toneDigits += String(tone);
      }
    });
  });
  return { from, letterCodes, toneDigits };
}

const tables = buildSortTables();
const letterMap = new Map<string, string>();
const toneMap = new Map<string, string>();
[...tables.from].forEach((ch, i) => {
  letterMap.set(ch, tables.letterCodes[i]!);
  toneMap.set(ch, tables.toneDigits[i]!);
});

/** "Nguyễn Văn An" → "An Nguyễn Văn": Vietnamese lists order by given name, then family, then middle names. */
export function givenNameFirst(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words.join(' ');
  return [words[words.length - 1], ...words.slice(0, -1)].join(' ');
}

function translate(input: string, map: Map<string, string>): string {
  let out = '';
  for (const ch of input) {
    const mapped = map.get(ch);
    out += mapped ?? ch;
  }
  return out;
}

/**
 * Collation key, compared byte-wise ("C"), mirrored by SQL `vn_sort_key`. Word by word (given name, family,
 * middle): each word's letters, then its tones, so "Anh" < "Ánh" is settled on the given name before the
 * family name is looked at, and "An" < "Anh" < "Ân" follows the Vietnamese alphabet.
 */
export function vnSortKey(fullName: string): string {
  const words = givenNameFirst(fullName.normalize('NFC')).split(' ');
  return words.map((w) => translate(w, letterMap) + TONE_SEPARATOR + translate(w, toneMap)).join(SORT_SEPARATOR);
}

export function compareVietnameseNames(a: string, b: string): number {
  const ka = vnSortKey(a);
  const kb = vnSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Vietnamese letters without their marks, case kept: "Nguyễn Văn Đông" → "Nguyen Van Dong". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Fold diacritics and case: "Nguyễn Văn Đông" → "nguyen van dong". */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The SQL function, generated from the same tables (used once to write migration 0000). */
export function vnSortKeySql(): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return `create or replace function vn_sort_key(full_name text) returns text
language sql immutable parallel safe strict as $fn$
  select string_agg(translate(w, ${q(tables.from)}, ${q(tables.letterCodes)}) || chr(2) || translate(w, ${q(tables.from)}, ${q(tables.toneDigits)}), chr(1) order by ord)
  from (select case when position(' ' in s) = 0 then s else regexp_replace(s, '^(.*) (\\S+)$', '\\2 \\1') end as g
        from (select regexp_replace(btrim(normalize(full_name, NFC)), '\\s+', ' ', 'g') as s) n) r,
       unnest(string_to_array(g, ' ')) with ordinality as t(w, ord)
$fn$;`;
}
