import { defineConfig } from 'vitest/config';

// One PGlite instance per worker is opened once and reused by every test file in that worker
// (opening costs seconds); each file still gets a fresh schema, so files stay isolated.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    globalSetup: ['test/global-setup.ts'],
  },
});
