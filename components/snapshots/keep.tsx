// Keep and compare in the panel: "保存快照" (and settings.autoSave), the reader's flags (from a
// figure of the panel's tables, beside a finding, or the page's context menu) and last year's
// snapshot for the YOY rules. Storage is utils/snapshots'; this wires it to the analyzer's
// extension points and keeps what the panel shows about it: the last outcome and the flag form.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import type { Analysis } from '@/lib/types';
import { cellLabel } from '@/lib/formats/labels';
import type { AnalyzerHandle, PanelExtension } from '@/entrypoints/analyzer.content/analyzer';
import { isReaderInput } from '@/entrypoints/analyzer.content/context';
import type { Lang, PanelAction } from '../model';
import {
  addFlag, findPreviousYear, flagItemId, flagItems, listFlags, removeFlag, restoreFlags, saveSnapshot, updateFlag, versionsOf, watchFlags, watchSnapshotsOf,
  type Flag, type FlagKind, type SaveStatus, type StorageFailure,
} from '@/utils/snapshots';
import { getSettings, watchSettings } from '@/utils/settings';
import type { Message } from '@/utils/messages';
import { figureKeyAt, keysOnPage } from './target';
import { KeepBar, type KeepControls, type KeepState, type KeepStatus } from './KeepBar';

export interface Keep {
  extension: PanelExtension;
  /**
   * The analyzer the extension was given to: its refresh() after flags change, repaint() for the
   * pill's mark, recheckPrevious() when last year's snapshot changes, open() for the context menu.
   */
  connect(analyzer: AnalyzerHandle): void;
  controls: KeepControls;
}

/** After the last re-analysis (last year's report joining, a flag changing) before auto-saving. */
const AUTO_SAVE_DELAY_MS = 500;

const failedStatus = (failure: StorageFailure): KeepStatus => ({ text: failure.message, failed: true });

