#!/usr/bin/env node
// The `gongkai-lens` command (package.json "bin"; npm run check; npx gongkai-lens): runs the bundled
// CLI, cli/dist/gongkai-lens.cjs. In a checkout it first rebuilds the bundle when a source under
// cli/ or lib/ (or the build script) is newer (npm run build:cli, ~2 s), so a run never checks with stale code. The bundle
// is compiled with V8's code cache (cli/dist/gongkai-lens.cjs.cache, written by the first run after
// a build): compiling 1.2 MB of JavaScript was most of the start-up. Worker threads start here too.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const bundle = path.join(here, 'dist', 'gongkai-lens.cjs');
const cacheFile = `${bundle}.cache`;

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|json)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

if (isMainThread) {
  const built = mtime(bundle);
  const build = path.join(root, 'scripts', 'build-cli.ts');
  const sources = fs.existsSync(path.join(root, 'lib')) ? Math.max(newestSource(path.join(root, 'lib')), newestSource(here), mtime(build)) : 0;
  if (!built || sources > built) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', build], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write('无法构建命令行程序 (cannot build the CLI bundle: npm run build:cli)\n');
      process.exit(2);
    }
  }
}

// A cache older than the bundle belongs to an earlier build (V8 checks little more than the length).
const cachedData = mtime(cacheFile) >= mtime(bundle) ? fs.readFileSync(cacheFile) : undefined;
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData,
});
if (isMainThread && (!cachedData || script.cachedDataRejected)) {
  // Written at exit, when the functions the run used are compiled too; beside, then renamed.
  process.once('exit', () => {
    try {
      const partial = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cacheFile);
    } catch {
      // A read-only install runs without the cache.
    }
  });
}
globalThis.__gongkaiLensEntry = import.meta.url;
// What the bundle import()s from node_modules (pdf.js): code compiled by vm.Script cannot on Node 20.
globalThis.__gongkaiLensImport = (specifier) => import(specifier);
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
