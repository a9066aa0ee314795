import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is a function of the target so Firefox-only keys never reach Chrome.
export default defineConfig({
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  outDir: process.env.GKL_OUT_DIR ?? '.output',
  modules: [],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '公开年报核对 Gongkai Lens',
    description: '核对政府信息公开工作年度报告的统计表 — checks the tables of Chinese government information-disclosure annual reports',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'gongkai-lens@example.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
