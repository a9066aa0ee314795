#!/usr/bin/env node
// The `gongkai-lens` command (package.json "bin"; npm run check; npx gongkai-lens): runs the bundled
// CLI, cli/dist/gongkai-lens.mjs. In a checkout it first rebuilds the bundle when a source under
// cli/ or lib/ is newer (npm run build:cli, ~2 s), so a run never checks with stale code.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const bundle = path.join(here, 'dist', 'gongkai-lens.mjs');

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

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
const sources = fs.existsSync(path.join(root, 'lib')) ? Math.max(newestSource(path.join(root, 'lib')), newestSource(here)) : 0;
if (!built || sources > built) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-cli.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write('无法构建命令行程序 (cannot build the CLI bundle: npm run build:cli)\n');
    process.exit(2);
  }
}
await import(pathToFileURL(bundle).href);
