import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vite-precompress';

const lazyLocale = /[\\/]locales[\\/](vi|en)[\\/](?!common\.json|auth\.json)[^\\/]+\.json$/;
const localeChunk = (id: string) => {
  const lng = lazyLocale.exec(id)?.[1];
  return lng ? `locales-${lng}` : null;
};

// The SPA lives in src/web; the Fastify server serves dist/web in production.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads, read by scripts/check-budget.mjs
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // the words of all pages but the login page: one file per language (src/web/lib/i18n.ts)
            { name: (id) => localeChunk(id), test: /[\\/]locales[\\/]/ },
            // what the login page runs, in one file rather than twenty small ones (each costs a round trip)
            { name: 'app', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
