import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Files run in parallel, each with its own database and Redis key prefix.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
