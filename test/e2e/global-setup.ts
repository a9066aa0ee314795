// Builds the extension once per e2e run, into its own folder so a developer's .output stays as it is.
import { spawnSync } from 'node:child_process';
import { E2E_OUT_DIR } from './harness';
import { REPO_ROOT } from '../../scripts/serve';

export default function setup(): void {
  const started = Date.now();
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    env: { ...process.env, GKL_OUT_DIR: E2E_OUT_DIR },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`wxt build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  console.log(`[e2e] extension built in ${Date.now() - started} ms → ${E2E_OUT_DIR}`);
}
