import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { pdfjsAssets } from './scripts/pdfjs-assets';

/** Pages the extension reads without a click: the detector runs there and the analyzer is injected. */
const GOV_PAGES = '*://*.gov.cn/*';
/** Any other site, only when the reader asks to "always check this site". */
const ANY_SITE = '*://*/*';

// The manifest is a function of the target so Firefox-only keys never reach Chrome.
export default defineConfig({
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  outDir: process.env.GKL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // @wxt-dev/browser only reads globals: an import of it that a bundle does not use (the detector's,
    // through utils/browser-differences) is dropped instead of touching the extension APIs at load.
    build: { rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]@wxt-dev[\\/]browser[\\/]/.test(id) } } },
  }),
  // The sources package addons.mozilla.org asks for (`wxt zip -b firefox`): what `npm ci && npm run
  // build:firefox` needs (README has the steps), without test data and generated files.
  zip: { excludeSources: ['test/**', 'test-results/**', 'docs/**', 'bench/**'] },
  hooks: {
    // pdf.js's Chinese CMaps, from node_modules (scripts/pdfjs-assets.ts): the viewer and the
    // offscreen document read PDFs whose fonts need them.
    'build:publicAssets': (_, files) => {
      files.push(...pdfjsAssets());
    },
    // The analyzer (registration: 'runtime') fetches its CSS into its shadow root from whatever page
    // it was injected into: a gov.cn page, or any page the reader checks. WXT derives these matches
    // from the script's `matches`, which a runtime script has none of; use_dynamic_url keeps pages
    // from probing for the file.
    'build:manifestGenerated': (_, manifest) => {
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource && !resource.matches?.length) resource.matches = [ANY_SITE];
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    action: { default_title: '__MSG_extName__' },
    // storage: settings and verdicts; unlimitedStorage: saved snapshots; scripting + activeTab:
    // inject the analyzer (gov pages, or the page the reader asked to check); contextMenus: "flag
    // this cell". No `tabs`: host access already reveals the URLs of the pages we work on.
    // offscreen (Chromium): a page's report attachment is read with pdf.js in an offscreen document,
    // never in the content script (entrypoints/offscreen); Firefox's background page holds that page
    // in an iframe instead (no permission needed).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: [GOV_PAGES],
    // Opens/closes the panel of the active tab and focuses it (entrypoints/background.ts); the
    // reader can change the keys at chrome://extensions/shortcuts.
    commands: {
      'toggle-panel': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_ux_command_togglePanel__' },
    },
    // The detector (entrypoints/detector.ts, an unlisted script to stay under its 4 kB budget).
    content_scripts: [{ matches: [GOV_PAGES], js: ['detector.js'], run_at: 'document_idle', all_frames: true }],
    // MV2 (Firefox by default) has no optional_host_permissions: origins go with optional_permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: [ANY_SITE] } : { optional_permissions: [ANY_SITE] }),
    ...(browser === 'firefox'
      ? {
          // 140: the oldest Firefox ESR Mozilla still supports, and the first that reads
          // data_collection_permissions (which addons.mozilla.org requires). Tested on ESR 153.
          browser_specific_settings: { gecko: { id: 'gongkai-lens@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
        }
      : {}),
  }),
});
