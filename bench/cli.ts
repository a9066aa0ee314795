// The bundled CLI (cli/dist/gongkai-lens.cjs, built here, run through cli/gongkai-lens.mjs): start-up, pages/s per core with one and
// with all workers, milliseconds per page by phase (its --timings line), the HTML parse with the
// CLI's own tree (lib/extract/node-dom.ts) against linkedom's, and peak memory as inputs grow.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/fixtures/seeds';
import { parseHTML } from 'linkedom';
import { buildCli } from '../scripts/build-cli';
import { parseHtmlInNode } from '../lib/extract/node-dom';
import { median, type BenchPage } from './pages';

export interface CliRun {
  pages: number;
  wallMs: number;
  pagesPerS: number;
  /** Pages per second of CPU time (all threads): what one core does, whatever else the machine runs. */
  pagesPerCpuS: number;
  cpuS: number;
  ms: { parse: number; page: number; analysis: number; gc: number; output: number };
  peakMb: number;
}

/**
 * Marginal throughput, start-up left out: pages per CPU-second between runs of 1, `warm` and `long`
 * rounds of the pages. V8 compiles the hot code while the first few hundred pages go through (about
 * 3 s of TurboFan time, mostly on background threads), so the rate between `warm` and `long` is what a
 * batch of thousands runs at, and the rate between 1 and `warm` rounds what its first pages do.
 */
export interface Throughput {
  short: CliRun;
  warm: CliRun;
  long: CliRun;
  /** Pages per CPU-second once warmed up (between the warm and the long run). */
  pagesPerCpuS: number;
  /** Pages per CPU-second while V8 is still compiling (between the short and the warm run). */
  warmingPagesPerCpuS: number;
}

export interface CliBench {
  /** `--help`: process start and loading the bundle (median, ms). */
  startupMs: number;
  /** One small page with one worker: start-up plus a worker loading the engine (median, ms). */
  firstReportMs: number;
  one: Throughput;
  all: Throughput;
  /** The HTML parse alone, in this process, CPU ms per HTML page: the CLI's tree and linkedom's (the CLI's parser before). */
  parse: { own: number; linkedom: number };
  jobs: number;
  memory: { inputs: number; peakMb: number }[];
}

// What users run: the launcher compiles the bundle with V8's code cache.
const LAUNCHER = path.join(REPO_ROOT, 'cli/gongkai-lens.mjs');

function wall(bundle: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (r.error) throw r.error;
  return performance.now() - t0;
}

const num = (line: string, re: RegExp) => Number(re.exec(line)?.[1] ?? NaN);

/** A run with --timings over JSON Lines on stdin; its figures from the timings line. */
function timed(bundle: string, jobs: number, lines: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bundle, '--jsonl', '--timings', '--no-progress', '--jobs', String(jobs), '-'], { cwd: REPO_ROOT, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      const wallMs = performance.now() - t0;
      const line = err.split('\n').find((l) => l.startsWith('timings:'));
      if (!line) return reject(new Error(`no timings line: ${err}`));
      const pages = num(line, /timings: (\d+) reports/);
      resolve({
        pages, wallMs, pagesPerS: (pages / wallMs) * 1000,
        pagesPerCpuS: num(line, /= (\d+) pages per CPU-second/),
        cpuS: num(line, /CPU ([\d.]+) s/),
        ms: { parse: num(line, /parse ([\d.]+)/), page: num(line, /page ([\d.]+),/), analysis: num(line, /analysis ([\d.]+)/), gc: num(line, /within these: ([\d.]+)/), output: num(line, /output ([\d.]+)/) },
        peakMb: num(line, /peak memory (\d+) MB/),
      });
    });
    // Written as the child reads, so a long list does not sit in this process's memory.
    let k = 0;
    const feed = () => {
      while (k < lines.length) if (!child.stdin.write(`${lines[k++]}\n`)) return void child.stdin.once('drain', feed);
      child.stdin.end();
    };
    feed();
  });
}

const record = (p: BenchPage) => JSON.stringify({ source: p.name, [p.kind === 'html' ? 'html' : 'text']: p.content });

async function throughput(bundle: string, jobs: number, pages: BenchPage[], rounds: { warm: number; long: number }): Promise<Throughput> {
  const lines = pages.map(record);
  const repeat = (n: number) => Array.from({ length: n }, () => lines).flat();
  const short = await timed(bundle, jobs, lines);
  const warm = await timed(bundle, jobs, repeat(rounds.warm));
  const long = await timed(bundle, jobs, repeat(rounds.long));
  const rate = (a: CliRun, b: CliRun) => (b.pages - a.pages) / (b.cpuS - a.cpuS);
  return { short, warm, long, pagesPerCpuS: rate(warm, long), warmingPagesPerCpuS: rate(short, warm) };
}

