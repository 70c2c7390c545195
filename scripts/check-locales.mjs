#!/usr/bin/env node
// Checks that the Vietnamese and English translations have the same keys:
// every key in src/web/locales/vi/*.json exists in en/*.json and vice versa, and both sides use
// the same {{placeholders}}. Plural forms are compared by their base key (i18next suffixes
// _zero/_one/_two/_few/_many/_other), since Vietnamese has one plural form and English two.
// Exits 1 listing every difference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(root, 'src/web/locales');
const languages = ['vi', 'en'];
const pluralSuffix = /_(?:ordinal_)?(?:zero|one|two|few|many|other)$/;

const problems = [];

function flatten(value, prefix, out) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** base key → set of placeholders used by any of its forms */
function keysOf(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${path.relative(root, file)}: invalid JSON (${error.message})`);
    return new Map();
  }
  const keys = new Map();
  for (const [key, value] of flatten(parsed, '', new Map())) {
    const base = key.replace(pluralSuffix, '');
    const placeholders = keys.get(base) ?? new Set();
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) placeholders.add(match[1]);
      if (value.trim() === '') problems.push(`${path.relative(root, file)}: "${key}" is empty`);
    } else if (!Array.isArray(value)) {
      problems.push(`${path.relative(root, file)}: "${key}" is not a string`);
    }
    keys.set(base, placeholders);
  }
  return keys;
}

const filesByLanguage = Object.fromEntries(
  languages.map((lang) => {
    const dir = path.join(localesDir, lang);
    return [
      lang,
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .sort()
        : [],
    ];
  }),
);

const namespaces = [...new Set(languages.flatMap((lang) => filesByLanguage[lang]))].sort();
if (namespaces.length === 0) {
  console.error(
    `check-locales: no translation files found under ${path.relative(root, localesDir)}/{${languages.join(',')}}/`,
  );
  process.exit(1);
}

let keyCount = 0;
for (const ns of namespaces) {
  const present = languages.filter((lang) => filesByLanguage[lang].includes(ns));
  for (const lang of languages.filter((l) => !present.includes(l))) {
    problems.push(`${lang}/${ns}: file missing (exists in ${present.join(', ')})`);
  }
  if (present.length < 2) continue;
  const [a, b] = languages.map((lang) => keysOf(path.join(localesDir, lang, ns)));
  keyCount += a.size;
  for (const [lang, mine, other, otherLang] of [
    [languages[0], a, b, languages[1]],
    [languages[1], b, a, languages[0]],
  ]) {
    for (const key of mine.keys()) {
      if (!other.has(key)) problems.push(`${otherLang}/${ns}: missing "${key}" (present in ${lang})`);
    }
  }
  for (const [key, placeholders] of a) {
    const theirs = b.get(key);
    if (!theirs) continue;
    const left = [...placeholders].sort().join(', ');
    const right = [...theirs].sort().join(', ');
    if (left !== right) {
      problems.push(
        `${ns}: "${key}" placeholders differ — ${languages[0]}: {${left}} ${languages[1]}: {${right}}`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`check-locales: ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  `check-locales: ${namespaces.length} namespace(s), ${keyCount} key(s), ${languages.join(' and ')} match.`,
);
