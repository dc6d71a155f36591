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
        // In CI a browser test that fails is run once more (and reported as flaky if it then
        // passes): a wait that a loaded machine overran must not hide the rest of the run.
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, retry: process.env.CI ? 1 : 0 },
      },
    ],
  },
});
