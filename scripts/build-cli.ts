// npm run build:cli: the CLI as one bundled file (esbuild, CommonJS, Node 20) at cli/dist/gongkai-lens.cjs,
// so a run starts without compiling TypeScript. The same file is the worker threads' entry. pdf.js
// is left out (external): the bundle lives in the repository and finds it in node_modules.
// linkedom is patched while bundling (node_modules is left alone): its EventTarget constructor gives
// every node a WeakMap entry and a Map for listeners the engine never adds — the hottest function of
// a bulk run (~17 % self time, and much of the GC). The map is made on the first addEventListener.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'cli/dist/gongkai-lens.cjs');

/** The replacements of linkedom's esm/interface/event-target.js, each expected exactly once. */
const EVENT_TARGET_PATCH: [string, string][] = [
  ['constructor() {\n    wm.set(this, new Map);\n  }', 'constructor() {}'],
  ['addEventListener(type, listener, options) {\n    const map = wm.get(this);', 'addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);'],
  ['const map = wm.get(this);\n    if (map.has(type)) {', 'const map = wm.get(this);\n    if (map && map.has(type)) {'],
];

export function patchEventTarget(source: string): string {
  let out = source;
  for (const [from, to] of EVENT_TARGET_PATCH) {
    if (out.split(from).length !== 2) throw new Error(`linkedom event-target.js changed: cannot find ${JSON.stringify(from.slice(0, 40))}`);
    out = out.replace(from, to);
  }
  return out;
}

export const lazyEventTargetsPlugin: Plugin = {
  name: 'linkedom-lazy-event-target',
  setup(b) {
    b.onLoad({ filter: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, async (args) => ({
      contents: patchEventTarget(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/** linkedom's parseHTML alone, bundled with or without the patch (the benchmark and the patch's test compare them). */
export async function bundleLinkedom(outfile: string, lazy: boolean): Promise<void> {
  await build({
    stdin: { contents: "export { parseHTML } from 'linkedom';", resolveDir: ROOT },
    bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning',
    plugins: lazy ? [lazyEventTargetsPlugin] : [],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

/** `lazyEventTargets: false` builds linkedom as published, for the benchmark's before/after. */
export async function buildCli(outfile = CLI_BUNDLE, { lazyEventTargets: lazy = true } = {}): Promise<void> {
  // Written beside, then renamed: a run (or a parallel build) never reads a half-written bundle.
  const partial = `${outfile}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [path.join(ROOT, 'cli/check.ts')],
    outfile: partial,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // CommonJS, so cli/gongkai-lens.mjs can compile it with V8's code cache (vm.Script cachedData):
    // start-up then costs little more than Node's own.
    format: 'cjs',
    // Minified: the main thread and each worker parse the whole file at start-up.
    minify: true,
    // pdf.js (1 MB) stays in node_modules, loaded by the PDF reader on the first PDF only.
    external: ['pdfjs-dist'],
    legalComments: 'none',
    charset: 'utf8',
    // The module workers start: the launcher when it loaded the bundle, else the bundle itself.
    define: { 'import.meta.url': '__gklEntry' },
    banner: {
      js: 'var __gklEntry = globalThis.__gongkaiLensEntry || require("node:url").pathToFileURL(__filename).href;' +
        ' var __gklImport = globalThis.__gongkaiLensImport || ((s) => import(s));',
    },
    plugins: lazy ? [lazyEventTargetsPlugin] : [],
    logLevel: 'warning',
  });
  // import() of what stays in node_modules goes through __gklImport: code compiled by vm.Script
  // (the launcher's code cache) cannot import() on Node 20, so the launcher lends its own.
  const code = result.outputFiles[0]!.text.replace(/\bimport\((?=["'])/g, '__gklImport(');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, outfile);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  await buildCli();
  console.log(`${path.relative(ROOT, CLI_BUNDLE)}: ${(fs.statSync(CLI_BUNDLE).size / 1024).toFixed(0)} kB in ${(performance.now() - t0).toFixed(0)} ms`);
}
