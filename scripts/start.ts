// `npm start`: see the extension work with one command. Builds it, serves the sample reports under
// their gov.cn addresses on this machine, and opens Chromium (a fresh profile with the extension
// loaded) on the list of samples and on a report with errors. Ctrl-C stops the server and Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, resolverRules, route, startFixtureServer } from './serve';
import { startArgs, startEnv, startPreferences } from './start-chromium';

const CHROMIUM = '/usr/bin/chromium';
/** The sample opened beside the list: seed 001 has errors, so the badge and the panel have something to show. */
const FIRST_REPORT = '001-word';

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    [
      'npm start opens a Chromium window, and this machine has no display ($DISPLAY is not set).',
      '  - On a machine without a screen, run it on a virtual display:',
      '      apt-get install -y xvfb && xvfb-run -a npm start',
      '    (then look at it with a VNC server on that display, or take screenshots).',
      '  - To see it work without any window, run the browser tests: npm run test:e2e',
      '    (screenshots land in test-results/screenshots/; npm run screenshots refreshes docs/screenshots/).',
    ].join('\n'),
  );
}
if (!existsSync(CHROMIUM)) fail(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);

console.log('building the extension (wxt build) …');
const outDir = path.join(REPO_ROOT, process.env.GKL_OUT_DIR ?? '.output');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, GKL_OUT_DIR: outDir } });
if (build.status !== 0) fail('the build failed (see above); nothing was started.');
const extension = path.join(outDir, 'chrome-mv3');

const server = await startFixtureServer();
const profile = await mkdtemp(path.join(os.tmpdir(), 'gkl-start-'));
// Chinese, no translate bubble, the extension pinned to the toolbar (its badge shows at once).
await mkdir(path.join(profile, 'Default'));
await writeFile(path.join(profile, 'Default/Preferences'), JSON.stringify(startPreferences(extension)));
const index = `${server.origin}/`;
const report = route(FIRST_REPORT).url;

const chromium = spawn(
  CHROMIUM,
  [
    // Chromium refuses to run as root with its sandbox on (containers, CI machines).
    ...startArgs({ profile, extensionDir: extension, resolverRules: resolverRules(server.port), root: process.getuid?.() === 0 }),
    index,
    report,
  ],
  // Its own process group: Ctrl-C here stops Chromium and all its helpers, and nothing else.
  { stdio: 'ignore', detached: true, env: startEnv(process.env) },
);

console.log(`
公开年报核对 / Gongkai Lens is running.
  samples (index):  ${index}
  a report:         ${report}
  extension:        ${extension}
The sample pages are served from this machine under their real addresses (gov.cn and a few
others are mapped to 127.0.0.1:${server.port} for this Chromium only). Ctrl-C stops everything.`);

const exited = new Promise<void>((resolve) => chromium.once('exit', () => resolve()));

function signalChromium(signal: NodeJS.Signals): void {
  try {
    process.kill(-chromium.pid!, signal);
  } catch {
    // Already gone.
  }
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (chromium.exitCode === null && chromium.signalCode === null && chromium.pid) {
    signalChromium('SIGTERM');
    // Chromium writes its profile while it shuts down: wait for it before deleting the profile.
    const timeout = setTimeout(() => signalChromium('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timeout);
  }
  await server.close();
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
chromium.on('exit', (code, signal) => {
  if (stopping) return;
  console.log(code === 0 || signal ? '\nChromium was closed; stopping.' : `\nChromium exited with code ${code}; stopping.`);
  void stop(code ?? 0);
});
chromium.on('error', (error) => {
  console.error(`\ncould not start Chromium: ${error.message}`);
  void stop(1);
});
