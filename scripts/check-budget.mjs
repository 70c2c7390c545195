#!/usr/bin/env node
// npm run budget — after `npm run build`: the compressed JavaScript each page makes a phone download.
// A page loads the entry chunk and its static imports (the login page is only that), plus the lazy chunk
// of its route and of each route above it (the app layout) with their static imports, and the chunk of
// the Vietnamese words, all read from the Vite manifest (build.manifest). Sizes are those of the .gz/.br files the server sends (decision 0009).
// Budget (issue 11): the login page ≤ 200 kB of gzip-compressed JS, any page ≤ 350 kB. Exits 1 when over.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const LOGIN_BUDGET = 200_000;
const PAGE_BUDGET = 350_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webRoot = path.join(root, 'src/web');
// BUDGET_DIR: check another build (e.g. one made beside dist while the browser tests use it)
const distDir = process.env.BUDGET_DIR ? path.resolve(process.env.BUDGET_DIR) : path.join(root, 'dist/web');
const manifestFile = path.join(distDir, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`${path.relative(root, manifestFile)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** A built file's size as sent: its precompressed sibling, or compressed here when the build wrote none (tiny files). */
function compressedSize(file, ext) {
  const sibling = path.join(distDir, `${file}.${ext}`);
  if (existsSync(sibling)) return readFileSync(sibling).length;
  const body = readFileSync(path.join(distDir, file));
  return ext === 'gz'
    ? gzipSync(body, { level: 9 }).length
    : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** The chunk and everything it imports statically (what the browser fetches before it runs). */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
  into.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, into);
  return into;
}

/** Routes as declared in the router: name → parent route and the module of its lazy component. */
function readRoutes() {
  const routerFile = path.join(webRoot, 'app/router.tsx');
  const source = readFileSync(routerFile, 'utf8');
  const routes = new Map();
  // `const x = createRoute({ … });` on one line, or over several lines closed by `});` at the start of a line
  const declaration = /^const (\w+) = createRoute\(\{(?:(.*)\}\);$|\n([\s\S]*?)\n\}\);)/gm;
  for (const [, name, oneLine, multiLine] of source.matchAll(declaration)) {
    const body = oneLine ?? multiLine;
    const parent = /getParentRoute: \(\) => (\w+)/.exec(body)?.[1];
    const lazy = /lazyRouteComponent\(\s*\(\) => import\('([^']+)'\)/.exec(body)?.[1];
    const routePath = /path: paths\.(\w+)/.exec(body)?.[1] ?? /id: '([^']+)'/.exec(body)?.[1] ?? name;
    routes.set(name, {
      parent,
      lazy: lazy && manifestKey(path.resolve(path.dirname(routerFile), lazy)),
      routePath,
    });
  }
  return routes;
}

function manifestKey(absoluteModule) {
  const relative = path.relative(webRoot, absoluteModule).split(path.sep).join('/');
  const key = ['.tsx', '.ts', '.jsx', '.js', ''].map((ext) => relative + ext).find((k) => manifest[k]);
  if (!key) throw new Error(`${relative} (a lazy route component) is not in the Vite manifest`);
  return key;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);

// Past the login page every route waits for the other namespaces of the language (src/web/lib/i18n.ts):
// counted in Vietnamese, the users' language.
const vietnamese = Object.keys(manifest).filter((k) => /(^|\/)locales\/vi\/[^/]+\.json$/.test(k));

const pages = [{ name: 'login', chunks: entry, budget: LOGIN_BUDGET }];
const routes = readRoutes();
for (const [name, route] of routes) {
  if (!route.lazy || name === 'loginRoute') continue;
  // a layout route (no path of its own) is counted with the pages under it
  if ([...routes.values()].some((r) => r.parent === name)) continue;
  const chunks = new Set(entry);
  for (const key of vietnamese) closure(key, chunks);
  for (let r = route; r; r = routes.get(r.parent)) if (r.lazy) closure(r.lazy, chunks);
  pages.push({ name: route.routePath, chunks, budget: PAGE_BUDGET });
}

if (pages.length < 2) {
  console.error('no lazy route found in src/web/app/router.tsx: has the way routes are declared changed?');
  process.exit(1);
}

const kB = (bytes) => (bytes / 1000).toFixed(1);
const rows = pages.map((page) => {
  const files = [...page.chunks].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const gzip = files.reduce((sum, f) => sum + compressedSize(f, 'gz'), 0);
  const brotli = files.reduce((sum, f) => sum + compressedSize(f, 'br'), 0);
  return {
    page: page.name,
    files: files.length,
    gzip,
    brotli,
    budget: page.budget,
    over: gzip > page.budget,
  };
});

console.log('JavaScript a page loads, compressed (kB = 1,000 bytes; the budget applies to gzip)\n');
console.table(
  rows.map((r) => ({
    page: r.page,
    'JS files': r.files,
    'gzip kB': kB(r.gzip),
    'brotli kB': kB(r.brotli),
    'budget kB': kB(r.budget),
    '': r.over ? 'OVER BUDGET' : 'ok',
  })),
);
const over = rows.filter((r) => r.over);
if (over.length) {
  console.error(`\n✖ ${over.length} page(s) over budget: ${over.map((r) => r.page).join(', ')}`);
  process.exit(1);
}
console.log(
  `\n✔ every page within budget (login ≤ ${kB(LOGIN_BUDGET)} kB, other pages ≤ ${kB(PAGE_BUDGET)} kB)`,
);
