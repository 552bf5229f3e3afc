import { defineConfig } from 'vitest/config';

// Three tiers (docs/testing.md): unit specs beside the code; integration tests on a real
// PostgreSQL and a real engine process; end-to-end tests in a real Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './engine/test/harness/summary-reporter.ts'],
    // Two cores: integration and browser tests each start real engines and databases.
    maxWorkers: 2,
    projects: [
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'unit',
          include: [
            'engine/model/src/**/*.spec.ts',
            'engine/src/**/*.spec.ts',
            'designer/src/**/*.spec.{ts,tsx}',
            'runtime-web/src/**/*.spec.{ts,tsx}',
            'templates/**/*.spec.ts',
          ],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      {
        test: {
          name: 'integration',
          expect: { poll: { timeout: 20_000 } },
          include: ['engine/test/**/*.integration.test.ts', 'templates/**/*.integration.test.ts'],
          globalSetup: ['engine/test/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // What a person waits for in a browser can take seconds on a loaded 2-core CI machine.
          expect: { poll: { timeout: 20_000 } },
          include: ['designer/e2e/**/*.e2e.test.ts', 'runtime-web/e2e/**/*.e2e.test.ts', 'engine/test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['engine/test/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
