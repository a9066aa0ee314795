/**
 * The shared cases' driver for Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with the Firefox build of the extension installed as a temporary add-on
 * (`browser.installExtension`), against the pages of scripts/serve.ts.
 *
 * - gov.cn hosts: Firefox has no --host-resolver-rules, so every http request goes through the
 *   fixture server as an HTTP proxy (prefs `network.proxy.*`); it serves by the Host header, so the
 *   pages keep their real addresses and nothing leaves the machine.
 * - The extension's own state (badge, verdict, tab ids) and pages: BiDi does not reach
 *   moz-extension:// documents (it skips extension contexts, Firefox bug 1755014), so the driver
 *   starts Firefox with `--remote-allow-system-access` and works from the browser window's chrome
 *   context: it finds the extension's tabs there (with `extensions.webextensions.remote` off they
 *   live in the parent process, their DOM and `browser` API reachable) and opens one extension page
 *   of its own to ask the background (as the popup does). The web pages and the extension's content
 *   scripts run exactly as they do for a reader.
 */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { route, startFixtureServer } from '../../scripts/serve';
import { E2E_OUT_DIR, SCREENSHOTS } from '../e2e/harness';
import { PANEL_HOST, type BrowserDriver, type DriverTab, type ExtensionTab } from '../e2e/cases/driver';
import type { Verdict } from '../../utils/messages';

export const FIREFOX = '/usr/bin/firefox-esr';
/** Debian's firefox-esr-l10n-zh-cn (scripts/setup.sh): Firefox, and so the extension, in Chinese. */
const CHINESE_UI = '/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi';
/** Conditions are polled this long: a loaded two-core machine runs eight browsers. */
const WAIT_MS = 30_000;

/** The Firefox build of the e2e run (test/e2e-firefox/global-setup.ts): firefox-mv2 or firefox-mv3. */
export function firefoxBuild(outDir = E2E_OUT_DIR): string {
  const dir = readdirSync(outDir).find((name) => /^firefox-mv[23]$/.test(name));
  if (!dir) throw new Error(`no Firefox build in ${outDir} (npx wxt build -b firefox)`);
  return path.join(outDir, dir);
}

/** The BiDi connection under puppeteer's Browser (for the commands puppeteer has no API for). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiEvaluation & { contexts?: { context: string }[] } }>;
}
type BidiEvaluation =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /** The browser's UI language, and so the extension's (needs Debian's firefox-esr-l10n-<lang>). */
  lang?: 'zh-CN';
}

