import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A Party tool addresses people as "đồng chí", never "bạn" (issue 11). This guards every
// Vietnamese text a person reads: the web locale files, and the string literals of src/server,
// src/shared and src/web (server errors, e-mails, notifications, documents, any text in a component).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// "bạn" is a syllable of its own; "Ban" without the dot below ("Ban chấp hành", "Ban công tác
// Mặt trận") is another word and does not match.
const addressedAsBan = /(^|[^\p{L}])[Bb]ạn(?=[^\p{L}]|$)/u;
// Genuine uses of "bạn" that do not address the reader ("bạn bè": friends).
const allowed = [/(^|[^\p{L}])[Bb]ạn bè(?=[^\p{L}]|$)/gu];

function usesBan(text: string): boolean {
  let rest = text.normalize('NFC');
  for (const phrase of allowed) rest = rest.replace(phrase, '$1');
  return addressedAsBan.test(rest);
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
}

function stringsOf(value: unknown, prefix: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') out.push([prefix, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => stringsOf(item, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      stringsOf(child, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

describe('form of address', () => {
  it('recognises "bạn" as a word and nothing else', () => {
    expect(usesBan('Bạn cần đăng nhập.')).toBe(true);
    expect(usesBan('Vai trò của bạn')).toBe(true);
    expect(usesBan('“bạn”')).toBe(true);
    expect(usesBan('Ba\u0323n chưa có vai trò')).toBe(true); // decomposed dot below
    expect(usesBan('Ban chấp hành Đảng bộ')).toBe(false);
    expect(usesBan('Trưởng ban công tác Mặt trận')).toBe(false);
    expect(usesBan('Vai trò của đồng chí')).toBe(false);
    expect(usesBan('Có bạn bè tới dự')).toBe(false);
  });

  it('the Vietnamese locale files say "đồng chí", not "bạn"', () => {
    const dir = path.join(root, 'src/web/locales/vi');
    const found = filesUnder(dir, (file) => file.endsWith('.json')).flatMap((file) =>
      stringsOf(JSON.parse(readFileSync(file, 'utf8')), '', [])
        .filter(([, text]) => usesBan(text))
        .map(([key, text]) => `${path.relative(root, file)}: ${key} = ${text}`),
    );
    expect(found).toEqual([]);
  });

  it('the source texts (server errors, e-mails, notifications, documents) say "đồng chí", not "bạn"', () => {
    const isSource = (file: string) => /\.tsx?$/.test(file) && !/\.(test|spec)\.tsx?$/.test(file);
    const found = ['src/server', 'src/shared', 'src/web']
      .flatMap((dir) => filesUnder(path.join(root, dir), isSource))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => [i + 1, line] as const)
          .filter(([, line]) => usesBan(line))
          .map(([n, line]) => `${path.relative(root, file)}:${n}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });
});
