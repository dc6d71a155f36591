import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Each test file starts its own database; on a busy 2-core machine that can take a while.
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit and integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        extends: true,
        // One browser at a time: parallel Chromiums on two cores make timings, not code, fail.
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
