import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestTransform } from 'workbox-build';

interface ViteChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * What the service worker saves at install (decision 0010): the app shell (index.html, the entry and what it
 * imports, the styles, the icons) and the code of the pages a member and a secretary need at a meeting
 * without signal, read from the Vite manifest; every other chunk is saved the first time it is loaded
 * (runtime cache). Chunks the phone has already loaded come from its HTTP cache (immutable), so the install
 * downloads only the pages not opened yet.
 */
export function offlineShell(distDir: string, pages: string[], lazy: RegExp[]): ManifestTransform {
  return async (entries) => {
    const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ViteChunk
    >;
    const keep = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || keep.has(chunk.file)) return;
      keep.add(chunk.file);
      chunk.css?.forEach((css) => keep.add(css));
      chunk.imports?.forEach(visit);
      // what these pages load on demand (the QR encoder, the toaster) is needed offline as well
      chunk.dynamicImports?.filter((d) => lazy.some((re) => re.test(d))).forEach(visit);
    };
    const keys = Object.keys(manifest);
    keys.filter((k) => manifest[k]!.isEntry).forEach(visit);
    for (const page of pages) {
      const key = keys.find((k) => k === page || k.startsWith(`${page}.`));
      if (!key) throw new Error(`offline page ${page} is not in the Vite manifest`);
      visit(key);
    }
    // the words of the other pages, one chunk per language (vite.config.ts)
    keys.filter((k) => /^_locales-(vi|en)-/.test(k)).forEach(visit);
    const manifestEntries = entries.filter((e) => !e.url.startsWith('assets/') || keep.has(e.url));
    return { manifest: manifestEntries, warnings: [] };
  };
}
