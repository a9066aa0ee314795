// The panel: a pill in a corner with the verdict; expanded, the report's facts, its findings and its
// tables. Controlled: the analyzer content script owns the state (settings, selection) and renders
// this with new props; the panel only keeps what is its own (focus moves, a drag in progress).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Report } from '../lib/report/schema';
import { countKinds, deadlineStatus, listOrder, markedKeys, type Lang, type PanelAction, type PanelItem, type PillMark } from './model';
import { Findings, itemButtonId } from './Findings';
import { ReportTables } from './ReportTables';
import { CopyBar } from './CopyBar';
import { useDockDrag, dockAfterKey, dockName, horizontalOf, isSide, toggledSide, type Dock } from './dock';
import { usePanelResize } from './resize';


export type PanelContent =
  | {
      status: 'report';
      report: Report;
      /** Findings and added items, in list order (errors first). */
      items: PanelItem[];
      /** Key → the cell as printed on the page (figure.cell.text). */
      printed: ReadonlyMap<string, string>;
    }
  /** Shown only when the reader asked to check a page that is not a report. */
  | { status: 'not-report' }
  /** The engine failed: a short reason, no half panel. */
  | { status: 'error'; reason: string };

export interface PanelProps {
  content: PanelContent;
  lang: Lang;
  expanded: boolean;
  dock: Dock;
  marks: boolean;
  selected: string | null;
  /**
   * Bump `seq` to move keyboard focus into the expanded panel: to the item `id`, or to the
   * panel's heading when null (after "open panel" from the popup or a click on a marked cell).
   */
  focusRequest?: { id: string | null; seq: number };
  /** Extension point: extra buttons in the toolbar, after the copy buttons (e.g. "Save"). */
  toolbar?: ComponentChildren;
  /** Extension point: commands beside a list item (e.g. "flag" on a finding's cell, "edit" a flag). */
  itemActions?(item: PanelItem): PanelAction[];
  /** Extension point: the command behind a figure of the panel's tables (e.g. "flag this figure"). */
  cellAction?(key: string): PanelAction | undefined;
  /** Extension point: marks beside the verdict in the collapsed pill (e.g. an auto-save that failed). */
  pillMarks?: PillMark[];
  /** The width the reader chose (px); absent: the default for the window. */
  width?: number;
  /**
   * Where focus goes when Escape closes the panel: the page element that had it when the keyboard
   * shortcut opened the panel. Absent: the pill.
   */
  returnFocus?: Element | null;
  /** A click on a figure of the panel's tables: show its cell in the page. */
  onShowCell?(key: string): void;
  onWidthChange?(px: number): void;
  onExpandedChange(expanded: boolean): void;
  onDockChange(dock: Dock): void;
  onMarksChange(on: boolean): void;
  onSelect(id: string): void;
  onDismiss(): void;
}

const TITLE_ID = 'gkl-title';
const BODY_ID = 'gkl-body';

/** "2 处错误 · 1 处提醒" or "✓ 未发现问题"; infos follow either. */
export function verdictText(items: readonly PanelItem[]): string {
  const { errors, warnings, infos } = countKinds(items);
  const parts = [
    errors ? i18n.t('panel.pill.errors', errors) : '',
    warnings ? i18n.t('panel.pill.warnings', warnings) : '',
  ].filter(Boolean);
  if (!parts.length) parts.push(i18n.t('panel.pill.clean'));
  if (infos) parts.push(i18n.t('panel.pill.infos', infos));
  return parts.join(' · ');
}

function templateLabel(template: Report['template']): string {
  switch (template) {
    case '2021': return i18n.t('panel.template.t2021');
    case '2019': return i18n.t('panel.template.t2019');
    case 'legacy': return i18n.t('panel.template.legacy');
    default: return i18n.t('panel.template.unknown');
  }
}

function publication(report: Report): string {
  const status = deadlineStatus(report);
  const when =
    status.kind === 'on-time' ? i18n.t('panel.deadline.onTime', [status.deadline])
    : status.kind === 'late' ? i18n.t('panel.deadline.late', [status.deadline, status.days])
    : i18n.t('panel.deadline.unknown');
  return report.publishedAt ? `${report.publishedAt} · ${when}` : i18n.t('panel.meta.unknown');
}

