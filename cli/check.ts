// gongkai-lens check / npm run check: checks many report files, folders, globs, URLs, web archives or
// JSON Lines at once. The main thread lists and reads inputs and writes outputs, streaming, in input
// order; worker threads (cli/pool.ts) run the engine, each input under a time and memory limit. The
// same file is the workers' entry: bundled (scripts/build-cli.ts) it is the whole program.
import { isMainThread } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { countOf, type Report } from '../lib/report/schema';
import { HELP, parseArgs, type Options } from './args';
import { countInputs, countUrls, pathItems, Skipped, type Item, type Later } from './inputs';
import { COLOUR, PLAIN, PROBLEM_WORDS, formatReport, summaryLine, type Totals } from './output';
import { WorkerPool } from './pool';
import { Progress } from './progress';
import { runWorker, type Outcome, type Timings } from './worker';

/** stdout with back-pressure: a slow pipe holds the run back instead of filling memory. */
class Sink {
  /** The reader went away: the rest of the run would be written nowhere. */
  broken = false;
  constructor(private readonly out: NodeJS.WriteStream) {
    // A reader that went away (| head) ends the output, not the run with a stack trace.
    out.on('error', () => (this.broken = true));
  }
  async write(s: string): Promise<void> {
    if (this.broken || !s) return;
    if (!this.out.write(s)) await new Promise<void>((resolve) => this.out.once('drain', resolve).once('error', () => resolve()));
  }
}

