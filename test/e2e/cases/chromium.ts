// The shared cases' driver for Chromium: playwright over test/e2e/harness.ts (the MV3 build in
// Debian's Chromium, gov.cn hosts mapped by --host-resolver-rules).
import type { Page } from 'playwright-core';
import { launchLens, type LaunchOptions } from '../harness';
import type { browser } from 'wxt/browser';
import { PANEL_HOST, type BrowserDriver, type DriverTab, type ExtensionTab } from './driver';

/** The extension APIs in the service worker (code run there through lens.inWorker). */
declare const chrome: typeof browser;

/** Conditions are polled this long: a loaded two-core machine runs eight browsers. */
const WAIT_MS = 30_000;

export async function launchChromiumDriver(options: LaunchOptions = {}): Promise<BrowserDriver> {
  const lens = await launchLens(options);

  function driverTab(page: Page): DriverTab {
    return {
      url: page.url(),
      // Playwright's types unbox the argument; the cases pass plain JSON values.
      evaluate: (fn, arg) => page.evaluate(fn as never, arg),
      async waitFor(fn, arg) {
        await page.waitForFunction(fn as never, arg, { timeout: WAIT_MS, polling: 100 });
      },
      async click(selector, { inPanel = false, nth = 0 } = {}) {
        // Playwright's CSS selectors pierce open shadow roots.
        await page.locator(inPanel ? `${PANEL_HOST} ${selector}` : selector).nth(nth).click();
      },
      async type(selector, text, { inPanel = false } = {}) {
        const field = page.locator(inPanel ? `${PANEL_HOST} ${selector}` : selector).first();
        await field.click();
        await page.keyboard.type(text);
      },
      async chooseFromContextMenu(selector, nth, menuItemId) {
        const target = page.locator(selector).nth(nth);
        await target.click({ button: 'right' });
        // Headless Chromium shows no native menu: the worker runs what choosing the item runs.
        const linkUrl = await target.evaluate((el) => el.closest('a')?.href);
        await lens.inWorker(({ tab, url, id, link }) => {
          const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
          onClicked.dispatch({ menuItemId: id, frameId: 0, editable: false, pageUrl: url, ...(link ? { linkUrl: link } : {}) }, { id: tab, index: 0, windowId: -1, url });
        }, { tab: await lens.tabId(page), url: page.url(), id: menuItemId, link: linkUrl });
      },
      async reload() {
        await page.reload({ waitUntil: 'load' });
      },
      async waitForAnalyzer() {
        await lens.waitForAnalyzer(page);
      },
      verdict: () => lens.verdict(page),
      waitForVerdict: () => lens.waitForVerdict(page),
      badgeText: async () => (await lens.badge(page)).text,
      popup: async () => extensionTab(await lens.popup(page)),
      clickToolbarButton: () => lens.clickToolbarButton(page),
      screenshot: (name) => lens.screenshot(page, name),
      close: () => page.close(),
    };
  }

  function extensionTab(page: Page): ExtensionTab {
    return {
      url: page.url(),
      async waitFor(selector) {
        await page.locator(selector).first().waitFor({ timeout: WAIT_MS });
      },
      texts: (selector) => page.locator(selector).allTextContents(),
      async click(selector, nth = 0) {
        await page.locator(selector).nth(nth).click();
      },
      close: () => page.close(),
    };
  }

  return {
    name: 'chromium',
    open: async (target) => driverTab(await lens.open(target)),
    clipboard: () => lens.clipboard(),
    async extensionTab(path) {
      const prefix = `chrome-extension://${lens.extensionId}${path}`;
      // A tab the extension creates may show about:blank to playwright at first: poll the addresses.
      let page: Page | undefined;
      for (const deadline = Date.now() + WAIT_MS; !page; await new Promise((resolve) => setTimeout(resolve, 100))) {
        page = lens.context.pages().find((p) => p.url().startsWith(prefix));
        if (!page && Date.now() > deadline) throw new Error(`the extension opened no ${path} within ${WAIT_MS} ms`);
      }
      await page.waitForLoadState('load');
      return extensionTab(page);
    },
    close: () => lens.close(),
  };
}