export function createKeep(ctx: ContentScriptContext, url: string = location.href): Keep {
  let analyzer: AnalyzerHandle | null = null;
  /** The analysis the panel shows now (every new one passes through `items`). */
  let latest: Analysis | null = null;
  /** The language the panel shows `latest` in. */
  let latestLang: Lang = 'zh';
  let flags: Flag[] = [];
  let autoSave = false;
  let autoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last auto-save failed and no save has succeeded since: the collapsed pill says so. */
  let autoSaveFailed = false;
  /** Last year's lookup, which an auto-save waits for so the snapshot carries the YOY findings. */
  let lookup: Promise<unknown> = Promise.resolve();
  /** Last year's snapshots, watched: saved later in another tab, they join the YOY rules without a reload. */
  let lastYear: { agency: string; year: number; unwatch: () => void } | null = null;

  function watchLastYear(agency: string, year: number): void {
    if (lastYear?.agency === agency && lastYear.year === year) return;
    lastYear?.unwatch();
    lastYear = { agency, year, unwatch: watchSnapshotsOf(agency, year - 1, () => analyzer?.recheckPrevious()) };
  }

  let state: KeepState = { status: null, form: null, saving: false };
  const listeners = new Set<() => void>();
  function set(change: Partial<KeepState>): void {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  }

  /** "（一）予以公开 · 自然人（7）": the cell's national label and what the page prints there. */
  function cellName(key: string, analysis: Analysis | null, lang: Lang): string {
    const figure = analysis?.figures.get(key);
    if (!figure) return cellLabel(key, lang);
    return i18n.t('flags.cell', [cellLabel(key, lang), figure.cell.text || i18n.t('flags.blank')]);
  }

  /** The button that has focus in the panel's shadow root (the one just pressed). */
  const focusedInPanel = (): HTMLElement | null => {
    const active = document.activeElement?.shadowRoot?.activeElement;
    return active instanceof HTMLElement ? active : null;
  };

  function openForm(key: string, cell: string, flag?: Flag, opener: HTMLElement | null = focusedInPanel()): void {
    set({ form: { key, cell, flag, opener } });
  }

  const flagAction = (key: string, analysis: Analysis, lang: Lang): PanelAction => {
    const cell = cellName(key, analysis, lang);
    return { label: i18n.t('flags.action'), name: i18n.t('flags.actionOn', [cell]), run: () => openForm(key, cell) };
  };

  async function save(mode: 'manual' | 'auto'): Promise<void> {
    const analysis = latest;
    if (!analysis?.recognition.isReport || state.saving) return;
    set({ saving: true });
    const result = await saveSnapshot({ report: analysis.report, url, title: document.title, flags: await listFlags(url) });
    if (ctx.isInvalid) return;
    // A failed auto-save happens with the panel collapsed, often: the pill shows it until a save succeeds.
    const failed = !result.ok && (mode === 'auto' || autoSaveFailed);
    if (failed !== autoSaveFailed) {
      autoSaveFailed = failed;
      analyzer?.repaint();
    }
    if (!result.ok) return set({ saving: false, status: failedStatus(result) });
    const text = await savedText(result.status);
    set({ saving: false, status: { text: mode === 'auto' ? i18n.t('save.auto', [text]) : text, failed: false, snapshotId: result.snapshot.id } });
  }

  async function savedText(status: SaveStatus): Promise<string> {
    if (status === 'unchanged') return i18n.t('save.unchanged');
    if (status === 'updated') return i18n.t('save.updated');
    const versions = (await versionsOf(url)).length;
    return versions > 1 ? i18n.t('save.savedVersion', [versions]) : i18n.t('save.saved');
  }

  /** Once per load and after each re-analysis (the store writes nothing for unchanged content). */
  function queueAutoSave(): void {
    clearTimeout(autoTimer);
    if (!autoSave || !latest?.recognition.isReport) return;
    autoTimer = setTimeout(() => void lookup.then(() => save('auto')), AUTO_SAVE_DELAY_MS);
  }

  async function remove(flag: Flag, cell: string): Promise<void> {
    const result = await removeFlag(url, flag.id);
    set({ status: result.ok ? { text: i18n.t('flags.removed', [cell]), failed: false, removed: { flag: result.removed, cell } } : failedStatus(result) });
  }

  const controls: KeepControls = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    save: () => save('manual'),
    async submitFlag(form, kind, note) {
      const result = form.flag ? await updateFlag(url, form.flag.id, { kind, note }) : await addFlag(url, { key: form.key, kind, note });
      if (!result.ok) {
        set({ status: failedStatus(result) });
        return false;
      }
      set({ form: null, status: { text: i18n.t(form.flag ? 'flags.updated' : 'flags.added', [form.cell]), failed: false } });
      return true;
    },
    closeForm: () => set({ form: null }),
    async undoRemove({ flag, cell }) {
      const result = await restoreFlags(url, [flag]);
      set({ status: result.ok ? { text: i18n.t('flags.restored', [cell]), failed: false } : failedStatus(result) });
    },
    openSnapshot(id) {
      const message: Message = { type: 'gkl:open-snapshot', id };
      void browser.runtime.sendMessage(message).catch(() => {
        // No background (the extension is reloading): nothing opens; the snapshot is saved all the same.
      });
    },
  };

  const extension: PanelExtension = {
    items(analysis, lang) {
      latest = analysis;
      latestLang = lang;
      queueAutoSave();
      return flagItems(flags, keysOnPage(analysis.figures), lang);
    },
    toolbar: () => <KeepBar keep={controls} />,
    pillMarks: () => (autoSaveFailed ? [{ text: i18n.t('save.notSaved'), name: i18n.t('save.notSavedName') }] : []),
    itemActions(item, analysis, lang) {
      const flag = flags.find((f) => flagItemId(f) === item.id);
      if (flag) {
        const cell = cellName(flag.key, analysis, lang);
        return [
          { label: i18n.t('flags.edit'), name: i18n.t('flags.editOn', [cell]), run: () => openForm(flag.key, cell, flag) },
          { label: i18n.t('flags.remove'), name: i18n.t('flags.removeOn', [cell]), run: () => void remove(flag, cell) },
        ];
      }
      if (item.kind === 'flag') return [];
      // One command per finding however many cells it covers (a blank-cells warning can cover a hundred):
      // it flags the first of them on the page; the others are flagged from the tables.
      const first = item.marked.find((key) => analysis.figures.get(key)?.cell.element);
      return first ? [flagAction(first, analysis, lang)] : [];
    },
    cellAction: (key, analysis, lang) => (analysis.figures.has(key) ? flagAction(key, analysis, lang) : undefined),
    async previous(report) {
      if (!report.agency || report.year === null) return undefined;
      watchLastYear(report.agency, report.year);
      const found = findPreviousYear(report.agency, report.year);
      lookup = found;
      const last = await found;
      return last ? { report: last.report, label: last.label } : undefined;
    },
  };

  // The context menu names no element: remember what was right-clicked, as the menu opens.
  let menuTarget: EventTarget | null = null;
  // Only the reader's own right-click: a page script's contextmenu event must not move the flag to another cell.
  ctx.addEventListener(document, 'contextmenu', (event) => void (isReaderInput(ctx, event) && (menuTarget = event.target)), { capture: true });

  function flagFromMenu(): void {
    const key = latest ? figureKeyAt(latest.figures, menuTarget) : null;
    analyzer?.open();
    if (key) openForm(key, cellName(key, latest, latestLang), undefined, null);
    else set({ form: null, status: { text: i18n.t('flags.notAFigure'), failed: true } });
  }
  const onMessage = (message: Message) => {
    if (message?.type === 'gkl:flag-cell') flagFromMenu();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(autoTimer);
    lastYear?.unwatch();
  });

  // Flags come back after a reload, and follow changes made in another tab of the same page.
  void listFlags(url).then((stored) => {
    if (ctx.isInvalid) return;
    flags = stored;
    if (stored.length) analyzer?.refresh();
  });
  ctx.onInvalidated(
    watchFlags(url, (next) => {
      flags = next;
      analyzer?.refresh();
    }),
  );

  void getSettings().then((settings) => {
    autoSave = settings.autoSave;
    queueAutoSave();
  });
  ctx.onInvalidated(
    watchSettings((settings) => {
      const switchedOn = settings.autoSave && !autoSave;
      autoSave = settings.autoSave;
      if (switchedOn) queueAutoSave();
    }),
  );

  return {
    extension,
    controls,
    connect(handle) {
      analyzer = handle;
    },
  };
}
