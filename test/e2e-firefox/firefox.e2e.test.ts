// The shared browser cases (test/e2e/cases/shared.ts) in real Firefox ESR with the Firefox build,
// installed as a temporary add-on (test/e2e-firefox/firefox.ts). Chromium runs the same list.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchFirefoxDriver } from './firefox';
import { SHARED_CASES } from '../e2e/cases/shared';
import type { BrowserDriver } from '../e2e/cases/driver';

let driver: BrowserDriver;
beforeAll(async () => {
  // Chinese, the extension's first language (the Chromium run of the same cases is in English).
  driver = await launchFirefoxDriver({ lang: 'zh-CN' });
}, 90_000);
afterAll(() => driver?.close());

describe('shared cases in Firefox', () => {
  for (const c of SHARED_CASES) it(c.name, () => c.run(driver), 60_000);
});
