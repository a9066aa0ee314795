// Browser tests in real Firefox ESR (test/e2e-firefox): the shared cases with the Firefox build.
// One file at a time, like the Chromium run: each launches its own browser on a two-core machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
