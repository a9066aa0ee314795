// The last line of `npm test` never looks better than the run was.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './serve';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gkl-summary-'));

/** A vitest JSON report of one file whose tests ended as `statuses`. */
function report(name: string, statuses: string[], fileStatus = statuses.includes('failed') ? 'failed' : 'passed'): string {
  const file = path.join(dir, `${name}.json`);
  const count = (s: string) => statuses.filter((x) => x === s).length;
  writeFileSync(file, JSON.stringify({
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: 0,
    testResults: [{ name: `/repo/${name}.test.ts`, status: fileStatus, assertionResults: statuses.map((status) => ({ status })) }],
  }));
  return file;
}

function summary(...files: string[]): { lines: string[]; status: number | null } {
  const run = spawnSync('npx', ['tsx', 'scripts/test-summary.ts', ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { lines: run.stdout.trim().split('\n'), status: run.status };
}

// Each case starts tsx (about 3 s on a loaded machine).
describe('npm test summary', { timeout: 30_000 }, () => {
  it('counts every suite: unit, Chromium, Firefox', () => {
    const { lines, status } = summary(report('unit', ['passed', 'passed']), report('e2e', ['passed']), report('ff', ['passed', 'failed']));
    expect(lines).toEqual(['4 passed, 1 failed']);
    expect(status).toBe(1);
  });

  it('a suite that wrote no report, and a file that broke before its tests, fail the run', () => {
    const { lines, status } = summary(report('unit2', ['passed']), report('ff2', ['skipped', 'skipped'], 'failed'), path.join(dir, 'absent.json'));
    expect(lines).toEqual([
      `no report in ${path.join(dir, 'absent.json')}: that suite did not run to its end`,
      '/repo/ff2.test.ts broke before its tests ran',
      '1 passed, 0 failed, 2 skipped, 1 test files broken, 1 suites without a report',
    ]);
    expect(status).toBe(1);
  });

  it('all passed: exit 0', () => {
    expect(summary(report('all', ['passed', 'passed', 'passed']))).toEqual({ lines: ['3 passed, 0 failed'], status: 0 });
  });
});
