// Byte budgets of the built extension (run after `npm run build`, in CI too):
//   - the always-on detector ≤ 4096 bytes minified (it runs on every gov.cn page);
//   - every built JS file is strict UTF-8 (Chrome refuses to load a content script that is not);
//   - no content script (nor the background) carries pdf.js: only the viewer and offscreen pages do;
// and prints the analyzer's size. Exits 1 when a budget is broken.
//
//   npx tsx scripts/check-budgets.ts [output dir]   (default: $GKL_OUT_DIR or .output)
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './serve';

const DETECTOR_BUDGET = 4096;
const DETECTOR = 'detector.js';
const ANALYZER = 'content-scripts/analyzer.js';
/**
 * pdf.js (with its worker) belongs to the viewer and the offscreen document only: strings of its
 * main module that survive minification. A content script (or the background) holding one has it.
 */
const PDFJS_MARKERS = ['GlobalWorkerOptions', 'Setting up fake worker'];
const withoutPdfJs = (relative: string) => relative.startsWith('content-scripts/') || relative === DETECTOR || relative === 'background.js';

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => path.join(e.parentPath, e.name));
}

/** The byte offset of the first invalid UTF-8 sequence, or null. */
function invalidUtf8At(bytes: Buffer): number | null {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // Narrow it down for the message: the longest prefix that still decodes.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    return lo;
  }
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function checkBudgets(outDir: string): Promise<string[]> {
  if (!existsSync(outDir)) return [`no build output at ${outDir}: run \`npm run build\` first`];
  const targets = (await readdir(outDir, { withFileTypes: true })).filter((e) => e.isDirectory() && existsSync(path.join(outDir, e.name, 'manifest.json')));
  if (!targets.length) return [`no built extension in ${outDir}: run \`npm run build\` first`];
  const problems: string[] = [];
  for (const target of targets.map((t) => path.join(outDir, t.name))) {
    const name = path.basename(target);
    console.log(`\n${name}`);
    for (const file of await jsFiles(target)) {
      const bytes = await readFile(file);
      const at = invalidUtf8At(bytes);
      const text = bytes.toString('utf8');
      if (at !== null) problems.push(`${name}/${path.relative(target, file)} is not valid UTF-8 (byte ${at}): Chrome will refuse it`);
      const relative = path.relative(target, file).split(path.sep).join('/');
      const marker = withoutPdfJs(relative) ? PDFJS_MARKERS.find((m) => text.includes(m)) : undefined;
      if (marker) problems.push(`${name}/${relative} contains pdf.js ("${marker}"): it must load only in the viewer and the offscreen document`);
    }
    const detector = path.join(target, DETECTOR);
    if (!existsSync(detector)) {
      problems.push(`${name}: no ${DETECTOR}`);
    } else {
      const size = (await readFile(detector)).length;
      const over = size > DETECTOR_BUDGET;
      console.log(`  detector  ${String(size).padStart(7)} B  (budget ${DETECTOR_BUDGET} B)${over ? '  OVER BUDGET' : ''}`);
      if (over) problems.push(`${name}/${DETECTOR} is ${size} bytes, over its budget of ${DETECTOR_BUDGET}`);
    }
    const analyzer = path.join(target, ANALYZER);
    if (existsSync(analyzer)) {
      const bytes = await readFile(analyzer);
      console.log(`  analyzer  ${kB(bytes.length).padStart(9)}  (${kB(gzipSync(bytes).length)} gzipped; injected on report pages only)`);
    } else {
      problems.push(`${name}: no ${ANALYZER}`);
    }
  }
  return problems;
}

const outDir = path.resolve(REPO_ROOT, process.argv[2] ?? process.env.GKL_OUT_DIR ?? '.output');
const problems = await checkBudgets(outDir);
if (problems.length) {
  console.error(`\nbudgets broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nall budgets kept; every JS file is valid UTF-8; pdf.js only in the viewer and offscreen pages');
