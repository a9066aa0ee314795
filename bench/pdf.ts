// The PDF front door in Node on the real corpus PDF (huaian-2024.pdf, 6 pages by WPS): reading it
// (pdf.js text layer + ruling lines → Page) and checking it, against the budget, beside poppler's
// `pdftotext -layout` on the same file (a text dump only, no tables, no checks) as a yardstick.
// The reads run in a fresh Node process, bundled as the CLI is (pdf.js loaded from node_modules on
// the first PDF): under tsx, loading pdf.js alone would take a second longer than the CLI takes.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readPdf, type PdfReadTimes } from '../lib/extract/pdf';
import { analyzePage } from '../lib/analyze';
import { REPO_ROOT, SHARED } from '../test/fixtures/seeds';
import { median } from './pages';

export const PDF_BUDGET_MS = 150;
/** The figure before session 3 (near idle): 246 ms, pdf.js 245 of it. */
export const PDF_PREVIOUS_MS = 246;
const FILE = path.join(SHARED, 'corpus/huaian-2024.pdf');

/** One read and check, in ms: the reader's phases, the analysis, their total and its CPU time (all threads). */
export interface PdfRead extends PdfReadTimes {
  analysis: number;
  total: number;
  cpu: number;
  pages: number;
}

export interface PdfBench {
  file: string;
  repeats: number;
  /** The first document in a fresh process: loading pdf.js included. */
  first: PdfRead;
  /** The second document in that process. */
  second: PdfRead;
  /** The median of `repeats` later documents (by total time; its parts as that read had them). */
  warm: PdfRead;
  /** The median CPU time of those reads. */
  warmCpu: number;
  /** Median: `pdftotext -layout file -` as a process (null when poppler-utils is missing). */
  pdftotextMs: number | null;
}

/** Reads and checks `file` 2 + `repeats` times in this process: the first, the second, then the warm ones. */
export async function measureReads(file: string, repeats: number): Promise<PdfRead[]> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const reads: PdfRead[] = [];
  for (let i = 0; i < repeats + 2; i++) {
    const times: Partial<PdfReadTimes> = {};
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const page = await readPdf(bytes, file, times);
    const t1 = performance.now();
    analyzePage(page, { source: file });
    const total = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const pages = new Set(page.blocks.flatMap((b) => (b.kind === 'text' ? b.cell.boxes ?? [] : b.grid.rows.flat().flatMap((x) => x.boxes ?? []))).map((b) => b.page)).size;
    reads.push({ open: 0, text: 0, drawing: 0, layout: 0, ...times, analysis: total - (t1 - t0), total, cpu: (c.user + c.system) / 1000, pages });
  }
  return reads;
}

/** The reads in a fresh `node` on a bundle of this module, as the CLI runs (pdf.js external). */
async function readsInFreshProcess(repeats: number): Promise<PdfRead[]> {
  const { build } = await import('esbuild');
  // Inside the repository, so the bundle finds pdf.js in node_modules; one per run, removed after.
  const bundle = path.join(REPO_ROOT, `node_modules/.cache/gongkai-lens-bench/pdf-reads-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: `import { measureReads } from ${JSON.stringify(path.join(REPO_ROOT, 'bench/pdf.ts'))};
        process.stdout.write(JSON.stringify(await measureReads(process.argv[2], Number(process.argv[3]))));`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['pdfjs-dist', 'esbuild'],
    logLevel: 'warning',
  });
  try {
    return JSON.parse(execFileSync(process.execPath, [bundle, FILE, String(repeats)], { encoding: 'utf8', maxBuffer: 16 << 20 })) as PdfRead[];
  } finally {
    fs.rmSync(bundle, { force: true });
  }
}

export async function runPdfBench(repeats = 15): Promise<PdfBench> {
  const [first, second, ...rest] = await readsInFreshProcess(repeats);
  const warm = [...rest].sort((a, b) => a.total - b.total)[rest.length >> 1]!;
  const warmCpu = median(rest.map((r) => r.cpu));
  let pdftotextMs: number | null = null;
  try {
    const xs: number[] = [];
    for (let i = 0; i <= repeats; i++) {
      const t0 = performance.now();
      execFileSync('pdftotext', ['-layout', FILE, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
      if (i) xs.push(performance.now() - t0);
    }
    pdftotextMs = median(xs);
  } catch {
    pdftotextMs = null;
  }
  return { file: path.basename(FILE), repeats, first: first!, second: second!, warm, warmCpu, pdftotextMs };
}

const f = (x: number) => x.toFixed(1);
/** "pdf.js 120.3 (open …, text layer …, drawings …) + layout … + analysis …" */
const split = (r: PdfRead) =>
  `pdf.js ${f(r.open + r.text + r.drawing)} (open ${f(r.open)}, text layer ${f(r.text)}, drawings ${f(r.drawing)}) + layout ${f(r.layout)} + analysis ${f(r.analysis)}`;

export function formatPdfBench(b: PdfBench): string {
  const w = b.warm;
  const lines = [
    `PDF in Node — ${b.file} (${w.pages} pages), read + check, budget ${PDF_BUDGET_MS} ms (previous ${PDF_PREVIOUS_MS} ms near idle)`,
    `  warm, the median of ${b.repeats} later documents: ${f(w.total)} ms (${((w.total / PDF_BUDGET_MS) * 100).toFixed(0)}% of the budget) = ${split(w)} + closing ${f(w.total - w.open - w.text - w.drawing - w.layout - w.analysis)}`,
    `  CPU time of one (median): ${f(b.warmCpu)} ms over all threads (pdf.js inflates on libuv's pool; V8 compiles and collects beside); a loaded machine stretches wall time, not this`,
    `  first document in a fresh process (bundled as the CLI is; loading pdf.js): ${f(b.first.total)} ms = ${split(b.first)}`,
    `  second document in that process: ${f(b.second.total)} ms = ${split(b.second)}`,
  ];
  lines.push(
    b.pdftotextMs === null
      ? '  pdftotext -layout: not installed (poppler-utils)'
      : `  pdftotext -layout (text only, a process): ${f(b.pdftotextMs)} ms; read + check is ${(w.total / b.pdftotextMs).toFixed(1)}× that`,
  );
  return lines.join('\n');
}
