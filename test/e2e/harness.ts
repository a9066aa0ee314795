/**
 * Browser-test harness: the built extension in real Chromium (/usr/bin/chromium), against the
 * sample pages served locally under their real addresses (scripts/serve.ts). Reuse it in any
 * test/e2e/*.test.ts; `npm run test:e2e` builds the extension once per run (global-setup.ts).
 *
 *   import { ANALYZER_HOST, useLens } from './harness';
 *   const lens = useLens({ lang: 'zh-CN' });   // launched before the file's tests, closed after them
 *                                              // { extensionDir?, headless?, viewport?, lang? }; launchLens() for one of your own
 *
 *   const page = await lens.open('001-word')   // a route id of scripts/serve.ts, or any URL; new tab, loaded
 *   const report = await lens.openReport('001-word', viewport?) // the same, once the analyzer's panel is mounted
 *   lens.url('001-word')                       // the route's URL
 *   await lens.tabId(page)                     // the tab id the extension sees
 *   await lens.waitForAnalyzer(page)           // the analyzer's shadow host (Locator), once injected
 *   await lens.waitForVerdict(page)            // the verdict the analyzer sent the background
 *   await lens.badge(page)                     // { text, background: [r,g,b,a], title } of the toolbar button in that tab
 *   await lens.verdict(page)                   // what the background keeps for the tab (Verdict | null)
 *   lens.scripts(page)                         // extension scripts that ran in the page (['/detector.js', …])
 *   await lens.checkTab(page)                  // "check this page" through the background, as the popup does
 *   await lens.clickToolbarButton(page)        // a real click on the toolbar button in that tab: grants activeTab
 *                                              // (then closes the popup it opened; CDP Extensions.triggerAction)
 *   await lens.popup(page)                     // the popup page, opened in a tab for that tab (popup.html?tab=<id>)
 *   await lens.restartWorker()                 // stop the MV3 service worker; the next event starts it anew
 *   await lens.plainHtml(url)                  // the page's DOM in a Chromium without the extension
 *   await lens.clipboard()                     // text on the clipboard (read from a secure local page)
 *   await lens.screenshot(pageOrLocator, 'name') // test-results/screenshots/name.png; docs/screenshots with GKL_SCREENSHOTS=1
 *   await lens.inWorker(fn, arg)               // run code in the background service worker
 *   await lens.t('popup.check', subs?, count?) // a string of locales/*.yml as the extension shows it now
 *   lens.context, lens.worker, lens.extensionId, lens.server   // the raw parts
 *
 * Also exported: ANALYZER_HOST (the panel's host element, `page.locator(ANALYZER_HOST + ' …')`
 * pierces its shadow root), chromiumArgs(port, extensionDir?), E2E_EXTENSION, SCREENSHOTS.
 * In code run under tsx (bench/), pass strings to page.evaluate when the function would define
 * named inner functions: tsx's keepNames wraps them in a `__name` helper the page does not have.
 *
 * The popup Chromium opens on a toolbar click closes as soon as another page takes the focus, so
 * tests use the same popup page in a tab; it takes its tab from `?tab=<id>`. What headless Chromium
 * cannot do: answer a permission prompt (chrome.permissions.request stays pending), and show the
 * UI in Chinese (Debian's chromium has only the en-US locale unless chromium-l10n is installed:
 * the extension's strings come out in English; Chinese is covered by the component tests).
 */
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page, type Worker } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, resolverRules, route, startFixtureServer, type FixtureServer } from '../../scripts/serve';
import type { CheckOutcome, Verdict } from '../../utils/messages';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll } from 'vitest';

/** The extension APIs, as code evaluated in the worker or an extension page sees them. */
declare const chrome: typeof browser;

