// Builds the Firefox target once per Firefox e2e run, into the e2e build folder (GKL_E2E_OUT, as the
// Chromium run: the two builds sit side by side there, firefox-mv2 beside chrome-mv3).
import { spawnSync } from 'node:child_process';
import { E2E_OUT_DIR } from '../e2e/harness';
import { REPO_ROOT } from '../../scripts/serve';

export default function setup(): void {
  const started = Date.now();
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
    cwd: REPO_ROOT,
    env: { ...process.env, GKL_OUT_DIR: E2E_OUT_DIR },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`wxt build -b firefox failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  console.log(`[e2e-firefox] extension built in ${Date.now() - started} ms → ${E2E_OUT_DIR}`);
}
