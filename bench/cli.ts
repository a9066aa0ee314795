// CLI throughput: one process over all benchmark pages, the list repeated so the process start-up
// (tsx compiling the sources) is measured apart and amortised.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/fixtures/seeds';
import type { BenchPage } from './pages';

export interface CliBench {
  pages: number;
  wallMs: number;
  /** `--help` wall time: process start and module loading, no page. */
  startupMs: number;
}

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/check.ts', ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (r.error) throw r.error;
  return performance.now() - t0;
}

export function runCliBench(pages: BenchPage[], rounds = 8): CliBench {
  const files = Array.from({ length: rounds }, () => pages.map((p) => p.file)).flat();
  const startupMs = wall(['--help']);
  const wallMs = wall(['--json', ...files]);
  return { pages: files.length, wallMs, startupMs };
}