export async function launchFirefoxDriver(options: FirefoxLaunchOptions = {}): Promise<BrowserDriver> {
  const extensionDir = path.resolve(options.extensionDir ?? firefoxBuild());
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  // Fixed per launch, so the driver knows the extension's origin before installing it.
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  if (options.lang && !existsSync(CHINESE_UI)) throw new Error(`Firefox has no Chinese UI (${CHINESE_UI}): apt-get install firefox-esr-l10n-zh-cn`);
  const server = await startFixtureServer();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The Chromium harness's window size.
      defaultViewport: { width: 1280, height: 900 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.port,
        'network.proxy.no_proxies_on': '',
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        'extensions.webextensions.remote': false,
        ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
      },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  await browser.installExtension(extensionDir);

  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chromeContext = tree.result.contexts![0]!.context;

  /**
   * Runs `body` (the statements of an async function; its return value JSON-serialisable) in the
   * browser window's chrome context. Helpers there: `extBrowser(prefix)`, the <browser> showing an
   * extension page whose address starts with `prefix`.
   */
  async function inChrome<R>(body: string): Promise<R> {
    const expression = `(async () => {
      const extBrowser = (prefix) => [...gBrowser.browsers].find((b) => b.currentURI.spec.startsWith(prefix) && b.contentDocument?.readyState === 'complete');
      const value = await (async () => { ${body} })();
      return JSON.stringify(value ?? null);
    })()`;
    const { result } = await connection.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type === 'exception') throw new Error(`in Firefox's chrome context: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value as string) as R;
  }

  /** Polls a chrome-context condition (its body returns truthy when met). */
  async function untilChrome(body: string, what: string): Promise<void> {
    for (const deadline = Date.now() + WAIT_MS; !(await inChrome<boolean>(`return !!(await (async () => { ${body} })());`)); ) {
      if (Date.now() > deadline) throw new Error(`Firefox: ${what} within ${WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // One extension page of the driver's own asks the background, as the popup does (popup.html with
  // no tab of its own: it asks nothing by itself).
  const messengerUrl = `${origin}/popup.html?tab=-1`;
  await inChrome(`gBrowser.addTab(${JSON.stringify(messengerUrl)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`);
  await untilChrome(`return extBrowser(${JSON.stringify(messengerUrl)});`, 'the extension page did not load');

  /** Runs `call` with the extension's API (`api`, from the driver's extension page) and `arg`. */
  function withExtensionApi<R>(call: string, arg: unknown): Promise<R> {
    return inChrome<R>(`
      const win = extBrowser(${JSON.stringify(messengerUrl)}).contentWindow;
      const api = win.wrappedJSObject.browser;
      const arg = Cu.cloneInto(${JSON.stringify(arg ?? null)}, win);
      return await (${call})(api, arg);`);
  }

  /**
   * The tab id the extension sees for a page: the BiDi context of puppeteer's page → its <browser>
   * → the extensions' tab tracker (the extension cannot see the address of a non-gov.cn tab).
   */
  const tabIds = new WeakMap<Page, number>();
  /** The BiDi id of a page's top-level browsing context. */
  const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
  async function tabId(page: Page): Promise<number> {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    const context = contextOf(page);
    const id = await inChrome<number>(`
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { tabTracker } = ExtensionParent.apiManager.global;
      return tabTracker.getId(tabTracker.getTabForBrowser(NavigableManager.getBrowsingContextById(${JSON.stringify(context)}).embedderElement));`);
    tabIds.set(page, id);
    return id;
  }

  const verdict = async (page: Page) =>
    withExtensionApi<Verdict | null>("(api, tabId) => api.runtime.sendMessage({ type: 'gkl:get-verdict', tabId })", await tabId(page));

  function driverTab(page: Page): DriverTab {
    const waitFor: DriverTab['waitFor'] = async (fn, arg) => {
      await page.waitForFunction(fn as (arg: unknown) => unknown, { polling: 100, timeout: WAIT_MS }, arg);
    };
    return {
      url: page.url(),
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
      waitFor,
      async click(selector, { inPanel = false, nth = 0 } = {}) {
        const find = ([host, sel, n, panel]: readonly [string, string, number, boolean]) =>
          (panel ? document.querySelector(host)?.shadowRoot : document)?.querySelectorAll(sel)[n] ?? null;
        const args = [PANEL_HOST, selector, nth, inPanel] as const;
        await waitFor(find, args);
        const element = (await page.evaluateHandle(find, args)).asElement() as ElementHandle<Element> | null;
        if (!element) throw new Error(`no element ${selector} #${nth}`);
        await element.click();
      },
      async type(selector, text, { inPanel = false } = {}) {
        await this.click(selector, { inPanel });
        await page.keyboard.type(text);
      },
      async chooseFromContextMenu(selector, nth, menuItemId) {
        const find = ([sel, n]: readonly [string, number]) => document.querySelectorAll(sel)[n] ?? null;
        await waitFor(find, [selector, nth] as const);
        const cell = (await page.evaluateHandle(find, [selector, nth] as const)).asElement() as ElementHandle<Element> | null;
        if (!cell) throw new Error(`no element ${selector} #${nth}`);
        await cell.click({ button: 'right' });
        // The real menu, in the browser window: the extension's item is built when it opens.
        const menu = "document.getElementById('contentAreaContextMenu')";
        const item = `[...${menu}.querySelectorAll('menuitem')].find((item) => item.id.endsWith(${JSON.stringify(`-menuitem-_${menuItemId}`)}))`;
        await untilChrome(`return ${menu}.state === 'open' && ${item};`, `the context menu with ${menuItemId} did not open`);
        await inChrome(`${menu}.activateItem(${item});`);
      },
      async reload() {
        await page.reload({ waitUntil: 'load' });
      },
      async waitForAnalyzer() {
        await waitFor((host) => document.querySelector(host)?.shadowRoot?.querySelector('.gkl-root'), PANEL_HOST);
      },
      verdict: () => verdict(page),
      async waitForVerdict() {
        for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
          const found = await verdict(page);
          if (found) return found;
        }
        throw new Error(`no verdict for ${page.url()} within ${WAIT_MS} ms`);
      },
      async badgeText() {
        // MV2 names the toolbar button browserAction, MV3 action.
        return withExtensionApi<string>('(api, tabId) => (api.action ?? api.browserAction).getBadgeText({ tabId })', await tabId(page));
      },
      async clickToolbarButton() {
        // What the toolbar button (or its place in the extensions menu) does on a click: the action
        // triggered for the window's selected tab, which grants activeTab and opens the popup.
        await inChrome(`
          const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
          const context = NavigableManager.getBrowsingContextById(${JSON.stringify(contextOf(page))});
          gBrowser.selectedTab = gBrowser.getTabForBrowser(context.embedderElement);
          const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
          ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
          for (let i = 0; i < 300 && !ViewPopup.for(extension, window); i++) await new Promise((resolve) => setTimeout(resolve, 100));
          const popup = ViewPopup.for(extension, window);
          if (!popup) throw new Error('the toolbar button opened no popup');
          popup.closePopup();`);
      },
      async popup() {
        const url = `${origin}/popup.html?tab=${await tabId(page)}`;
        await inChrome(`gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`);
        await untilChrome(`return extBrowser(${JSON.stringify(url)});`, 'the popup page did not load');
        return extensionTab(url, url);
      },
      async screenshot(name) {
        await mkdir(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path: file as `${string}.png` });
        return file;
      },
      close: () => page.close(),
    };
  }

  /** An extension page found by the start of its address (its #hash changes as the reader goes). */
  function extensionTab(url: string, prefix: string): ExtensionTab {
    const doc = `extBrowser(${JSON.stringify(prefix)}).contentDocument`;
    return {
      url,
      waitFor: (selector) => untilChrome(`return ${doc}.querySelector(${JSON.stringify(selector)});`, `no ${selector} on ${url}`),
      texts: (selector) => inChrome<string[]>(`return [...${doc}.querySelectorAll(${JSON.stringify(selector)})].map((el) => el.textContent);`),
      async click(selector, nth = 0) {
        await inChrome(`${doc}.querySelectorAll(${JSON.stringify(selector)})[${nth}].click();`);
      },
      close: () => inChrome(`gBrowser.removeTab(gBrowser.getTabForBrowser(extBrowser(${JSON.stringify(prefix)})));`),
    };
  }

  return {
    name: 'firefox',
    async open(target) {
      const page = await browser.newPage();
      await page.goto(/^[a-z-]+:/.test(target) ? target : route(target).url, { waitUntil: 'load' });
      return driverTab(page);
    },
    // The chrome context reads the system clipboard without the paste prompt web pages get.
    clipboard: () => inChrome<string>('return await navigator.clipboard.readText();'),
    async extensionTab(pagePath) {
      const prefix = `${origin}${pagePath}`;
      await untilChrome(`return extBrowser(${JSON.stringify(prefix)});`, `the extension opened no ${pagePath}`);
      return extensionTab(await inChrome<string>(`return extBrowser(${JSON.stringify(prefix)}).currentURI.spec;`), prefix);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
