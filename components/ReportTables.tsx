// 表二/三/四 as the engine read them, in the national format's rows and columns (lib/export's
// layout, the same the copy buttons produce), with national (simplified) labels whatever the
// page's script. Blank cells stay blank, styled apart, never 0; cells with findings are coloured;
// hovering a cell shows it as printed on the page. Each 表 is one tab stop, a grid the arrow keys
// move in; a click shows the figure's cell in the page; Enter, Space or a double click runs the
// command behind a figure. Headers stay in sight while the panel scrolls (sticky, panel.css).
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Report } from '../lib/report/schema';
import type { TableId } from '../lib/report/keys';
import { reportTables, toHtmlTable, toTsv, type ExportBlock, type ExportCell, type ExportTable } from '../lib/export';
import { copyToClipboard } from '../utils/clipboard';
import { num, tableName } from '../lib/checks/message';
import type { Lang, PanelAction, PanelItem } from './model';
import { itemButtonId } from './Findings';

const TABLE_IDS: readonly TableId[] = ['active', 'requests', 'appeals'];

interface ReportTablesProps {
  report: Report;
  lang: Lang;
  /** Key → the cell's text as printed on the page (figure.cell.text); absent: not read. */
  printed: ReadonlyMap<string, string>;
  /** Key → items outlining it, most severe first. */
  marked: ReadonlyMap<string, readonly PanelItem[]>;
  /** Keys of the item the reader selected. */
  focused: ReadonlySet<string>;
  /** The command behind a figure the page printed (e.g. "flag this figure"): Enter, Space or a double click on the figure runs it. */
  cellAction?(key: string): PanelAction | undefined;
  /** A click on a figure the page printed: show its cell in the page. */
  onShowCell?(key: string): void;
}

/** Where an arrow key (Home/End, Ctrl+Home/End) moves from `from` among a 表's rows of cell keys. */
function step(rows: readonly string[][], from: string, event: KeyboardEvent): string | undefined {
  const r = rows.findIndex((row) => row.includes(from));
  if (r < 0) return undefined;
  const c = rows[r]!.indexOf(from);
  // Into a block with fewer columns (表二's), the nearest: its last.
  const at = (row: number) => rows[row]?.[Math.min(c, rows[row]!.length - 1)];
  switch (event.key) {
    case 'ArrowLeft': return rows[r]![c - 1];
    case 'ArrowRight': return rows[r]![c + 1];
    case 'ArrowUp': return at(r - 1);
    case 'ArrowDown': return at(r + 1);
    case 'Home': return event.ctrlKey ? rows[0]![0] : rows[r]![0];
    case 'End': return event.ctrlKey ? rows.at(-1)!.at(-1) : rows[r]!.at(-1);
    default: return undefined;
  }
}

interface GridProps extends Pick<ReportTablesProps, 'printed' | 'marked' | 'focused' | 'onShowCell'> {
  /** Key → the command behind the figure (Enter, Space or a click runs it). */
  commands: ReadonlyMap<string, PanelAction>;
  /** Command label → the id of its hidden hint ("回车或空格：标记存疑"). */
  hints: ReadonlyMap<string, string>;
}

function Cell({ cell, active, printed, marked, focused, commands, hints, onShowCell }: { cell: ExportCell; active: boolean } & GridProps) {
  const original = printed.get(cell.key);
  const items = marked.get(cell.key) ?? [];
  const action = commands.get(cell.key);
  // A reader's flag has its own channel (an inset ring), so it stays visible over a finding's colour.
  const flagged = items[0]?.kind !== 'flag' && items.some((i) => i.kind === 'flag');
  const classes = [cell.value === null ? 'blank' : '', items[0] ? `kind-${items[0].kind}` : '', flagged ? 'flagged' : '', focused.has(cell.key) ? 'focused' : ''];
  const blankText = original === undefined ? i18n.t('panel.tables.notRead') : i18n.t('panel.tables.blank');
  const title = [cell.value === null ? blankText : '', original ? i18n.t('panel.tables.original', [original]) : ''].filter(Boolean).join('\n');
  // A coloured cell is described by its findings' list entries (kind, rule, message), then by what Enter does.
  const describedBy = [...items.map((item) => itemButtonId(item.id)), action ? hints.get(action.label) : ''].filter(Boolean).join(' ');
  return (
    <td
      role="gridcell"
      class={classes.filter(Boolean).join(' ') || undefined}
      data-key={cell.key}
      tabIndex={active ? 0 : -1}
      title={title || undefined}
      aria-label={cell.value === null ? blankText : undefined}
      aria-describedby={describedBy || undefined}
      onClick={original !== undefined && onShowCell ? () => onShowCell(cell.key) : action?.run}
      onDblClick={onShowCell ? action?.run : undefined}
    >
      {cell.value === null ? '' : num(cell.value)}
    </td>
  );
}

