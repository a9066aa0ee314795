// The PDF front door in Node on the real corpus PDF (huaian-2024.pdf, 6 pages by WPS): reading it
// (pdf.js text layer + ruling lines → Page) and checking it, against the budget, beside poppler's
// `pdftotext -layout` on the same file (a text dump only, no tables, no checks) as a yardstick.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { readFile } from '../lib/extract/file';
import { analyzePage } from '../lib/analyze';
import { SHARED } from '../test/fixtures/seeds';
import { median } from './pages';

export const PDF_BUDGET_MS = 150;
const FILE = path.join(SHARED, 'corpus/huaian-2024.pdf');

export interface PdfBench {
  file: string;
  pages: number;
  repeats: number;
  /** The first read in the process: loading pdf.js included. */
  firstReadMs: number;
  /** Median, warm: PDF → Page. */
  readMs: number;
  /** Median CPU time of one read (all threads: pdf.js inflates streams on libuv's pool), which a loaded machine does not stretch as it stretches wall time. */
  readCpuMs: number;
  /** Median, warm: Page → report (recognition, tables, checks). */
  analysisMs: number;
  /** Median: `pdftotext -layout file -` as a process (null when poppler-utils is missing). */
  pdftotextMs: number | null;
}

async function timeAsync(fn: () => Promise<unknown>, repeats: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export async function runPdfBench(repeats = 15, warmup = 3): Promise<PdfBench> {
  const bytes = new Uint8Array(fs.readFileSync(FILE));
  const env = { parseHtml: (html: string) => parseHTML(html).document };
  const input = { bytes, source: FILE };
  const t0 = performance.now();
  const page = await readFile(input, env);
  const firstReadMs = performance.now() - t0;
  const readMs = await timeAsync(() => readFile(input, env), repeats, warmup);
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    await readFile(input, env);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const readCpuMs = median(cpu);
  const analysisMs = await timeAsync(async () => analyzePage(page, { source: FILE }), repeats, warmup);
  let pdftotextMs: number | null = null;
  try {
    pdftotextMs = await timeAsync(async () => execFileSync('pdftotext', ['-layout', FILE, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }), repeats, 1);
  } catch {
    pdftotextMs = null;
  }
  const pages = new Set(page.blocks.flatMap((b) => (b.kind === 'text' ? b.cell.boxes ?? [] : b.grid.rows.flat().flatMap((c) => c.boxes ?? []))).map((b) => b.page)).size;
  return { file: path.basename(FILE), pages, repeats, firstReadMs, readMs, readCpuMs, analysisMs, pdftotextMs };
}

export function formatPdfBench(b: PdfBench): string {
  const total = b.readMs + b.analysisMs;
  const lines = [
    `PDF in Node — ${b.file} (${b.pages} pages), median of ${b.repeats} runs after warm-up`,
    `  read (pdf.js → Page) ${b.readMs.toFixed(1)} ms + analysis ${b.analysisMs.toFixed(1)} ms = ${total.toFixed(1)} ms (budget ${PDF_BUDGET_MS} ms: ${((total / PDF_BUDGET_MS) * 100).toFixed(0)}%)`,
    `  CPU time of one read: ${b.readCpuMs.toFixed(1)} ms (wall time beyond it is waiting: for the CPU on a loaded machine, for inflation on the thread pool)`,
    `  first read in a process (loading pdf.js): ${b.firstReadMs.toFixed(0)} ms`,
  ];
  lines.push(
    b.pdftotextMs === null
      ? '  pdftotext -layout: not installed (poppler-utils)'
      : `  pdftotext -layout (text only, a process): ${b.pdftotextMs.toFixed(1)} ms; read + check is ${(total / b.pdftotextMs).toFixed(1)}× that`,
  );
  return lines.join('\n');
}
