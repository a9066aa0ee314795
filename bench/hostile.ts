// Hostile and huge pages against the budget: any page of ≤ 1 MB analysed in ≤ 1 s and ≤ 100 MB.
// Each generated worst case (test/fuzz/worst-cases.ts: huge spans, 110k-row tables, deep nesting,
// 1 MB one-line paragraphs, a 300,000-digit figure) runs in its own process (bench/hostile-case.ts),
// then a fixed-seed sample of the fuzz corpus (mutated real pages) in this one, then the worst cases
// in Chromium (bench/hostile-chromium.ts; not with --node). Figures, no asserts.
//   npx tsx bench/hostile.ts [--node]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { newStats, pagesProperty, realPages, type Stats } from '../test/fuzz/properties';
import { worstCases } from '../test/fuzz/worst-cases';
import { REPO_ROOT } from '../test/fixtures/seeds';
import { runHostileChromium, type ChromiumCase } from './hostile-chromium';

export const HOSTILE_BUDGET_MS = 1000;
export const HOSTILE_BUDGET_MB = 100;
const BYTES = 1_000_000;

export interface HostileCase {
  name: string;
  bytes: number;
  parseMs: number;
  analysisMs: number;
  peakRiseMb: number;
  findings: string[];
}

export interface HostileBench {
  cases: (HostileCase | { name: string; error: string })[];
  fuzz: Stats;
  /** The same worst cases in Chromium (skipped with `--node`). */
  chromium?: ChromiumCase[];
}

export async function runHostileBench(withChromium: boolean, fuzzRuns = 100): Promise<HostileBench> {
  const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
  const cases = worstCases(BYTES).map((c, i) => {
    const run = spawnSync(tsx, [path.join(REPO_ROOT, 'bench/hostile-case.ts'), String(i), String(BYTES)], { encoding: 'utf8', timeout: 600_000 });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(line) as HostileCase;
    } catch {
      return { name: c.name, error: (run.stderr || `exit ${run.status}`).trim().split('\n').slice(-1)[0]! };
    }
  });
  const stats = newStats();
  fc.assert(pagesProperty(realPages(), stats), { seed: 20261206, numRuns: fuzzRuns });
  return { cases, fuzz: stats, chromium: withChromium ? await runHostileChromium(BYTES) : undefined };
}

export function formatHostileBench(b: HostileBench): string {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const lines = [`Hostile pages (Node, the CLI's HTML tree; each case in its own process) — budget ${HOSTILE_BUDGET_MS} ms and ${HOSTILE_BUDGET_MB} MB per page of ≤ 1 MB`, ''];
  lines.push(`${pad('case', 36)}   size   parse  analysis  peak rise   vs ${HOSTILE_BUDGET_MS} ms`);
  let worstMs = 0;
  let worstMb = 0;
  for (const c of b.cases) {
    if ('error' in c) {
      lines.push(`${pad(c.name, 36)} FAILED: ${c.error}`);
      continue;
    }
    worstMs = Math.max(worstMs, c.analysisMs);
    worstMb = Math.max(worstMb, c.peakRiseMb);
    lines.push(
      `${pad(c.name, 36)}${(c.bytes / 1024).toFixed(0).padStart(5)} KB${c.parseMs.toFixed(0).padStart(7)}${c.analysisMs.toFixed(0).padStart(9)} ms${c.peakRiseMb.toFixed(0).padStart(7)} MB   ${((c.analysisMs / HOSTILE_BUDGET_MS) * 100).toFixed(0).padStart(4)}%${c.findings.length ? `  ${[...new Set(c.findings)].join(', ')}` : ''}`,
    );
  }
  lines.push('', `worst case: analysis ${worstMs.toFixed(0)} ms (budget ${HOSTILE_BUDGET_MS}), peak memory rise ${worstMb.toFixed(0)} MB (budget ${HOSTILE_BUDGET_MB})`);
  lines.push(`fuzz corpus (fixed seed, ${b.fuzz.cases} mutated real pages): slowest analysis ${b.fuzz.worstMs.toFixed(0)} ms on ${(b.fuzz.worstBytes / 1024).toFixed(0)} KB (${b.fuzz.worstCase}); of pages ≤ 1 MB ${b.fuzz.worstMsUpTo1Mb.toFixed(0)} ms`);
  if (b.chromium) {
    lines.push('', `The same pages in Chromium (its parser; the engine bundled) — analysis and JS heap growth`);
    for (const c of b.chromium) {
      lines.push(c.error ? `${pad(c.name, 36)} FAILED: ${c.error}` : `${pad(c.name, 36)}${c.analysisMs.toFixed(0).padStart(7)} ms${c.heapGrowthMb.toFixed(0).padStart(6)} MB   ${((c.analysisMs / HOSTILE_BUDGET_MS) * 100).toFixed(0).padStart(4)}%`);
    }
    const ok = b.chromium.filter((c) => !c.error);
    lines.push(`worst in Chromium: ${Math.max(0, ...ok.map((c) => c.analysisMs)).toFixed(0)} ms, heap growth ${Math.max(0, ...ok.map((c) => c.heapGrowthMb)).toFixed(0)} MB`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'bench/hostile.ts')) {
  console.log(formatHostileBench(await runHostileBench(!process.argv.includes('--node'))));
}
