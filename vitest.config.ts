import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'test/**/*.test.ts', 'cli/**/*.test.ts', 'entrypoints/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
