// Every difference between Firefox and the Chromium browsers (Chrome, Edge) that the code must know
// of lives here, and in the manifest function of wxt.config.ts; nothing else asks which browser it
// runs in. Firefox gets the MV2 build (docs/lanes/firefox.md says why), Chromium the MV3 one.
// Lazy functions, not values: the always-on detector imports one of them and must not touch the
// extension APIs when the page is not a report.
import { browser } from 'wxt/browser';

type Api = typeof browser;

/**
 * The extension APIs for the always-on detector: Firefox names them `browser`, Chromium `chrome`
 * (both promise-based for what we use). Looked up on use, not at load as wxt/browser (which the
 * rest of the extension uses) does.
 */
export function extensionApi(): Api {
  const scope = globalThis as unknown as { browser?: Api; chrome: Api };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build (same methods). */
export function toolbarAction(): Api['action'] {
  return browser.action ?? (browser as unknown as { browserAction: Api['action'] }).browserAction;
}

/**
 * Whether `storage.session` exists. Chromium MV3 needs it (its service worker is stopped at any time,
 * taking the per-tab verdicts with it); Firefox has it in MV2 from 115 (tested on ESR 153). Without
 * it the verdicts live in memory only, which Firefox's MV2 background page (persistent: it is never
 * unloaded while the browser runs) keeps for as long as the tabs they belong to.
 */
export function hasSessionStorage(): boolean {
  return !!browser.storage?.session;
}

/**
 * Where to ask "are you still there?" of the document that sent a tab's verdict: Chromium names each
 * document (`documentId`, so a navigated frame does not answer for its predecessor); Firefox has no
 * document ids, only the frame.
 */
export function documentTarget({ frameId, documentId }: { frameId: number; documentId?: string }): { documentId: string } | { frameId: number } {
  return documentId ? { documentId } : { frameId };
}

/**
 * A page of the extension where the background has a report file read (pdf.js and its worker,
 * DOMParser), open while reads are in flight. Chromium's background is a service worker without a
 * DOM: an offscreen document. Firefox has no offscreen documents, but its MV2 background is a page:
 * the same extension page in an <iframe> of it. `open` resolves once the page is loaded (its
 * listener is up); `close` takes it away.
 */
export function readerDocument(path: string): { open(): Promise<void>; close(): Promise<void> } {
  if (browser.offscreen) {
    return {
      async open() {
        const open = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT] });
        if (open.length) return;
        await browser.offscreen.createDocument({
          url: path,
          reasons: [browser.offscreen.Reason.WORKERS, browser.offscreen.Reason.DOM_PARSER],
          justification: 'Reads the report file (PDF/DOCX) the reader asked to check, with pdf.js and its worker.',
        });
      },
      close: () => browser.offscreen.closeDocument().catch(() => undefined),
    };
  }
  let frame: Promise<HTMLIFrameElement> | null = null;
  return {
    async open() {
      frame ??= new Promise((resolve, reject) => {
        const iframe = document.createElement('iframe');
        iframe.addEventListener('load', () => resolve(iframe), { once: true });
        iframe.addEventListener('error', () => reject(new Error(`${path} did not load`)), { once: true });
        iframe.src = browser.runtime.getURL(path as '/offscreen.html');
        document.body.append(iframe);
      });
      await frame;
    },
    async close() {
      const closing = frame;
      frame = null;
      (await closing?.catch(() => null))?.remove();
    },
  };
}
