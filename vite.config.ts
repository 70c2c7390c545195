import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineShell } from './scripts/pwa-precache';
import { precompress } from './scripts/vite-precompress';

const lazyLocale = /[\\/]locales[\\/](vi|en)[\\/](?!common\.json|auth\.json)[^\\/]+\.json$/;
const localeChunk = (id: string) => {
  const lng = lazyLocale.exec(id)?.[1];
  return lng ? `locales-${lng}` : null;
};

// The SPA lives in src/web; the Fastify server serves dist/web in production.
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    precompress(),
    // Installable and usable without signal at a meeting (decision 0010): manifest, icons, src/web/sw.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Residence Link — Kết nối nơi cư trú',
        short_name: 'Residence Link',
        description: 'Đảng viên đang công tác sinh hoạt nơi cư trú (Quy định 213-QĐ/TW)',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#c92a2a',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 3_000_000,
        manifestTransforms: [
          offlineShell(
            path.resolve(import.meta.dirname, 'dist/web'),
            [
              'app/layout.tsx',
              'features/home/components/home-page.tsx',
              'features/introductions/components/member/my-residence-page.tsx',
              'features/meetings/components/meetings-page.tsx',
              'features/meetings/components/meeting-page.tsx',
              'features/meetings/components/check-in-page.tsx',
            ],
            [/node_modules\/qrcode\//, /node_modules\/@mantine\/notifications\//],
          ),
        ],
      },
    }),
  ],
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
