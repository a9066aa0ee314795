// `npm run lint:ext`: makes both store packages (`wxt zip`, `wxt zip -b firefox`: the Chrome/Edge
// zip, the Firefox zip and the sources zip addons.mozilla.org asks for) and checks them:
//   - the Firefox package passes `web-ext lint` (addons-linter, AMO's own rules) with no error, and
//     every warning is one explained below (code + file); any other warning fails;
//   - the Chrome package asks for no permission the built code does not use (each permission is
//     listed below with what needs it; an unlisted one fails);
//   - the sources zip holds what a reviewer needs to rebuild the package, and no build output.
// GKL_OUT_DIR chooses the output folder (default .output), as for the builds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from './serve';

const OUT_DIR = path.resolve(REPO_ROOT, process.env.GKL_OUT_DIR ?? '.output');

/**
 * The warnings addons-linter gives the Firefox build, each explained (docs/lanes/firefox.md). They
 * come from libraries bundled into the package, not from our code.
 */
const EXPLAINED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'DANGEROUS_EVAL',
    file: /^(background\.js|content-scripts\/analyzer\.js|chunks\/[\w-]+\.js)$/,
    why: "zod 4 probes `Function('')` to decide whether it may compile validators (every entry point sets z.config({ jitless: true }) first, so it never does); where pdf.js is bundled (the viewer's chunk), its isEvalSupported probe and core-js's `Function('return this')` / Node-only require() fallbacks, never reached in a browser. The extension CSP forbids eval anyway",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(content-scripts\/analyzer\.js|chunks\/[\w-]+\.js)$/,
    why: "Preact's renderer assigns innerHTML only for the dangerouslySetInnerHTML prop, which no component of ours uses: every text reaches the DOM as text nodes",
  },
  {
    code: 'DANGEROUS_EVAL',
    file: /^assets\/pdf\.worker[\w.-]*\.m?js$/,
    why: "pdf.js's worker: its feature probe and PostScript-function compiler use `new Function` only when isEvalSupported, which both our callers set to false; core-js's `Function('return this')` global lookup and a Node-only require() branch are never reached in a browser",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/pdf\.worker[\w.-]*\.m?js$/,
    why: "pdf.js's worker imports its JPEG 2000 no-wasm fallback from the configured wasmUrl, an extension file or nothing: no page-controlled address",
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'Firefox for Android reads data_collection_permissions from 142, desktop from 140 (our minimum, the oldest ESR still supported); the add-on is not offered for Android (its panel is made for a desktop window)',
  },
];

/** Each permission of the Chrome package, and the built code that uses it (or why none shows). */
const PERMISSION_USE: Record<string, { uses: RegExp | null; why: string }> = {
  storage: { uses: /\.storage\.(local|session)\b/, why: 'settings, per-tab verdicts (storage.session), snapshots' },
  unlimitedStorage: { uses: null, why: 'snapshots can outgrow the 10 MB of storage.local (no API: it lifts the quota)' },
  scripting: { uses: /\.scripting\.executeScript\b/, why: 'inject the analyzer into a report page; register the detector on always-checked sites' },
  activeTab: { uses: /gkl:check-tab/, why: '"check this page" (popup, shortcut, context menu) injects into the current tab outside *.gov.cn' },
  contextMenus: { uses: /\.contextMenus\.create\b/, why: '"flag this figure" in the page context menu' },
  offscreen: { uses: /\.offscreen\.createDocument\b/, why: "read a page's PDF/DOCX attachment with pdf.js in an offscreen document, not in the content script" },
};

let failures = 0;
const fail = (message: string) => {
  failures++;
  console.log(`✗ ${message}`);
};
const ok = (message: string) => console.log(`✓ ${message}`);

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, env: { ...process.env, GKL_OUT_DIR: OUT_DIR }, encoding: 'utf8' });
  if (result.status !== 0 && !(command === 'npx' && args[0] === 'web-ext')) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The package zip of a target made by `wxt zip` ('chrome', 'firefox', 'sources'). */
