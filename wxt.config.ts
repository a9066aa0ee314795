import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is a function of the target so Firefox-only keys never reach Chrome.
export default defineConfig({
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  outDir: process.env.GKL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gongkai-lens@example.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
