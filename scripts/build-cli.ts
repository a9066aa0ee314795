// npm run build:cli: the CLI as one bundled file (esbuild, CommonJS, Node 20) at cli/dist/gongkai-lens.cjs,
// so a run starts without compiling TypeScript. The same file is the worker threads' entry. pdf.js
// is left out (external): the bundle lives in the repository and finds it in node_modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(ROOT, 'cli/dist/gongkai-lens.cjs');

export async function buildCli(outfile = CLI_BUNDLE): Promise<void> {
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
