import { defineConfig } from 'vitest/config';

// The suites that must behave the same on the embedded database run twice.
const parityFiles = ['test/walkthrough.test.ts', 'test/signals.test.ts', 'test/status.test.ts', 'test/status-as-of.test.ts', 'test/delivery-record.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Files run in parallel, each with its own database and Redis key prefix.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'postgres', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { extends: true, test: { name: 'pglite', include: parityFiles, env: { REGISTRY_TEST_DB: 'pglite' } } },
    ],
  },
});
