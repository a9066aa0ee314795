// One worker thread: bytes of one input → its report, or the reason it has none. The engine is
// loaded here (lazily, by import()), never in the main thread, which only reads inputs and writes
// outputs. A worker runs under resourceLimits and a per-file timer set by the pool (cli/pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { Report } from '../lib/report/schema';
import { agencyMatcher } from './agency';

/** An input handed to a worker. `bytes` is transferred, not copied. */
export interface Job {
  id: number;
  source: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** Why an input yields no report: counted by kind in the summary. */
export type ProblemKind = 'unreadable' | 'not-report' | 'fetch' | 'limit' | 'failed';

export interface Problem {
  kind: ProblemKind;
  zh: string;
  en: string;
}

/** Milliseconds spent per phase on one input. `page` is decoding and reading blocks, parse excluded. */
export interface Timings {
  parse: number;
  page: number;
  analysis: number;
}

/** Asked by the pool before it closes: garbage collection time so far (V8 reports it late, so only in total). */
export interface GcQuery {
  gc: true;
}

export type Outcome =
  | { id: number; report: Report; matches: boolean; timings: Timings }
  | { id: number; problem: Problem };

export interface WorkerSettings {
  /** --agency: only reports whose agency matches are output (matched here: opencc is loaded here). */
  agency: string | null;
}

async function serve(settings: WorkerSettings) {
  const [{ readFile, UnreadableFile }, { analyzePage }, { parseHtmlInNode }] = await Promise.all([
    import('../lib/extract/file'),
    import('../lib/analyze'),
    import('../lib/extract/node-dom'),
  ]);
  const matches = settings.agency ? await agencyMatcher(settings.agency) : () => true;
  let gc = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc += e.duration;
  }).observe({ entryTypes: ['gc'] });
  let parseMs = 0;
  const env = {
    parseHtml(html: string): Document {
      const t = performance.now();
      const doc = parseHtmlInNode(html);
      parseMs += performance.now() - t;
      return doc;
    },
  };

  parentPort!.on('message', async (job: Job | GcQuery) => {
    if ('gc' in job) {
      // The last collections' entries arrive on a later turn of the event loop.
      setTimeout(() => parentPort!.postMessage({ gcMs: gc }), 20);
      return;
    }
    parseMs = 0;
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      const page = await readFile({ bytes: job.bytes, source: job.source, contentType: job.contentType }, env);
      const t1 = performance.now();
      const analysis = analyzePage(page, { source: job.source });
      const t2 = performance.now();
      outcome = analysis.recognition.isReport
        ? { id: job.id, report: analysis.report, matches: matches(analysis.report.agency), timings: { parse: parseMs, page: t1 - t0 - parseMs, analysis: t2 - t1 } }
        : { id: job.id, problem: { kind: 'not-report', zh: '不是政府信息公开工作年度报告', en: 'not an annual report' } };
    } catch (e) {
      outcome = e instanceof UnreadableFile
        ? { id: job.id, problem: { kind: 'unreadable', zh: e.zh, en: e.en } }
        // An engine failure is a bug, but one file must not stop the others: one line says it.
        : { id: job.id, problem: { kind: 'failed', zh: '分析失败', en: `analysis failed: ${describe(e)}` } };
    }
    parentPort!.postMessage(outcome);
  });
  parentPort!.postMessage({ ready: true });
}

function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown[] }).issues)) {
    const issues = (e as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return `report does not fit the schema: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? `; … (${issues.length} issues)` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Entry of a worker thread (cli/check.ts calls it when it runs as one). */
export function runWorker(): void {
  void serve(workerData as WorkerSettings);
}