function packageZip(suffix: string): string {
  const name = readdirSync(OUT_DIR).find((file) => file.endsWith(`-${suffix}.zip`));
  if (!name) throw new Error(`no *-${suffix}.zip in ${OUT_DIR}`);
  return path.join(OUT_DIR, name);
}

const unzip = (file: string) => unzipSync(new Uint8Array(readFileSync(file)));

function extract(files: Record<string, Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-lint-'));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

interface LinterMessage {
  code: string;
  file?: string;
  line?: number;
  message: string;
}

function lintFirefox(): void {
  const zip = packageZip('firefox');
  const dir = extract(unzip(zip));
  try {
    const report = JSON.parse(run('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'])) as {
      errors: LinterMessage[];
      warnings: LinterMessage[];
      notices: LinterMessage[];
    };
    for (const error of report.errors) fail(`web-ext lint error ${error.code} in ${error.file ?? 'the package'}: ${error.message}`);
    // Explained warnings once per code and file, with their count.
    const explained = new Map<string, number>();
    for (const warning of report.warnings) {
      const known = EXPLAINED_WARNINGS.find((w) => w.code === warning.code && w.file.test(warning.file ?? ''));
      const key = `${warning.code} in ${warning.file}`;
      if (known) explained.set(key, (explained.get(key) ?? 0) + 1);
      else fail(`web-ext lint warning nobody explained: ${warning.code} in ${warning.file ?? 'the package'}: ${warning.message}`);
    }
    for (const [key, count] of explained) {
      const why = EXPLAINED_WARNINGS.find((w) => key.startsWith(`${w.code} in `) && w.file.test(key.slice(key.indexOf(' in ') + 4)))!.why;
      console.log(`  ${count} × ${key}: ${why}`);
    }
    for (const notice of report.notices) console.log(`  notice ${notice.code} in ${notice.file ?? 'the package'}: ${notice.message}`);
    if (!report.errors.length) ok(`${path.basename(zip)}: web-ext lint, no error, ${report.warnings.length} warnings (listed above), ${report.notices.length} notices`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkChromePermissions(): void {
  const zip = packageZip('chrome');
  const files = unzip(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { permissions?: string[] };
  const code = Object.entries(files)
    .filter(([name]) => name.endsWith('.js'))
    .map(([, bytes]) => new TextDecoder().decode(bytes))
    .join('\n');
  for (const permission of manifest.permissions ?? []) {
    const use = PERMISSION_USE[permission];
    if (!use) fail(`${path.basename(zip)} asks for "${permission}", which scripts/lint-ext.ts does not know a use for`);
    else if (use.uses && !use.uses.test(code)) fail(`${path.basename(zip)} asks for "${permission}" but no built code uses it (${use.uses})`);
    else ok(`${permission}: ${use.why}`);
  }
}

function checkSources(): void {
  const zip = packageZip('sources');
  const names = Object.keys(unzip(zip));
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts', 'lib/analyze.ts']) {
    if (!names.includes(needed)) fail(`${path.basename(zip)} lacks ${needed}: a reviewer could not rebuild the package`);
  }
  const stray = names.filter((name) => /^(node_modules|\.output[^/]*|\.wxt|test-results)\//.test(name));
  if (stray.length) fail(`${path.basename(zip)} holds build output or dependencies: ${stray.slice(0, 5).join(', ')}…`);
  if (!failures) ok(`${path.basename(zip)}: ${names.length} files, the sources to rebuild it`);
}

console.log(`== packages (wxt zip, wxt zip -b firefox) → ${path.relative(REPO_ROOT, OUT_DIR)}`);
run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'firefox']);
console.log('== Firefox package: web-ext lint');
lintFirefox();
console.log('== Chrome package: every permission used');
checkChromePermissions();
console.log('== sources package (addons.mozilla.org)');
checkSources();
if (failures) {
  console.log(`${failures} problems`);
  process.exitCode = 1;
}
