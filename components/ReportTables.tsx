// 表二/三/四 as the engine read them, in the national format's rows and columns (lib/export's
// layout, the same the copy buttons produce), with national (simplified) labels whatever the
// page's script. Blank cells stay blank, styled apart, never 0; cells with findings are coloured;
// hovering a cell shows it as printed on the page.
import { i18n } from '#i18n';
import type { Report } from '../lib/report/schema';
import type { TableId } from '../lib/report/keys';
import { reportTables, type ExportBlock, type ExportCell } from '../lib/export';
import { num, tableName } from '../lib/checks/message';
import type { Lang, PanelAction, PanelItem } from './model';

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
  /** The command behind a figure the page printed (e.g. "flag this figure"): the figure becomes its button. */
  cellAction?(key: string): PanelAction | undefined;
}

function Cell({ cell, printed, marked, focused, cellAction }: { cell: ExportCell } & Omit<ReportTablesProps, 'report' | 'lang'>) {
  const original = printed.get(cell.key);
  const kind = marked.get(cell.key)?.[0]?.kind;
  const classes = [cell.value === null ? 'blank' : '', kind ? `kind-${kind}` : '', focused.has(cell.key) ? 'focused' : ''].filter(Boolean);
  const blankText = original === undefined ? i18n.t('panel.tables.notRead') : i18n.t('panel.tables.blank');
  const title = [cell.value === null ? blankText : '', original ? i18n.t('panel.tables.original', [original]) : ''].filter(Boolean).join('\n');
  const value = cell.value === null ? '' : num(cell.value);
  const action = original === undefined ? undefined : cellAction?.(cell.key);
  return (
    <td class={classes.join(' ') || undefined} data-key={cell.key} title={title || undefined} aria-label={cell.value === null && !action ? blankText : undefined}>
      {action ? (
        <button type="button" class="cell-action" aria-label={action.name} title={[title, action.name].filter(Boolean).join('\n')} onClick={action.run}>
          {value}
        </button>
      ) : (
        value
      )}
    </td>
  );
}

function Block({ block, ...rest }: { block: ExportBlock } & Omit<ReportTablesProps, 'report' | 'lang'>) {
  return (
    <table class="national">
      {block.caption && <caption>{block.caption}</caption>}
      <thead>
        {block.header.map((cells, r) => (
          <tr key={r}>
            {cells.map((h, c) => (
              <th key={c} scope={h.text ? 'col' : undefined} colSpan={h.colspan > 1 ? h.colspan : undefined} rowSpan={h.rowspan > 1 ? h.rowspan : undefined}>
                {h.text}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {block.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell) => (
              <Cell key={cell.key} cell={cell} {...rest} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportTables({ report, lang, ...rest }: ReportTablesProps) {
  if (report.template === 'legacy') return <p class="none">{i18n.t('panel.tables.legacy')}</p>;
  const tables = reportTables(report, lang);
  const missing = new Set(report.findings.filter((f) => f.rule === 'TBL-MISSING').map((f) => f.cells[0]));
  if (!tables.length && !missing.size) return <p class="none">{i18n.t('panel.tables.none')}</p>;
  return (
    <div class="tables">
      {TABLE_IDS.map((id) => {
        const table = tables.find((t) => t.table === id);
        if (!table) {
          return missing.has(id) ? <p key={id} class="missing">{i18n.t('panel.tables.missing', [tableName(id)[lang]])}</p> : null;
        }
        const notes = report.notes.filter((n) => n.table === id);
        return (
          <section key={id} class="table" aria-label={table.title}>
            <h4>{table.title}</h4>
            {table.blocks.map((block, i) => (
              <Block key={i} block={block} {...rest} />
            ))}
            {notes.map((n, i) => (
              <p key={i} class="table-note">
                <strong>{i18n.t('panel.findings.note')}</strong> {n.text}
              </p>
            ))}
          </section>
        );
      })}
    </div>
  );
}
