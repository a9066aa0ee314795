// The analyzer in the page: runs the engine on the document, tells the background the verdict,
// mounts the panel and marks the cells, and runs again when the report's content changes. It owns
// the panel's state (the reader's settings, the selection); the panel and the marks only render it.
import { render } from 'preact';
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import { analyzeDocument, withPrevious, type AnalyzeOptions, type StepTimer } from '@/lib/analyze';
import type { Analysis } from '@/lib/types';
import type { Report } from '@/lib/report/schema';
import { Panel, type PanelContent } from '@/components/Panel';
import type { Dock } from '@/components/dock';
import { findingItems, verdictOf, byKind, type Lang, type PanelAction, type PanelItem, type PillMark } from '@/components/model';
import { createPageMarks, type CellMark, type PageMarks } from '@/utils/marks';
import { getSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings';
import type { Message } from '@/utils/messages';
import { acceptOnlyReaderInput, isReaderInput } from './context';
import { createReanalysis } from './reanalysis';

/**
 * What other parts of the extension add to the panel (the snapshots: "Save", the reader's flags,
 * last year's report for the YOY rules). Every hook is optional; call `refresh()` on the handle
 * returned by startAnalyzer when what a hook returns has changed.
 */
export interface PanelExtension {
  /** Items listed after the findings and marked in the page with their own kind (e.g. 'flag'). */
  items?(analysis: Analysis, lang: Lang): PanelItem[];
  /** Buttons for the panel's toolbar, after the copy buttons. */
  toolbar?(analysis: Analysis, lang: Lang): ComponentChildren;
  /** Commands beside an item of the panel's list (findings and every extension's items). */
  itemActions?(item: PanelItem, analysis: Analysis, lang: Lang): PanelAction[];
  /** The command behind a figure of the panel's tables (the first extension's that offers one). */
  cellAction?(key: string, analysis: Analysis, lang: Lang): PanelAction | undefined;
  /** Marks beside the verdict in the collapsed pill (e.g. "未能保存"); call `repaint()` when they change. */
  pillMarks?(analysis: Analysis, lang: Lang): PillMark[];
  /** Last year's report of the same agency; when given, its YOY findings join the panel (the page is not read again). */
  previous?(report: Report): Promise<AnalyzeOptions['previous'] | undefined>;
  /** The reader expanded the panel (a click on the pill, Enter/Space). */
  expanded?(): void;
}

/**
 * What the analyzer reads and where the panel goes, for a host other than a web page: the viewer
 * (an extension page showing a PDF/DOCX), or a page whose report is in an attachment.
 */
export interface AnalyzerSource {
  /** The analysis to show (default: the page's document, read at location.href). */
  read?(previous: AnalyzeOptions['previous']): Analysis;
  /** The panel's CSS where WXT does not put it in the shadow root itself (an extension page). */
  css?: string;
  /** Read again when the page's text changes (default true; a file's report does not change). */
  watch?: boolean;
}

export interface AnalyzerHandle {
  /** Analyse the page again now and re-render (e.g. after an extension's items changed). */
  refresh(): void;
  /** Render again with the same analysis (e.g. after what an extension's pillMarks returns changed). */
  repaint(): void;
  /**
   * Ask the extensions' `previous` again (last year's report was saved or removed since, e.g. in
   * another tab) and re-check the YOY rules; the page is read again only when that report is gone.
   */
  recheckPrevious(): void;
  /** Expand the panel and move focus into it (the popup's "check this page"). */
  open(): void;
}

/**
 * Each step of the engine as a `gkl:analyze:<step>` measure on the page's timeline, beside the
 * whole `gkl:analyze` (bench/chromium.ts reads both; a measure costs microseconds).
 */
export const timeStep: StepTimer = (step, run) => {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(`gkl:analyze:${step}`, { start, end: performance.now() });
  }
};

const REASON_MAX_CHARS = 160;

/** An exception as a short line for the pill (a validation error's message can be pages long). */
export function reasonOf(error: unknown): string {
  const text = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).replace(/\s+/g, ' ').trim();
  return text.length > REASON_MAX_CHARS ? `${text.slice(0, REASON_MAX_CHARS - 1)}…` : text;
}

/**
 * Where the report is in the page: the smallest element holding the containers of every table its
 * figures were read from (a lone table's surroundings count too). Null when no figure was read.
 */