function Block({ block, labelId, captionId, active, ...grid }: { block: ExportBlock; labelId: string; captionId: string; active: string | undefined } & GridProps) {
  return (
    <table class="national" role="grid" aria-readonly="true" aria-labelledby={block.caption ? `${labelId} ${captionId}` : labelId}>
      {block.caption && <caption id={captionId}>{block.caption}</caption>}
      <thead>
        {block.header.map((cells, r) => (
          <tr key={r}>
            {cells.map((h, c) =>
              // The national format's blank corner is no header of anything: a plain cell, not an empty <th>.
              h.text ? (
                <th key={c} scope="col" colSpan={h.colspan > 1 ? h.colspan : undefined} rowSpan={h.rowspan > 1 ? h.rowspan : undefined}>
                  {h.text}
                </th>
              ) : (
                <td key={c} class="corner" colSpan={h.colspan > 1 ? h.colspan : undefined} rowSpan={h.rowspan > 1 ? h.rowspan : undefined} />
              ),
            )}
          </tr>
        ))}
      </thead>
      <tbody>
        {block.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => (
              <Cell key={cell.key} cell={cell} active={cell.key === active} {...grid} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One 表, one tab stop: its figures form a grid with a roving tabindex (the WAI-ARIA grid pattern),
 * so the keyboard does not walk through every figure; the arrows move across its blocks.
 */
/** "复制此表": TSV (Excel, WPS) and a plain HTML table (Word) of this 表 alone, its header included. */
function CopyTable({ report, lang, table }: { report: Report; lang: Lang; table: TableId }) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const name = tableName(table)[lang];
  // Synchronous up to copyToClipboard: its fallback needs the click's user activation.
  const copy = () => {
    setStatus(null);
    copyToClipboard({ text: toTsv(report, lang, table), html: toHtmlTable(report, lang, table) }, box.current!).then(
      () => setStatus({ text: i18n.t('ux.copy.tableDone', [name]), failed: false }),
      () => setStatus({ text: i18n.t('panel.copy.failed'), failed: true }),
    );
  };
  return (
    <span class="copy-table-box" ref={box}>
      <button type="button" class="copy-table" aria-label={i18n.t('ux.copy.tableName', [name])} onClick={copy}>
        {i18n.t('ux.copy.table')}
      </button>
      <span class={status?.failed ? 'status failed' : 'status'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </span>
    </span>
  );
}

function Table({ table, notes, report, lang, ...grid }: { table: ExportTable; notes: readonly string[]; report: Report; lang: Lang } & GridProps) {
  const rows = table.blocks.flatMap((b) => b.rows.map((row) => row.cells.map((c) => c.key)));
  const [chosen, setChosen] = useState<string | null>(null);
  // The cell focused last, while the tables still have it; else the first.
  const active = chosen !== null && rows.some((row) => row.includes(chosen)) ? chosen : rows[0]?.[0];
  const labelId = `gkl-table-${table.table}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const td = (event.target as Element).closest<HTMLElement>('td[data-key]');
    const key = td?.dataset.key;
    if (!key) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const action = grid.commands.get(key);
      if (!action) return;
      event.preventDefault();
      action.run();
      return;
    }
    const next = step(rows, key, event);
    if (!next) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`td[data-key="${next}"]`)?.focus();
  };
  // Focus (arrows, a click) makes a cell the tab stop.
  const onFocusIn = (event: FocusEvent) => {
    const key = (event.target as HTMLElement).dataset?.key;
    if (key) setChosen(key);
  };

  return (
    <section class="table" aria-label={table.title} onKeyDown={onKeyDown} onFocusIn={onFocusIn}>
      <div class="table-head">
        <h4 id={labelId}>{table.title}</h4>
        <CopyTable report={report} lang={lang} table={table.table} />
      </div>
      {table.blocks.map((block, i) => (
        <Block key={i} block={block} labelId={labelId} captionId={`${labelId}-${i}`} active={active} {...grid} />
      ))}
      {notes.map((text, i) => (
        <p key={i} class="table-note">
          <strong>{i18n.t('panel.findings.note')}</strong> {text}
        </p>
      ))}
    </section>
  );
}

export function ReportTables({ report, lang, printed, cellAction, ...rest }: ReportTablesProps) {
  if (report.template === 'legacy') return <p class="none">{i18n.t('panel.tables.legacy')}</p>;
  const tables = reportTables(report, lang);
  const missing = new Set(report.findings.filter((f) => f.rule === 'TBL-MISSING').map((f) => f.cells[0]));
  if (!tables.length && !missing.size) return <p class="none">{i18n.t('panel.tables.none')}</p>;
  // Commands only on figures the page printed.
  const commands = new Map<string, PanelAction>();
  for (const cell of tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)))) {
    const action = printed.has(cell.key) ? cellAction?.(cell.key) : undefined;
    if (action) commands.set(cell.key, action);
  }
  const hints = new Map([...new Set([...commands.values()].map((a) => a.label))].map((label, i) => [label, `gkl-cell-hint-${i}`]));
  const grid = { printed, commands, hints, ...rest };
  return (
    <div class="tables">
      {[...hints].map(([label, id]) => (
        <span key={id} id={id} hidden>
          {i18n.t('panel.tables.cellHint', [label])}
        </span>
      ))}
      {TABLE_IDS.map((id) => {
        const table = tables.find((t) => t.table === id);
        if (!table) {
          return missing.has(id) ? <p key={id} class="missing">{i18n.t('panel.tables.missing', [tableName(id)[lang]])}</p> : null;
        }
        const notes = report.notes.filter((n) => n.table === id).map((n) => n.text);
        return <Table key={id} table={table} notes={notes} report={report} lang={lang} {...grid} />;
      })}
    </div>
  );
}