export const CHROMIUM = '/usr/bin/chromium';
/** Where global-setup.ts builds the extension. */
// GKL_E2E_OUT: parallel runs (several developers on one machine) each build into their own folder.
export const E2E_OUT_DIR = path.resolve(REPO_ROOT, process.env.GKL_E2E_OUT ?? '.output-e2e');
export const E2E_EXTENSION = path.join(E2E_OUT_DIR, 'chrome-mv3');
// The README's committed screenshots are refreshed only when asked (`npm run screenshots`, which
// sets GKL_SCREENSHOTS=1); an ordinary test run writes them to the ignored test-results/ folder, so
// `npm test` leaves the working tree clean.
export const SCREENSHOTS = path.join(REPO_ROOT, process.env.GKL_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots');
/** The element the analyzer mounts its panel in (WXT createShadowRootUi `name`). */
export const ANALYZER_HOST = 'gongkai-lens';

/** The flags of shared/notes/toolchain.md, plus the fixture host mapping. */
export function chromiumArgs(port: number, extensionDir?: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${resolverRules(port)}`,
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
  ];
}

export interface Badge {
  text: string;
  /** [r, g, b, a] as Chromium reports it. */
  background: number[];
  title: string;
}

export interface Lens {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: FixtureServer;
  url(routeId: string): string;
  open(target: string): Promise<Page>;
  /** A report page opened (at `viewport`, when given) once the analyzer has mounted its panel (pill or panel). */
  openReport(target: string, viewport?: { width: number; height: number }): Promise<Page>;
  tabId(page: Page): Promise<number>;
  waitForAnalyzer(page: Page): Promise<Locator>;
  waitForVerdict(page: Page): Promise<Verdict>;
  badge(page: Page): Promise<Badge>;
  verdict(page: Page): Promise<Verdict | null>;
  scripts(page: Page): string[];
  checkTab(page: Page): Promise<CheckOutcome>;
  clickToolbarButton(page: Page): Promise<void>;
  popup(page: Page): Promise<Page>;
  restartWorker(): Promise<void>;
  plainHtml(url: string): Promise<string>;
  clipboard(): Promise<string>;
  screenshot(target: Page | Locator, name: string): Promise<string>;
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  t(key: string, substitutions?: string[], count?: number): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load (default: the e2e build). */
  extensionDir?: string;
  /** Chromium with a window (needs a display); default headless. */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * The browser's UI language, and so the extension's. 'zh-CN' (its first language) needs Debian's
   * chromium-l10n; Chromium on Linux takes it from the locale environment (LANGUAGE alone is
   * ignored under the C locale, but not under C.UTF-8). Default: whatever the environment says
   * (en-US under C).
   */
  lang?: 'zh-CN';
}

const CHINESE_UI = '/usr/lib/chromium/locales/zh-CN.pak';

function browserEnv(lang: LaunchOptions['lang']): NodeJS.ProcessEnv {
  if (!lang) return process.env;
  if (!existsSync(CHINESE_UI)) throw new Error(`Chromium has no Chinese UI (${CHINESE_UI}): apt-get install chromium-l10n`);
  // C.UTF-8, not zh_CN.UTF-8: a locale the system lacks leaves Chromium unable to write non-ASCII
  // file names (every download becomes "download"); C.UTF-8 is on every Debian machine.
  return { ...process.env, LANGUAGE: 'zh_CN', LC_ALL: 'C.UTF-8' };
}

/**
 * Chromium with the built extension for one test file: launched before its tests (after `setUp`,
 * which writes the files its pages serve), closed after them. The Lens it returns is the launched
 * one, for use inside the tests.
 */
export function useLens(options: LaunchOptions = {}, setUp?: () => Promise<void>): Lens {
  let lens: Lens | undefined;
  beforeAll(async () => {
    await setUp?.();
    lens = await launchLens(options);
  }, 90_000);
  afterAll(() => lens?.close());
  return new Proxy({} as Lens, {
    get(_, key) {
      if (!lens) throw new Error('the browser is launched before the tests: use the lens inside a test');
      const value: unknown = Reflect.get(lens, key, lens);
      return typeof value === 'function' ? value.bind(lens) : value;
    },
  });
}

/** An element of the panel: selectors pierce its open shadow root. */
export const inPanel = (page: Page, selector: string): Locator => page.locator(`${ANALYZER_HOST} ${selector}`);

const isUrl = (target: string) => /^[a-z-]+:/.test(target);

export async function launchLens(options: LaunchOptions = {}): Promise<Lens> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION;
  const server = await startFixtureServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'gkl-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: chromiumArgs(server.port, extensionDir),
    viewport: options.viewport ?? { width: 1280, height: 900 },
    env: browserEnv(options.lang),
  });
  // A loaded CI machine can take many seconds to start Chromium's extension worker.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 45_000 }));
  const extensionId = new URL(worker.url()).host;
  const tabIds = new WeakMap<Page, number>();
  const scriptsByPage = new WeakMap<Page, string[]>();
  let plain: BrowserContext | undefined;
  let plainProfile: string | undefined;
  // One open() at a time: a tab created by the worker is paired with the next page Playwright sees.
  let opening: Promise<unknown> = Promise.resolve();

  const inWorker = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    worker.evaluate(fn as (arg: unknown) => Promise<R>, arg);
  const url = (routeId: string) => route(routeId).url;

  async function openTab(target: string): Promise<Page> {
    const pageEvent = context.waitForEvent('page');
    const id = await inWorker(async () => (await chrome.tabs.create({ url: 'about:blank' })).id!, undefined);
    const page = await pageEvent;
    tabIds.set(page, id);
    // Record every extension script compiled in the page, from before it loads.
    const scripts: string[] = [];
    scriptsByPage.set(page, scripts);
    const cdp = await context.newCDPSession(page);
    const prefix = `chrome-extension://${extensionId}`;
    cdp.on('Debugger.scriptParsed', ({ url: scriptUrl }) => {
      if (scriptUrl.startsWith(prefix)) scripts.push(scriptUrl.slice(prefix.length));
    });
    await cdp.send('Debugger.enable');
    await page.goto(isUrl(target) ? target : url(target), { waitUntil: 'load' });
    return page;
  }

  async function tabId(page: Page): Promise<number> {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    // A page the harness did not open (a link target, a popup): the active tab once it is in front.
    await page.bringToFront();
    const [tab] = await inWorker(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }), undefined);
    if (tab?.id === undefined) throw new Error(`no tab for ${page.url()}`);
    tabIds.set(page, tab.id);
    return tab.id;
  }

  let browserCdp: CDPSession | undefined;
  const browserSession = async () => (browserCdp ??= await context.browser()!.newBrowserCDPSession());

  // Requests the popup makes must come from a page of the extension (the worker cannot message
  // itself): one extension page, opened on first use, sends them.
  let messenger: Page | undefined;
  async function extensionPage(): Promise<Page> {
    if (!messenger || messenger.isClosed()) {
      messenger = await context.newPage();
      await messenger.goto(`chrome-extension://${extensionId}/popup.html?tab=-1`);
    }
    return messenger;
  }
  async function ask<R>(message: Record<string, unknown>): Promise<R> {
    return (await extensionPage()).evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<R>;
  }

  /** Which of a plural message's forms ("none | one | many" or "one | many") @wxt-dev/i18n shows. */
  function pluralForm(message: string, count: number): string {
    const forms = message.split(' | ');
    return forms.length === 3 ? forms[count === 0 || count === 1 ? count : 2]! : forms.length === 2 ? forms[count === 1 ? 0 : 1]! : message;
  }

  async function t(key: string, substitutions?: string[], count?: number): Promise<string> {
    const subs = substitutions ?? (count === undefined ? [] : [String(count)]);
    const message = await (await extensionPage()).evaluate(
      ({ name, subs }) => (chrome.i18n.getMessage as (name: string, subs: string[]) => string)(name, subs),
      { name: key.replaceAll('.', '_'), subs },
    );
    if (!message) throw new Error(`no message "${key}"`);
    return count === undefined ? message : pluralForm(message, count);
  }

  async function verdict(page: Page): Promise<Verdict | null> {
    return ask<Verdict | null>({ type: 'gkl:get-verdict', tabId: await tabId(page) });
  }

  const lens: Lens = {
    context,
    worker,
    extensionId,
    server,
    url,
    open: (target) => {
      const next = opening.then(() => openTab(target));
      opening = next.catch(() => undefined);
      return next;
    },
    async openReport(target, viewport) {
      const page = await lens.open(target);
      if (viewport) await page.setViewportSize(viewport);
      await lens.waitForAnalyzer(page);
      await inPanel(page, '.gkl-root').waitFor();
      return page;
    },
    tabId,
    async waitForAnalyzer(page) {
      const host = page.locator(ANALYZER_HOST);
      await host.waitFor({ state: 'attached', timeout: 20_000 });
      return host;
    },
    async waitForVerdict(page) {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(50)) {
        const found = await verdict(page);
        if (found) return found;
      }
      throw new Error(`no verdict for ${page.url()} within 20 s`);
    },
    async badge(page) {
      const id = await tabId(page);
      return inWorker(
        async (tab) => ({
          text: await chrome.action.getBadgeText({ tabId: tab }),
          background: [...(await chrome.action.getBadgeBackgroundColor({ tabId: tab }))],
          title: await chrome.action.getTitle({ tabId: tab }),
        }),
        id,
      );
    },
    verdict,
    scripts: (page) => [...(scriptsByPage.get(page) ?? [])],
    checkTab: async (page) => ask<CheckOutcome>({ type: 'gkl:check-tab', tabId: await tabId(page) }),
    async clickToolbarButton(page) {
      const cdp = await browserSession();
      const tabsNow = async () =>
        (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)).targetInfos;
      // The action runs on a tab target (the page's owner), found by its address.
      const tabs = (await tabsNow()).filter((t) => t.type === 'tab' && t.url === page.url());
      if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}: cannot tell which to click in (open it with a ?query of its own)`);
      await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: extensionId, targetId: tabs[0]!.targetId } as never);
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      for (const deadline = Date.now() + 5_000; Date.now() < deadline; await page.waitForTimeout(50)) {
        const popup = (await tabsNow()).find((t) => t.url === popupUrl);
        if (popup) return void (await cdp.send('Target.closeTarget', { targetId: popup.targetId }));
      }
      throw new Error('the toolbar button opened no popup');
    },    async popup(page) {
      const id = await tabId(page);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${id}`);
      return popup;
    },
    async plainHtml(target) {
      if (!plain) {
        plainProfile = await mkdtemp(path.join(os.tmpdir(), 'gkl-e2e-plain-'));
        plain = await chromium.launchPersistentContext(plainProfile, {
          executablePath: CHROMIUM,
          headless: true,
          args: chromiumArgs(server.port),
        });
      }
      const page = await plain.newPage();
      try {
        await page.goto(target, { waitUntil: 'load' });
        return await page.evaluate(() => document.documentElement.outerHTML);
      } finally {
        await page.close();
      }
    },
    async clipboard() {
      // http://127.0.0.1 is a secure context, unlike the fixture pages: the clipboard API works there.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const page = await context.newPage();
      try {
        await page.goto(server.origin);
        return await page.evaluate(() => navigator.clipboard.readText());
      } finally {
        await page.close();
      }
    },
    async screenshot(target, name) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await target.screenshot({ path: file });
      return file;
    },
    async restartWorker() {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await page.close();
      }
    },
    inWorker,
    t,
    async close() {
      await context.close();
      await plain?.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
      if (plainProfile) await rm(plainProfile, { recursive: true, force: true });
    },
  };
  return lens;
}