export function reportRootOf({ recognition, figures }: Analysis): Element | null {
  if (!recognition.isReport) return null;
  let root: Element | null = null;
  for (const figure of figures.values()) {
    const container = figure.cell.element?.closest('table')?.parentElement;
    if (!container) continue;
    while (root && !root.contains(container)) root = root.parentElement;
    root ??= container;
  }
  return root;
}

/** Our own node in the page: the panel's host. Mutations of it are ours, not the report's. */
const HOST_NAME = 'gongkai-lens';

/**
 * Injected twice (the detector, then "check this page" after a reload of the extension, …), the
 * newer script's context invalidates the older one (./context.ts: AnalyzerContext, which the page
 * cannot end), which takes its panel, marks and listeners away: one analyzer per page. Every step
 * after an await checks the context is still valid, so an older run cannot mount late.
 */
export function startAnalyzer(ctx: ContentScriptContext, extensions: readonly PanelExtension[] = [], source: AnalyzerSource = {}): AnalyzerHandle {
  const lang: Lang = i18n.t('panel.lang') === 'en' ? 'en' : 'zh';
  let settings: Settings | null = null;
  let analysis: Analysis | null = null;
  let previous: AnalyzeOptions['previous'];
  let content: PanelContent | null = null;
  let selected: string | null = null;
  let focusRequest = { id: null as string | null, seq: 0 };
  /** The reader asked for the panel (popup): show it even on a page that is not a report. */
  let requested = false;
  let dismissed = false;
  let ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  /** The panel's shadow root accepts only the reader's input (set up once, with the root). */
  let guarded = false;
  let mountedUi: ShadowRootContentScriptUi<void> | null = null;
  let textSeen = '';
  /** Where the report is in the page (none yet: the whole body is watched). */
  let reportRoot: Element | null = null;
  let marksOn = false;
  /** The page element that had focus when the keyboard shortcut opened the panel: Escape goes back there. */
  let returnFocus: Element | null = null;

  const marks: PageMarks = createPageMarks(document, (refs, event) => {
    // A page script's click() on an outlined cell must not drive the panel.
    if (!isReaderInput(ctx, event)) return;
    const id = refs[0]!;
    selected = id;
    focusRequest = { id, seq: focusRequest.seq + 1 };
    marks.focus(elementsOf(id));
    setPanel({ expanded: true });
  });

  function items(): PanelItem[] {
    if (!content || content.status !== 'report') return [];
    return content.items;
  }

  function elementsOf(id: string): Element[] {
    const item = items().find((i) => i.id === id);
    return (item?.cells ?? []).flatMap((key) => analysis?.figures.get(key)?.cell.element ?? []);
  }

  function analyse(): void {
    const start = performance.mark('gkl:analyze:start');
    try {
      adopt(source.read ? source.read(previous) : analyzeDocument(document, { source: location.href, previous, time: timeStep }));
    } catch (error) {
      analysis = null;
      content = { status: 'error', reason: reasonOf(error) };
    } finally {
      performance.measure('gkl:analyze', start.name);
    }
    reportRoot = analysis ? reportRootOf(analysis) : null;
    textSeen = watchedText();
    reanalysis.ran();
  }

  /** Takes a new analysis: the panel's content, the selection, the verdict for the badge. */
  function adopt(next: Analysis): void {
    analysis = next;
    const { report, figures } = next;
    content = {
      status: 'report',
      report,
      items: [...findingItems(report, lang), ...extensions.flatMap((e) => e.items?.(next, lang) ?? []).sort(byKind)],
      printed: new Map([...figures].map(([key, f]) => [key, f.cell.text])),
    };
    // A selection survives a new analysis only if its item still exists (finding ids are indices).
    if (selected && !items().some((i) => i.id === selected)) {
      selected = null;
      marks.focus([]);
    }
    void sendVerdict(next);
  }

  async function sendVerdict({ report, recognition }: Analysis) {
    const message: Message = { type: 'gkl:verdict', verdict: verdictOf(report, recognition.isReport) };
    await browser.runtime.sendMessage(message).catch(() => {
      // No background to listen (extension reloading): the panel still shows the verdict.
    });
  }

  function visible(): boolean {
    if (!content || dismissed) return false;
    // The reader hid the pill on this site: only what they ask for (the shortcut, the popup) shows.
    if (settings?.hiddenPillSites.includes(`${location.protocol}//${location.hostname}`) && !(requested && settings.panel.expanded)) return false;
    if (content.status === 'error') return true;
    return analysis?.recognition.isReport === true || requested;
  }

  function shown(): PanelContent | null {
    if (!visible() || !content) return null;
    return content.status === 'report' && !analysis?.recognition.isReport ? { status: 'not-report' } : content;
  }

  function updateMarks(): void {
    const panel = shown();
    const on = settings?.marks === true && panel?.status === 'report';
    // Switched off: no trace, the selected item's outline included (a later click may show it again).
    if (!on && marksOn) marks.clear();
    marksOn = on;
    if (!on) {
      marks.set([]);
      return;
    }
    const cellMarks: CellMark[] = panel.items.flatMap((item) =>
      item.marked.flatMap((key) => {
        const element = analysis?.figures.get(key)?.cell.element;
        return element ? [{ element, kind: item.kind, tooltip: item.message, ref: item.id }] : [];
      }),
    );
    marks.set(cellMarks);
  }

  async function mountUi(): Promise<ShadowRootContentScriptUi<void>> {
    ui ??= createShadowRootUi(ctx, {
      name: HOST_NAME,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: source.css,
      // Keys typed in the panel must not reach the page's own shortcuts.
      isolateEvents: true,
      onMount: () => {},
      onRemove: () => {
        if (mountedUi) render(null, mountedUi.uiContainer);
      },
    });
    const created = await ui;
    if (!guarded) {
      guarded = true;
      acceptOnlyReaderInput(ctx, created.shadow);
    }
    if (!mountedUi && ctx.isValid) {
      created.mount();
      mountedUi = created;
    }
    return created;
  }

  function unmountUi(): void {
    mountedUi?.remove();
    mountedUi = null;
  }

  async function paint(): Promise<void> {
    updateMarks();
    if (!shown() || !settings) return unmountUi();
    const { uiContainer } = await mountUi();
    if (ctx.isInvalid) return;
    // What to show may have changed while the panel's host was being made.
    const panel = shown();
    const current = settings;
    if (!panel || !current) return unmountUi();
    const read = panel.status === 'report' ? analysis : null;
    const view = (c: PanelContent) => (
      <Panel
        content={c}
        lang={lang}
        expanded={current.panel.expanded}
        dock={current.panel.dock}
        marks={current.marks}
        selected={selected}
        focusRequest={focusRequest}
        width={current.panel.width}
        returnFocus={returnFocus}
        onShowCell={showCell}
        onWidthChange={(width) => setPanel({ width })}
        toolbar={read && c.status === 'report' ? extensions.map((e) => e.toolbar?.(read, lang)) : undefined}
        itemActions={read ? (item) => extensions.flatMap((e) => e.itemActions?.(item, read, lang) ?? []) : undefined}
        cellAction={read ? (key) => extensions.map((e) => e.cellAction?.(key, read, lang)).find(Boolean) : undefined}
        pillMarks={read ? extensions.flatMap((e) => e.pillMarks?.(read, lang) ?? []) : undefined}
        onExpandedChange={(expanded) => {
          setPanel({ expanded });
          if (expanded) for (const e of extensions) e.expanded?.();
        }}
        onDockChange={(dock: Dock) => setPanel({ dock })}
        onMarksChange={(on) => saveSettings({ marks: on })}
        onSelect={select}
        onDismiss={() => {
          dismissed = true;
          void paint();
        }}
      />
    );
    try {
      render(view(panel), uiContainer);
    } catch (error) {
      // A rendering bug must not leave half a panel: show the reason in the pill instead.
      render(null, uiContainer);
      render(view({ status: 'error', reason: reasonOf(error) }), uiContainer);
    }
  }

  function select(id: string): void {
    selected = id;
    // Into the middle of the window: the panel covers at most 40 % of it, at a side or in a corner.
    marks.focus(elementsOf(id), { scrollTo: 'center' });
    void paint();
  }

  /** A figure clicked in the panel's tables: its cell in the page, scrolled to and flashed. */
  function showCell(key: string): void {
    const element = analysis?.figures.get(key)?.cell.element;
    if (element) marks.focus([element], { scrollTo: 'center' });
  }

  /** The keyboard shortcut: open and focus the panel, or close it and give the page its focus back. */
  function toggle(): void {
    if (settings?.panel.expanded && visible()) {
      setPanel({ expanded: false });
      const back = returnFocus;
      returnFocus = null;
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
      return;
    }
    const active = document.activeElement;
    returnFocus = active && active.localName !== HOST_NAME ? active : null;
    open();
  }

  function saveSettings(change: Partial<Settings>): void {
    if (!settings) return;
    settings = { ...settings, ...change };
    void paint();
    void updateSettings(change);
  }

  // Expanded or not is this tab's own state (settings.panel.expanded here, never read from storage):
  // opening the panel in one tab does not open it in every other.
  function setPanel(change: Partial<Settings['panel']>): void {
    if (!settings) return;
    const { expanded, ...shared } = change;
    if (expanded !== undefined) settings = { ...settings, panel: { ...settings.panel, expanded } };
    if (Object.keys(shared).length) saveSettings({ panel: { ...settings.panel, ...shared } });
    else void paint();
  }

  function refresh(): void {
    analyse();
    void paint();
  }

  function open(): void {
    requested = true;
    dismissed = false;
    focusRequest = { id: null, seq: focusRequest.seq + 1 };
    if (settings) setPanel({ expanded: true });
  }

  // Registered before anything async: "check this page" injects, then asks at once.
  const onMessage = (message: Message) => {
    if (message?.type === 'gkl:open-panel') open();
    if (message?.type === 'gkl:toggle-panel') toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);

  /** The text of what is watched, our nodes aside (a shadow root's content is not in textContent). */
  function watchedText(): string {
    return (reportRoot?.isConnected ? reportRoot : document.body)?.textContent ?? '';
  }

  /** Whether a mutation may concern the report (see the observer below). */
  function concernsReport(record: MutationRecord): boolean {
    const ours = (n: Node) => n instanceof Element && n.localName === HOST_NAME;
    if (ours(record.target) || (record.addedNodes.length + record.removedNodes.length > 0 && [...record.addedNodes, ...record.removedNodes].every(ours))) return false;
    if (!reportRoot || !reportRoot.isConnected || reportRoot.contains(record.target)) return true;
    // Outside the report: only a table arriving (a report loaded in parts) concerns it.
    return [...record.addedNodes].some((n) => n instanceof Element && (n.localName === 'table' || n.getElementsByTagName('table').length > 0));
  }

  // Re-run when the report changes (a 繁體/简体 toggle, content loaded late). Only the body's nodes
  // and text are watched, so our marks (attributes, a style in <head>) never trigger it; the
  // panel's host is filtered out, and once a report is read, so is everything outside it (a
  // ticker in a sidebar, a clock), and a change that leaves the text as is. A page that never
  // stops changing is analysed at a bounded rate (./reanalysis.ts).
  const reanalysis = createReanalysis(() => {
    if (watchedText() !== textSeen) refresh();
  });
  // A page script taking the panel's host out of the page: it goes back, at most once a second
  // (a page that keeps removing it only burns its own time).
  let lastPutBack = -Infinity;
  function putPanelBack(): void {
    const host = mountedUi?.shadowHost;
    if (!host || host.isConnected || !document.body || performance.now() - lastPutBack < 1000) return;
    lastPutBack = performance.now();
    document.body.append(host);
  }
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.removedNodes].some((n) => n === mountedUi?.shadowHost))) putPanelBack();
    if (records.some(concernsReport)) reanalysis.changed();
  });

  ctx.onInvalidated(() => {
    observer.disconnect();
    reanalysis.stop();
    marks.clear();
    browser.runtime.onMessage.removeListener(onMessage);
  });

  analyse();
  void (async () => {
    settings = await getSettings();
    if (ctx.isInvalid) return;
    settings = { ...settings, panel: { ...settings.panel, expanded: requested } };
    ctx.onInvalidated(watchSettings((next) => {
      settings = { ...next, panel: { ...next.panel, expanded: settings?.panel.expanded ?? false } };
      void paint();
    }));
    await paint();
    if (document.body && source.watch !== false) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    recheckPrevious();
  })();

  /** One lookup at a time, in order: a later one (a save in another tab) answers last. */
  let lookups: Promise<void> = Promise.resolve();
  function recheckPrevious(): void {
    lookups = lookups.then(loadPrevious, loadPrevious);
  }

  /** YOY rules need last year's report, found from this year's; the page is not read again. */
  async function loadPrevious(): Promise<void> {
    const report = analysis?.report;
    if (!report || !analysis?.recognition.isReport) return;
    let found: AnalyzeOptions['previous'];
    for (const extension of extensions) {
      found = await extension.previous?.(report);
      if (ctx.isInvalid || !analysis) return;
      if (found) break;
    }
    const had = previous;
    previous = found;
    if (found) adopt(withPrevious(analysis, found));
    // Last year's report is gone: its findings go with it (the engine re-checks only from a page read).
    else if (had) analyse();
    else return;
    return paint();
  }

  return { refresh, repaint: () => void paint(), recheckPrevious, open };
}
