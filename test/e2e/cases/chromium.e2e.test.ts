// The shared browser cases (./shared.ts) in real Chromium with the Chrome/Edge build (MV3).
// Firefox runs the same list: test/e2e-firefox/firefox.e2e.test.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromiumDriver } from './chromium';
import { SHARED_CASES } from './shared';
import type { BrowserDriver } from './driver';

let driver: BrowserDriver;
beforeAll(async () => {
  driver = await launchChromiumDriver();
}, 60_000);
afterAll(() => driver?.close());

describe('shared cases in Chromium', () => {
  for (const c of SHARED_CASES) it(c.name, () => c.run(driver), 60_000);
});
