/**
 * What a browser test case needs of a browser with the built extension loaded: one small interface,
 * implemented for Chromium (playwright, test/e2e/cases/chromium.ts over test/e2e/harness.ts) and for
 * Firefox (puppeteer over WebDriver BiDi, test/e2e-firefox/firefox.ts). The cases
 * (test/e2e/cases/shared.ts) are written once against it and run in both browsers.
 *
 * Code given to `evaluate`/`waitFor` runs in the web page's own world (not the content script's):
 * it sees the page's DOM and the panel's open shadow root, never the extension APIs. Keep those
 * functions self-contained (they are sent to the browser as source text).
 */
import type { Verdict } from '../../../utils/messages';

export type BrowserName = 'chromium' | 'firefox';

/** The element the analyzer mounts its panel in (WXT createShadowRootUi `name`). */
export const PANEL_HOST = 'gongkai-lens';

/** A web page in a tab of the browser under test. */
export interface DriverTab {
  /** The page's address (a route of scripts/serve.ts, served under its gov.cn URL). */
  readonly url: string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls `fn` in the page until it returns something truthy (generous timeout, no fixed sleep). */
  waitFor<A>(fn: (arg: A) => unknown, arg: A): Promise<void>;
  /**
   * A real mouse click (trusted, with user activation: copying needs one) on the nth element matching
   * `selector`, looked up in the panel's shadow root when `inPanel`, else in the page.
   */
  click(selector: string, options?: { inPanel?: boolean; nth?: number }): Promise<void>;
  /** Types `text` with the keyboard into the element matching `selector` (clicked first). */
  type(selector: string, text: string, options?: { inPanel?: boolean }): Promise<void>;
  /**
   * A real right-click on the nth element of the page matching `selector`, then the extension's
   * context menu item `menuItemId` chosen (from the real menu where the browser lets a test reach it).
   */
  chooseFromContextMenu(selector: string, nth: number, menuItemId: string): Promise<void>;
  /** Reloads the page and waits for it to load. */
  reload(): Promise<void>;
  /** Resolves once the analyzer has mounted its panel (the collapsed pill or the panel). */
  waitForAnalyzer(): Promise<void>;
  /** What the background keeps for this tab (Verdict, or null when no report was seen). */
  verdict(): Promise<Verdict | null>;
  waitForVerdict(): Promise<Verdict>;
  /** The toolbar button's badge text in this tab. */
  badgeText(): Promise<string>;
  /**
   * A click on the extension's toolbar button with this tab in front, as the reader's: it grants the
   * extension `activeTab` on the page (the popup it opens is closed again).
   */
  clickToolbarButton(): Promise<void>;
  /** The toolbar button's popup for this tab (popup.html?tab=<id>, in a tab of its own). */
  popup(): Promise<ExtensionTab>;
  /** docs/screenshots/<name>.png of the page as shown. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A page of the extension itself (moz-extension:// or chrome-extension://). */
export interface ExtensionTab {
  readonly url: string;
  /** Waits until an element matches `selector`. */
  waitFor(selector: string): Promise<void>;
  /** The text of every element matching `selector`, in document order. */
  texts(selector: string): Promise<string[]>;
  /** Clicks the nth element matching `selector`. */
  click(selector: string, nth?: number): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  readonly name: BrowserName;
  /** Opens a route of scripts/serve.ts (or a URL) in a new tab, once loaded. */
  open(target: string): Promise<DriverTab>;
  /** The text on the system clipboard. */
  clipboard(): Promise<string>;
  /**
   * The extension page at `path` (e.g. '/snapshots.html') that the extension itself opened in a tab
   * (tabs.create): waits for it to appear and load.
   */
  extensionTab(path: string): Promise<ExtensionTab>;
  close(): Promise<void>;
}

/** Whether the tests were asked to write the documentation's screenshots (they leave the tree clean otherwise). */
export const WRITE_SCREENSHOTS = process.env.GKL_SCREENSHOTS === '1';
