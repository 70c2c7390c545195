#!/usr/bin/env node
// Runs before `npm start`: builds the web UI (vite build → dist/web) when dist/web/index.html is
// missing or older than any UI source, so `npm install && npm start` on a fresh clone serves the UI.
// A quick mtime scan otherwise; it never deletes anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');

// Everything that ends up in the bundle: the UI, the contracts it shares with the server, the build config.
const sources = [
  'src/web',
  'src/shared',
  'vite.config.ts',
  'index.html',
  'postcss.config.cjs',
  'postcss.config.js',
  'postcss.config.mjs',
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'dist/web/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  const changed = sources.find((source) => newestMtime(path.join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

const reason = reasonToBuild();
if (!reason) process.exit(0);

console.log(`[ensure-build] ${reason}; building the web UI (vite build)…`);
const localVite = path.join(root, 'node_modules/vite/bin/vite.js');
const build = existsSync(localVite)
  ? spawnSync(process.execPath, [localVite, 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error('[ensure-build] vite build failed; fix the errors above or run `npm run build`.');
  process.exit(build.status ?? 1);
}
