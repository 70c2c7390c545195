import { defineConfig } from 'vitest/config';

// Unit, service and route tests. PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/fixtures/global-setup.ts'],
  },
});