/** CPU ms per HTML page to parse the pages, the two parsers alternating; the first round warms both up. */
function parseBench(pages: BenchPage[], rounds: number): CliBench['parse'] {
  const html = pages.filter((p) => p.kind === 'html').map((p) => p.content);
  const parsers = { own: parseHtmlInNode, linkedom: (h: string) => parseHTML(h).document };
  const cpu = { own: 0, linkedom: 0 };
  for (let r = 0; r < rounds; r++) {
    for (const v of ['own', 'linkedom'] as const) {
      const c0 = process.cpuUsage();
      for (const h of html) parsers[v](h);
      const c = process.cpuUsage(c0);
      if (r > 0) cpu[v] += (c.user + c.system) / 1000;
    }
  }
  const n = html.length * (rounds - 1);
  return { own: cpu.own / n, linkedom: cpu.linkedom / n };
}

export async function runCliBench(pages: BenchPage[], rounds = { warm: 8, long: 40 }): Promise<CliBench> {
  await buildCli();
  const jobs = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  wall(LAUNCHER, ['--help']); // writes the code cache of the new build
  const startupMs = median(Array.from({ length: 7 }, () => wall(LAUNCHER, ['--help'])));
  const small = pages.reduce((a, b) => (a.content.length <= b.content.length ? a : b));
  const firstReportMs = median(Array.from({ length: 5 }, () => wall(LAUNCHER, ['--jobs', '1', '--json', small.file])));
  const one = await throughput(LAUNCHER, 1, pages, rounds);
  const all = await throughput(LAUNCHER, jobs, pages, rounds);
  const parse = parseBench(pages, 6);
  // Peak memory against the number of inputs: it should stay flat (inputs streamed, reports not kept).
  const memory: CliBench['memory'] = [];
  for (const n of [500, 5000]) {
    const many = Array.from({ length: n }, (_, i) => record(pages[i % pages.length]!));
    memory.push({ inputs: n, peakMb: (await timed(LAUNCHER, jobs, many)).peakMb });
  }
  return { startupMs, firstReportMs, one, all, parse, jobs, memory };
}

export function formatCliBench(b: CliBench, budgetPagesPerS: number): string {
  const row = (name: string, t: Throughput) => {
    const r = t.long;
    return `  ${name.padEnd(30)}${r.pagesPerS.toFixed(0).padStart(5)} pages/s wall ${t.pagesPerCpuS.toFixed(0).padStart(5)} per CPU-s   ` +
      `parse ${r.ms.parse.toFixed(2)}  page ${r.ms.page.toFixed(2)}  analysis ${r.ms.analysis.toFixed(2)}  (gc ${r.ms.gc.toFixed(2)})  output ${r.ms.output.toFixed(2)} ms/page`;
  };
  return [
    `CLI, bundled (cli/dist/gongkai-lens.cjs, run by cli/gongkai-lens.mjs): runs of ${b.one.short.pages}, ${b.one.warm.pages} and ${b.one.long.pages} pages as JSON Lines on stdin, --jsonl; per CPU-s = pages per second of CPU time over all threads between the ${b.one.warm.pages}- and the ${b.one.long.pages}-page run (start-up and V8's warm-up left out); ms/page are wall times in the worker over the ${b.one.long.pages}-page run`,
    `  start-up (--help) ${b.startupMs.toFixed(0)} ms (budget 150; was 1,100–1,500 ms through tsx); first report of one page ${b.firstReportMs.toFixed(0)} ms`,
    row('--jobs 1', b.one),
    row(`--jobs ${b.jobs} (all cores)`, b.all),
    `  per core: ${b.one.pagesPerCpuS.toFixed(0)} pages per CPU-second (budget ${budgetPagesPerS}: ${(b.one.pagesPerCpuS / budgetPagesPerS).toFixed(2)}×; was 89 with linkedom's DOM, 71 pages/s through tsx); ${b.one.warmingPagesPerCpuS.toFixed(0)} over pages ${b.one.short.pages + 1}–${b.one.warm.pages}, while V8 still compiles the hot code`,
    `  HTML parse per page: the CLI's own tree ${b.parse.own.toFixed(2)} vs linkedom ${b.parse.linkedom.toFixed(2)} CPU ms (${(b.parse.own / b.parse.linkedom).toFixed(2)}×)`,
    `  peak memory (all threads): ${b.memory.map((m) => `${m.inputs} inputs ${m.peakMb} MB`).join(', ')}`,
  ].join('\n');
}
