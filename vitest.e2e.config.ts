import { defineConfig } from 'vitest/config';

// Browser tests: the real server (demo seed) driven by Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['tests/e2e/fixtures/global-setup.ts'],
  },
});