function ReportMeta({ report }: { report: Report }) {
  const unknown = i18n.t('panel.meta.unknown');
  const rows: [string, string][] = [
    [i18n.t('panel.meta.agency'), report.agency ?? unknown],
    [i18n.t('panel.meta.year'), report.year === null ? unknown : i18n.t('panel.meta.yearValue', [report.year])],
    [i18n.t('panel.meta.template'), templateLabel(report.template)],
    [i18n.t('panel.meta.published'), publication(report)],
  ];
  return (
    <dl class="meta" aria-label={i18n.t('panel.meta.label')}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "读出 3 张表、95 个数字 · 7 处错误 · 1 处提醒": what was read, then what was found. */
export function summaryText(report: Report, printed: ReadonlyMap<string, string>, items: readonly PanelItem[]): string {
  const tables = (['active', 'requests', 'appeals'] as const).filter((t) => report[t] !== null).length;
  const { errors, warnings } = countKinds(items);
  return [
    i18n.t('ux.summary.read', [i18n.t('ux.summary.tables', tables), i18n.t('ux.summary.figures', printed.size)]),
    i18n.t('ux.summary.errors', errors),
    i18n.t('ux.summary.warnings', warnings),
  ].join(' · ');
}

/** Previous / next finding: buttons, and N / P anywhere in the panel but a text field. */
function FindingNav({ order, selected, onMove }: { order: readonly PanelItem[]; selected: string | null; onMove(step: 1 | -1): void }) {
  if (!order.length) return null;
  const at = order.findIndex((i) => i.id === selected);
  return (
    <div class="finding-nav" role="group" aria-label={i18n.t('ux.nav.label')}>
      <button type="button" class="prev" aria-keyshortcuts="p" title={i18n.t('ux.nav.prevHint')} onClick={() => onMove(-1)}>
        {i18n.t('ux.nav.prev')}
      </button>
      <button type="button" class="next" aria-keyshortcuts="n" title={i18n.t('ux.nav.nextHint')} onClick={() => onMove(1)}>
        {i18n.t('ux.nav.next')}
      </button>
      <span class="position">{at < 0 ? i18n.t('ux.nav.count', order.length) : i18n.t('ux.nav.position', [at + 1, order.length])}</span>
    </div>
  );
}

const isTextField = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function Narrative({ report }: { report: Report }) {
  if (!report.narrative.length) return null;
  const kind = {
    requests: () => i18n.t('panel.narrative.requests'),
    reviews: () => i18n.t('panel.narrative.reviews'),
    suits: () => i18n.t('panel.narrative.suits'),
  };
  return (
    <section class="narrative" aria-labelledby="gkl-narrative">
      <h3 id="gkl-narrative">{i18n.t('panel.narrative.heading')}</h3>
      <ul>
        {report.narrative.map((n, i) => (
          <li key={i}>
            <span class="what">{kind[n.kind]()}</span> <span class="value">{i18n.t('panel.narrative.value', [n.value])}</span>
            <q>{n.text}</q>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Panel(props: PanelProps) {
  const { content, expanded, dock, onDockChange } = props;
  const root = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  /** Said by screen readers after a move by keyboard ("面板已移到左上角"). */
  const [announcement, setAnnouncement] = useState('');
  // A dragged side panel stays a side panel, on the side it was dropped nearer to.
  const drag = useDockDrag(root, (next) => onDockChange(isSide(dock) ? `side-${horizontalOf(next)}` : next));
  const panelBox = useRef<HTMLDivElement>(null);
  const resize = usePanelResize(panelBox, horizontalOf(dock) === 'right' ? 'left' : 'right', (px) => props.onWidthChange?.(px));
  /** Where focus goes after the next render (expand → heading, collapse → pill or back to the page). */
  const pendingFocus = useRef<'pill' | 'heading' | 'page' | null>(null);

  const setExpanded = (next: boolean, how: 'escape' | 'button' = 'button') => {
    pendingFocus.current = next ? 'heading' : how === 'escape' && props.returnFocus ? 'page' : 'pill';
    props.onExpandedChange(next);
  };

  useLayoutEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'pill') pill.current?.focus();
    if (target === 'heading') root.current?.querySelector<HTMLElement>(`#${TITLE_ID}`)?.focus();
    if (target === 'page') {
      const back = props.returnFocus;
      if (back instanceof HTMLElement && back.isConnected && back !== back.ownerDocument.body) back.focus();
      // Nothing focusable had it (the page's body): leave our shadow root, so the page has the keys.
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
  }, [expanded]);

  // Each request is served once, when the panel is (or becomes) expanded.
  const request = props.focusRequest;
  const servedRequest = useRef(0);
  useEffect(() => {
    if (!request || !expanded || request.seq === servedRequest.current) return;
    servedRequest.current = request.seq;
    const target = request.id === null ? `#${TITLE_ID}` : `#${itemButtonId(request.id)}`;
    const el = root.current?.querySelector<HTMLElement>(target);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [request?.seq, expanded]);

  const moveWithKey = (event: KeyboardEvent) => {
    const next = dockAfterKey(dock, event.key);
    if (!next) return;
    event.preventDefault();
    if (next === dock) return;
    onDockChange(next);
    setAnnouncement(i18n.t('panel.moved', [dockName(next)]));
  };

  const rootClass = `gkl-root dock-${dock}${isSide(dock) ? ' side' : ''}`;
  const liveRegion = <p class="sr-only" aria-live="polite">{announcement}</p>;

  if (content.status !== 'report') {
    const text = content.status === 'error' ? i18n.t('panel.pill.error', [content.reason]) : i18n.t('panel.pill.notReport');
    return (
      <div class={rootClass} ref={root}>
        <div class={`pill notice ${content.status}`} role={content.status === 'error' ? 'alert' : 'status'}>
          <span class="text">{text}</span>
          <button type="button" class="dismiss" aria-label={i18n.t('panel.pill.dismiss')} title={i18n.t('panel.pill.dismiss')} onClick={props.onDismiss}>
            ×
          </button>
        </div>
        {liveRegion}
      </div>
    );
  }

  const { report, items, printed } = content;
  const verdict = verdictText(items);
  const verdictClass = items.some((i) => i.kind === 'error') ? 'has-errors' : items.some((i) => i.kind === 'warning') ? 'has-warnings' : 'clean';

  if (!expanded) {
    const marks = props.pillMarks ?? [];
    return (
      <div class={rootClass} ref={root}>
        <button
          type="button"
          ref={pill}
          class={`pill ${verdictClass}`}
          aria-expanded="false"
          aria-label={i18n.t('panel.pill.open', [[verdict, ...marks.map((m) => m.name)].join(' · ')])}
          onClick={() => !drag.consumeClick() && setExpanded(true)}
          onKeyDown={moveWithKey}
          {...drag.handlers}
        >
          {verdict}
          {marks.map((m) => (
            <span key={m.text} class="pill-mark" title={m.name}>
              {m.text}
            </span>
          ))}
        </button>
        {liveRegion}
      </div>
    );
  }

  const selectedItem = items.find((i) => i.id === props.selected);
  const order = listOrder(items);
  const move = (step: 1 | -1) => {
    const at = order.findIndex((i) => i.id === props.selected);
    const next = order[at < 0 ? (step === 1 ? 0 : order.length - 1) : (at + step + order.length) % order.length];
    if (!next) return;
    props.onSelect(next.id);
    const button = root.current?.querySelector<HTMLElement>(`#${itemButtonId(next.id)}`);
    button?.focus();
    button?.scrollIntoView?.({ block: 'nearest' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setExpanded(false, 'escape');
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
    const step = e.key === 'n' || e.key === 'N' ? 1 : e.key === 'p' || e.key === 'P' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    move(step);
  };
  const side = horizontalOf(dock) === 'right' ? 'left' : 'right';
  return (
    <div class={`${rootClass} open`} ref={root}>
      <div
        class="panel"
        ref={panelBox}
        role="dialog"
        aria-modal="false"
        aria-labelledby={TITLE_ID}
        style={props.width ? { width: `${props.width}px` } : undefined}
        onKeyDown={onKeyDown}
      >
        <header class="bar">
          <button type="button" class="grip" aria-label={i18n.t('panel.move')} title={i18n.t('panel.move')} onKeyDown={moveWithKey} {...drag.handlers}>
            <span aria-hidden="true">⠿</span>
          </button>
          <h2 id={TITLE_ID} tabIndex={-1}>
            {i18n.t('panel.title')}
          </h2>
          <span class={`verdict ${verdictClass}`}>{verdict}</span>
          <label class="marks-toggle">
            <input type="checkbox" checked={props.marks} onChange={(e) => props.onMarksChange((e.currentTarget as HTMLInputElement).checked)} />
            {i18n.t('panel.marks')}
          </label>
          <button
            type="button"
            class="dock-side"
            aria-pressed={isSide(dock) ? 'true' : 'false'}
            title={i18n.t('ux.dock.toggle')}
            onClick={() => {
              const next = toggledSide(dock);
              onDockChange(next);
              setAnnouncement(i18n.t('panel.moved', [dockName(next)]));
            }}
          >
            {i18n.t('ux.dock.side')}
          </button>
          <button type="button" class="collapse" aria-expanded="true" aria-controls={BODY_ID} aria-label={i18n.t('panel.collapse')} title={i18n.t('panel.collapse')} onClick={() => setExpanded(false)}>
            <span aria-hidden="true">–</span>
          </button>
        </header>
        <div class="body" id={BODY_ID}>
          <ReportMeta report={report} />
          <CopyBar report={report} lang={props.lang} items={items}>
            {props.toolbar}
          </CopyBar>
          <p class="summary">{summaryText(report, printed, items)}</p>
          <section class="findings-section" aria-labelledby="gkl-findings">
            <h3 id="gkl-findings">
              {i18n.t('panel.findings.heading')} <span class="count">{items.length}</span>
            </h3>
            <FindingNav order={order} selected={props.selected} onMove={move} />
            <Findings items={items} lang={props.lang} selected={props.selected} onSelect={props.onSelect} actions={props.itemActions} />
          </section>
          <Narrative report={report} />
          <section class="tables-section" aria-labelledby="gkl-tables">
            <h3 id="gkl-tables">{i18n.t('panel.tables.heading')}</h3>
            <ReportTables
              report={report}
              lang={props.lang}
              printed={printed}
              marked={markedKeys(items)}
              focused={new Set(selectedItem?.cells ?? [])}
              cellAction={props.cellAction}
              onShowCell={props.onShowCell}
            />
          </section>
        </div>
        <div
          class={`resize resize-${side}`}
          role="separator"
          tabIndex={0}
          aria-orientation="vertical"
          aria-label={i18n.t('ux.resize')}
          title={i18n.t('ux.resize')}
          aria-valuenow={props.width ?? panelBox.current?.getBoundingClientRect().width ?? undefined}
          {...resize}
        />
      </div>
      {liveRegion}
    </div>
  );
}
