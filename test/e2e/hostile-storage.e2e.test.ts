// Nothing the reader saved is lost when tabs write at once, in real Chromium with the built
// extension: two tabs of one report each add ten flags at the same moment, through what the
// analyzer's addFlag sends (the `gkl:store` request, run in the content script's own isolated
// world); all twenty are stored and both panels list them.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { inPanel, useLens } from './harness';

declare const chrome: typeof browser;

const lens = useLens();
beforeEach(() => lens.inWorker(() => chrome.storage.local.clear(), undefined));

async function openReport(id: string): Promise<Page> {
  const page = await lens.openReport(id);
  await lens.waitForVerdict(page);
  return page;
}

/** Runs `expression` in the extension's isolated world of the page (where the analyzer runs), awaited. */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await lens.context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context as never));
  await cdp.send('Runtime.enable');
  const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${lens.extensionId}`);
  if (!world) throw new Error('no isolated world of the extension in the page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** Ten flags added at once from one tab, exactly as the panel's addFlag asks the writer. */
const addTen = (page: Page, tab: string) =>
  inContentScript(
    page,
    `Promise.all(Array.from({ length: 10 }, (_, i) => chrome.runtime.sendMessage({
      type: 'gkl:store',
      request: { op: 'addFlag', url: location.href, flag: { id: 'f-${tab}' + i, key: 'requests.newReceived.total', kind: 'doubtful', note: '${tab}' + i, createdAt: new Date().toISOString() } },
    }))).then((answers) => answers.map((a) => a && a.ok))`,
  );

describe('two tabs writing at once', () => {
  it('ten flags added from each of two tabs of one page at the same moment: twenty stored, twenty listed in both panels', async () => {
    const [first, second] = [await openReport('000-word'), await openReport('000-word')];
    const answers = await Promise.all([addTen(first, 'a'), addTen(second, 'b')]);
    expect(answers).toEqual([Array(10).fill(true), Array(10).fill(true)]);

    const stored = await lens.inWorker(() => chrome.storage.local.get(null), undefined);
    const records = Object.entries(stored).filter(([key]) => key.startsWith('flags:'));
    expect(records.map(([key]) => key)).toEqual([`flags:${lens.url('000-word')}`]);
    const notes = (records[0]![1] as { flags: { note: string }[] }).flags.map((f) => f.note).sort();
    expect(notes).toEqual([...Array.from({ length: 10 }, (_, i) => `a${i}`), ...Array.from({ length: 10 }, (_, i) => `b${i}`)].sort());

    for (const page of [first, second]) {
      if (!(await inPanel(page, '[role="dialog"]').count())) await inPanel(page, 'button.pill').click();
      await expect.poll(() => inPanel(page, 'li.item.kind-flag').count(), { timeout: 20_000 }).toBe(20);
    }
  });
});
