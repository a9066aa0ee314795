// Hostile pages, in real Chromium with the built extension: a page script must not steer the
// extension (end the analyzer with WXT's start event or forged variants, press the panel's buttons,
// submit its flag form, open findings by clicking outlined cells), and a page that never stops
// changing is analysed a bounded number of times while a real change of its tables is still seen.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { ANALYZER_HOST, inPanel, useLens } from './harness';

declare const chrome: typeof browser;

const lens = useLens();
beforeEach(() => lens.inWorker(() => chrome.storage.local.clear(), undefined));

async function openReport(id: string): Promise<Page> {
  const page = await lens.openReport(id);
  await lens.waitForVerdict(page);
  return page;
}

/** Lets every message the page posted so far be delivered (a message posted after them arrives last). */
const drainPostedMessages = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => {
    const token = `drain-${Math.random()}`;
    addEventListener('message', function done(event) {
      if (event.data !== token) return;
      removeEventListener('message', done);
      resolve();
    });
    postMessage(token, '*');
  }));

/** The panel's host element as it was first mounted, and whether it is still that one, in the page. */
const rememberHost = (page: Page) => page.evaluate((host) => void ((window as unknown as { gklHost: Element }).gklHost = document.querySelector(host)!), ANALYZER_HOST);
const sameHostThere = (page: Page) =>
  page.evaluate((host) => {
    const first = (window as unknown as { gklHost: Element }).gklHost;
    return first.isConnected && document.querySelectorAll(host).length === 1 && document.querySelector(host) === first;
  }, ANALYZER_HOST);

/** The panel as the pill (it opens as the reader last left it). */
async function collapse(page: Page): Promise<void> {
  if (await inPanel(page, '[role="dialog"]').count()) await inPanel(page, 'button.collapse').click();
  await inPanel(page, 'button.pill').waitFor();
}

const analyses = (page: Page) => page.evaluate(() => performance.getEntriesByName('gkl:analyze', 'measure').length);
const expanded = (page: Page) => inPanel(page, '[role="dialog"]').count();

describe('a page script cannot steer the extension', () => {
  it('WXT’s content-script-started event and forged variants leave the panel, its marks and its listeners in place', async () => {
    const page = await openReport('001-word');
    await collapse(page);
    await rememberHost(page);
    // Seed 001's four offending cells are outlined.
    await expect.poll(() => page.locator('[data-gkl-mark]').count()).toBe(4);
    const marked = 4;

    await page.evaluate((id) => {
      // What WXT's ContentScriptContext listens for (name: <extension id>:<entrypoint>:wxt:content-script-started).
      for (const entrypoint of ['analyzer', 'detector', 'undefined']) {
        const type = `${id}:${entrypoint}:wxt:content-script-started`;
        for (const detail of [{ contentScriptName: entrypoint, messageId: 'page' }, { contentScriptName: 'analyzer', messageId: 'page' }, null]) {
          document.dispatchEvent(new CustomEvent(type, { detail }));
          window.dispatchEvent(new CustomEvent(type, { detail }));
        }
        postMessage({ type, contentScriptName: entrypoint, messageId: 'page' }, '*');
      }
      // The analyzer's own start signal, which ends only an analyzer whose extension is gone.
      document.dispatchEvent(new CustomEvent('gongkai-lens:analyzer-started'));
    }, lens.extensionId);
    await drainPostedMessages(page);

    expect(await sameHostThere(page)).toBe(true);
    expect(await page.locator('[data-gkl-mark]').count()).toBe(marked);
    // Still listening: the popup's "check this page" expands this same panel (no second injection).
    expect(await lens.checkTab(page)).toEqual({ ok: true });
    await inPanel(page, '[role="dialog"]').waitFor();
    expect(await sameHostThere(page)).toBe(true);
    await page.close();
  });

  it('injected again (as "check this page" does after an extension reload): the newer analyzer replaces the older, one panel', async () => {
    const page = await openReport('001-word');
    await rememberHost(page);
    const tabId = await lens.tabId(page);
    await lens.inWorker((tab) => chrome.scripting.executeScript({ target: { tabId: tab }, files: ['/content-scripts/analyzer.js'] }), tabId);
    // The older panel goes, a newer one comes; one host, and the cells outlined once.
    await expect.poll(() => page.evaluate(() => (window as unknown as { gklHost: Element }).gklHost.isConnected)).toBe(false);
    await expect.poll(() => page.locator(ANALYZER_HOST).count()).toBe(1);
    await expect.poll(() => page.locator('[data-gkl-mark]').count()).toBe(4);
    await expect.poll(() => analyses(page)).toBe(2);
    await page.close();
  });

  it('a script taking the panel out of the page: it comes back as it was', async () => {
    const page = await openReport('001-word');
    await rememberHost(page);
    await page.evaluate((host) => document.querySelector(host)!.remove(), ANALYZER_HOST);
    await expect.poll(() => sameHostThere(page)).toBe(true);
    expect(await inPanel(page, '.gkl-root').count()).toBe(1);
    await page.close();
  });

  it('a script’s click() on the panel’s buttons or on an outlined cell does nothing; the reader’s click does', async () => {
    const page = await openReport('001-word');
    await collapse(page);
    await expect.poll(() => page.locator('[data-gkl-mark]').count()).toBe(4);
    await page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      (root.querySelector('button.pill') as HTMLElement).click();
      root.querySelector('button.pill')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      (document.querySelector('[data-gkl-mark]') as HTMLElement).click();
    }, ANALYZER_HOST);
    await drainPostedMessages(page);
    expect(await expanded(page)).toBe(0);

    await page.locator('[data-gkl-mark]').first().click();
    await inPanel(page, '[role="dialog"]').waitFor();
    await page.close();
  });

  it('a script cannot submit the flag form the reader opened, nor change its choice; the reader can', async () => {
    const page = await openReport('000-word');
    await collapse(page);
    await inPanel(page, 'button.pill').click();
    // Enter on a figure of the panel's tables opens the flag form (as the reader does from the keyboard).
    await inPanel(page, 'td[data-key="requests.granted.natural"]').focus();
    await page.keyboard.press('Enter');
    const form = inPanel(page, 'form.flag-form');
    await form.waitFor();

    await page.evaluate((host) => {
      const root = document.querySelector(host)!.shadowRoot!;
      (root.querySelector('input[value="wrong"]') as HTMLInputElement).click();
      const note = root.querySelector('form.flag-form textarea') as HTMLTextAreaElement;
      note.value = '页面脚本写的';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      (root.querySelector('form.flag-form button[type="submit"]') as HTMLElement).click();
      (root.querySelector('form.flag-form') as HTMLFormElement).requestSubmit();
    }, ANALYZER_HOST);
    await drainPostedMessages(page);
    expect(await form.count()).toBe(1);
    expect(await form.locator('input[value="doubtful"]').isChecked()).toBe(true);
    const stored = await lens.inWorker(() => chrome.storage.local.get(null), undefined);
    expect(Object.keys(stored).filter((key) => key.startsWith('flags:'))).toEqual([]);

    await form.locator('textarea').fill('读者写的');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    const flags = await lens.inWorker(() => chrome.storage.local.get(null), undefined);
    const notes = Object.entries(flags).flatMap(([key, value]) => (key.startsWith('flags:') ? (value as { flags: { note: string; kind: string }[] }).flags : []));
    expect(notes.map((f) => [f.kind, f.note])).toEqual([['doubtful', '读者写的']]);
    await page.close();
  });
});

