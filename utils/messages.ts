// Messages between the parts of the extension. Every sender and listener uses these shapes.
export interface Verdict {
  isReport: boolean;
  errors: number;
  warnings: number;
  infos: number;
  agency: string | null;
  year: number | null;
}

/** Why "check this page" could not run the analyzer on a tab. */
export type CheckRefusal =
  /** The browser forbids scripts there (chrome://, the web store, PDF viewer …) or access was not granted. */
  | 'not-allowed'
  /** The tab is gone. */
  | 'no-tab';

export type CheckOutcome = { ok: true } | { ok: false; reason: CheckRefusal };

export type Message =
  /** detector → background: this page looks like a report; inject the analyzer (answer: { injected: boolean }). */
  | { type: 'gkl:inject' }
  /** analyzer → background: the verdict for the badge (per tab). */
  | { type: 'gkl:verdict'; verdict: Verdict }
  /** popup → background: the verdict of a tab (answer: Verdict | null). */
  | { type: 'gkl:get-verdict'; tabId: number }
  /** popup/background → analyzer: show the panel expanded (e.g. after "check this page"). */
  | { type: 'gkl:open-panel' }
  /** background → analyzer: the keyboard shortcut (manifest `commands`): open and focus the panel, or close it. */
  | { type: 'gkl:toggle-panel' }
  /** popup → background: run the analyzer on this tab now, report or not (answer: CheckOutcome). */
  | { type: 'gkl:check-tab'; tabId: number }
  /** popup → background: stop always checking a site of settings.alwaysCheckSites (answer: the sites left). */
  | { type: 'gkl:forget-site'; site: string }
  /**
   * background → analyzer: are you still there? Sent after a navigation in the tab; any listener
   * in the document makes it succeed, so the analyzer needs no code for it (it must not answer
   * with an error). Chromium clears the badge even on #hash and pushState changes; a live
   * analyzer's verdict is shown again, a gone one's forgotten.
   */
  | { type: 'gkl:ping' }
  /** background → analyzer: the reader chose "flag this figure" in the page's context menu. */
  | { type: 'gkl:flag-cell' }
  /** analyzer → background: open the Snapshots page on this snapshot (content scripts cannot open extension pages). */
  | { type: 'gkl:open-snapshot'; id: string }
  /**
   * analyzer / Snapshots page → background: a change to flags or snapshots, run by the single
   * writer (utils/snapshots/writer.ts) in arrival order (answer: its Result).
   */
  | { type: 'gkl:store'; request: import('./snapshots/writer').WriteRequest }
  /**
   * popup/analyzer → background: open the viewer (viewer.html?file=) on a PDF/DOCX — in tab `tabId`
   * (the popup, on a tab showing that PDF) or in a new tab beside the sender's (answer: boolean).
   */
  | { type: 'gkl:open-viewer'; url: string; tabId?: number }
  /** analyzer → background: read the report file the page links or embeds (answer: AttachmentRead). */
  | { type: 'gkl:read-attachment'; url: string }
  /** background → its reading page (offscreen document, or Firefox's iframe): fetch and read that file (answer: AttachmentRead). */
  | { type: 'gkl:offscreen-read'; url: string };

/**
 * A report file read in an extension context (pdf.js never runs in a content script): its Page as
 * plain data, or why not — `message` in the UI's language; `permission` when the file's host is not
 * granted (the viewer, opened instead, asks inside a click).
 */
export type AttachmentRead =
  | { ok: true; page: import('../lib/types').Page }
  | { ok: false; reason: 'unreadable' | 'permission'; message: string };
