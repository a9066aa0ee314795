// examples/spark: the recipe's pipe (JSON Lines through `gongkai-lens check --jsonl -`, one process
// per partition) gives the same reports as one CLI run. With pyspark installed the recipe runs in
// Spark's local mode; without it, it says so and exits 3 (pypi is not reachable on the development
// machine, so pyspark could not be installed there: the emulated pipe is what ran).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../lib/report/schema';
import { REPO_ROOT, seed } from './fixtures/seeds';
import { runCli } from './fixtures/cli';

vi.setConfig({ testTimeout: 300_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-spark-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = 'examples/spark/check_reports.py';
const garbage = path.join(tmp, 'garbage.html');
fs.writeFileSync(garbage, Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd]));
const inputs = [...(['000', '001', '002', '003', '004'] as const).map((id) => seed(id).file), path.join(REPO_ROOT, 'test/fixtures/html/003-word.html'), garbage];

const python = (args: string[]) => spawnSync('python3', [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
const readLines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report & { problem?: { kind: string; zh: string; en: string } });
const hasPyspark = spawnSync('python3', ['-c', 'import pyspark'], { encoding: 'utf8' }).status === 0;

describe('examples/spark/check_reports.py', () => {
  const direct = runCli(['--jsonl', ...inputs]).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report);

  it('--emulate: three partitions piped through the CLI give the same reports, and the unreadable input as a problem record', () => {
    const out = path.join(tmp, 'emulated.jsonl');
    const run = python(['--emulate', '--partitions', '3', '--out', out, ...inputs]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`6 reports, 31 errors, 1 inputs without a report -> ${out}\n`);
    const lines = readLines(out);
    expect(lines.map((l) => l.source)).toEqual(inputs);
    expect(lines.slice(0, 6)).toEqual(direct);
    expect(lines[6]).toEqual({ source: garbage, problem: { kind: 'unreadable', zh: '无法识别编码', en: 'unreadable encoding: neither UTF-8 nor GB18030' } });
  });

  it(hasPyspark ? "runs in Spark's local mode with the same reports" : 'without pyspark, says how to get it and exits 3', () => {
    const out = path.join(tmp, 'spark.jsonl');
    const run = python(['--master', 'local[2]', '--partitions', '2', '--out', out, ...inputs]);
    if (!hasPyspark) {
      expect(run.status).toBe(3);
      expect(run.stderr).toBe('pyspark is not installed (pip install pyspark), or run with --emulate\n');
      return;
    }
    expect(run.status).toBe(0);
    const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : 1);
    const lines = readLines(out).sort(bySource);
    expect(lines.filter((l) => !l.problem)).toEqual([...direct].sort(bySource));
    expect(lines.filter((l) => l.problem).map((l) => l.source)).toEqual([garbage]);
  });
});