/** Waits until the page's ticker has updated `n` times. */
const ticks = (page: Page, n: number) => page.waitForFunction((count) => (window as unknown as { __ticks: number }).__ticks >= count, n, { timeout: 60_000, polling: 100 });

/** Changes （七）总计 · 总计 of seed 000's 表三 (39) in the page, as a site's script would. */
const changeTotal = (page: Page) =>
  page.locator('.article-content td').evaluateAll((tds) => {
    const cell = tds.find((td) => td.textContent!.trim() === '39')!;
    cell.textContent = '40';
  });

describe('a page that never stops changing', () => {
  for (const [id, count] of [['ticker-50ms', 100], ['ticker-1s', 6]] as const) {
    it(`${id}: the sidebar's ticker causes no analysis; a change of the report's table is picked up`, async () => {
      const page = await openReport(id);
      const before = await lens.verdict(page);
      expect(before).toMatchObject({ isReport: true, errors: 0 });
      await ticks(page, count);
      expect(await analyses(page)).toBe(1);

      await changeTotal(page);
      await expect.poll(() => analyses(page), { timeout: 30_000 }).toBe(2);
      await expect.poll(async () => (await lens.verdict(page))?.errors, { timeout: 30_000 }).toBeGreaterThan(0);
      // And the ticker still changes nothing afterwards.
      const now = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
      await ticks(page, now + (id === 'ticker-1s' ? 3 : 60));
      expect(await analyses(page)).toBe(2);
      await page.close();
    });
  }

  it('a counter inside the report changing every 50 ms: analysed at most once per 2 s, never starved', async () => {
    const page = await openReport('ticker-in-report-50ms');
    const since = await page.evaluate(() => performance.getEntriesByName('gkl:analyze', 'measure')[0]!.startTime);
    await ticks(page, 150);
    const { runs, elapsed } = await page.evaluate((start) => {
      const runs = performance.getEntriesByName('gkl:analyze', 'measure').map((m) => m.startTime);
      return { runs, elapsed: performance.now() - start };
    }, since);
    // Not starved: the page is analysed again while it changes …
    expect(runs.length).toBeGreaterThan(1);
    // … but the analyses are at least 2 s apart (minimum interval), so few.
    for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(2000 - 1);
    expect(runs.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / 2000));
    await page.close();
  });
});
