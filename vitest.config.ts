import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts', 'test/support/temp-root.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 120000,
  },
});