async function* inputsOf(opts: Options, skipped: Skipped): AsyncGenerator<Item | Later> {
  const limits = { maxBytes: opts.maxBytes };
  for (const arg of opts.paths) {
    if (arg === '-') {
      const { stdinItems } = await import('./stdin');
      yield* stdinItems();
    } else yield* pathItems([arg], skipped, limits);
  }
  if (opts.urls) {
    const { urlItems } = await import('./urls');
    yield* urlItems(opts.urls, {
      concurrency: opts.fetchConcurrency, retries: opts.retries, retryDelayMs: opts.retryDelayMs, timeoutMs: opts.fetchTimeoutMs,
      cacheDir: opts.cacheDir, maxBytes: opts.maxBytes, userAgent: 'gongkai-lens (bulk check of government information-disclosure annual reports)',
    });
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(HELP);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const opts = parsed;
  const t0 = performance.now();
  const out = new Sink(process.stdout);
  const lang = opts.lang;
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOUR : PLAIN;
  const progress = new Progress(process.stderr, lang, opts.progress === 'always' || (opts.progress === 'auto' && !!process.stderr.isTTY));
  if (opts.progress !== 'never' && (opts.progress === 'always' || process.stderr.isTTY)) {
    void Promise.all([countInputs(opts.paths), opts.urls ? countUrls(opts.urls) : 0]).then(([files, urls]) => files !== null && urls !== null && progress.setTotal(files + urls));
  }
  const { Workbook } = opts.xlsx ? await import('./workbook') : { Workbook: null };
  const workbook = Workbook ? new Workbook(lang) : null;
  const csv = opts.mode === 'csv' ? await import('../lib/export/summary') : null;
  const tsv = opts.mode === 'tsv' ? await import('../lib/export') : null;

  const totals: Totals = { reports: 0, errors: 0, warnings: 0, problems: new Map(), filteredOut: 0, skipped: new Map() };
  const spent: Timings = { parse: 0, page: 0, analysis: 0 };
  let gcMs = 0;
  let outputMs = 0;
  let first = true;
  if (opts.mode === 'csv') await out.write(csv!.CSV_BOM + csv!.csvLine(csv!.summaryHeader(lang)));

  const emit = async (source: string, outcome: Outcome) => {
    if ('problem' in outcome) {
      const p = outcome.problem;
      const word = PROBLEM_WORDS[lang][p.kind];
      totals.problems.set(word, (totals.problems.get(word) ?? 0) + 1);
      progress.say(`${source}: ${p.zh} (${p.en})`);
      progress.tick(0, true);
      const reason = lang === 'zh' ? p.zh : p.en;
      workbook?.addProblem(source, reason);
      if (csv) await out.write(csv.csvLine(csv.problemRow(source, reason)));
      // A pipeline (Spark's RDD.pipe) sees stdout only: the problem takes the input's place there too.
      if (opts.mode === 'jsonl' && opts.problemRecords) await out.write(`${JSON.stringify({ source, problem: p })}\n`);
      return;
    }
    const r: Report = outcome.report;
    for (const k of Object.keys(spent) as (keyof Timings)[]) spent[k] += outcome.timings[k];
    const errors = countOf(r, 'error');
    progress.tick(errors, false);
    if (!outcome.matches) {
      totals.filteredOut++;
      return;
    }
    totals.reports++;
    totals.errors += errors;
    totals.warnings += countOf(r, 'warning');
    const t = performance.now();
    workbook?.addReport(r);
    let text = '';
    if (opts.mode === 'json') text = `${first ? '[\n' : ',\n'}  ${JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')}`;
    else if (opts.mode === 'jsonl') text = `${JSON.stringify(r)}\n`;
    else if (csv) text = csv.csvLine(csv.summaryRow(r, lang));
    else if (tsv) text = `${first ? '' : '\n'}# ${r.source}\n${tsv.toTsv(r, lang)}`;
    else if (opts.mode === 'text') text = `${formatReport(r, lang, style)}\n\n`;
    first = false;
    outputMs += performance.now() - t;
    await out.write(text);
  };

  const pool = new WorkerPool({
    size: opts.jobs, timeoutMs: opts.timeoutMs, maxMemoryMb: opts.maxMemoryMb,
    settings: { agency: opts.agency }, entry: new URL(import.meta.url),
  });
  // Results in input order: a window of inputs in flight, the oldest written first. The window
  // bounds memory (and how far ahead --urls fetches) whatever the number of inputs.
  const window = Math.max(opts.jobs * 4, opts.fetchConcurrency * 2, 8);
  const pending: { source: Promise<string>; outcome: Promise<Outcome> }[] = [];
  let id = 0;
  const skipped = new Skipped();
  try {
    for await (const next of inputsOf(opts, skipped)) {
      if (out.broken) break;
      const item = 'later' in next ? next.later : Promise.resolve(next);
      const n = id++;
      pending.push({
        source: item.then((i) => i.source),
        outcome: item.then((i) => ('problem' in i ? { id: n, problem: i.problem } : pool.run({ id: n, source: i.source, bytes: i.bytes, ...(i.contentType ? { contentType: i.contentType } : {}) }))),
      });
      while (pending.length >= window) {
        const head = pending.shift()!;
        await emit(await head.source, await head.outcome);
      }
    }
    for (const head of pending.splice(0)) await emit(await head.source, await head.outcome);
  } finally {
    gcMs = await pool.close();
  }
  progress.end();
  totals.skipped = skipped.byExtension;

  let code = totals.problems.size ? 2 : totals.errors ? 1 : 0;
  if (opts.mode === 'json') await out.write(first ? '[]\n' : '\n]\n');
  if (opts.mode === 'text' || opts.mode === 'none') await out.write(`${summaryLine(totals, lang)}\n`);
  if (workbook && opts.xlsx) {
    try {
      await workbook.write(opts.xlsx);
      if (opts.mode === 'none') await out.write(lang === 'zh' ? `已写入 ${opts.xlsx}\n` : `written to ${opts.xlsx}\n`);
    } catch (e) {
      process.stderr.write(`${opts.xlsx}: 无法写入工作簿 (cannot write the workbook: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      code = 3;
    }
  }
  if (opts.timings) {
    const n = totals.reports + totals.filteredOut;
    const wall = performance.now() - t0;
    const per = (ms: number) => (n ? (ms / n).toFixed(2) : '-');
    // CPU time of the whole process (main thread, workers, GC threads): pages per core, whatever else runs.
    const usage = process.resourceUsage();
    const cpu = usage.userCPUTime + usage.systemCPUTime;
    process.stderr.write(
      `timings: ${n} reports in ${(wall / 1000).toFixed(2)} s = ${n ? ((n / wall) * 1000).toFixed(0) : 0} pages/s with ${opts.jobs} worker(s); ` +
        `ms/page in workers: parse ${per(spent.parse)}, page ${per(spent.page)}, analysis ${per(spent.analysis)} (garbage collection within these: ${per(gcMs)}); output ${per(outputMs)} in the main thread; ` +
        `CPU ${(cpu / 1e6).toFixed(2)} s = ${n ? (n / (cpu / 1e6)).toFixed(0) : 0} pages per CPU-second; peak memory ${(usage.maxRSS / 1024).toFixed(0)} MB\n`,
    );
  }
  return code;
}

if (isMainThread) {
  // exitCode, not exit(): a large output must be flushed to a pipe before the process ends.
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
} else runWorker();
