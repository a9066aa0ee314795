// Reading a span-expanded grid: rows are found by their labels, columns by the header cells above
// them (the bottom-most header label of a column names it), and figures come from the cells in
// named columns. Without a header the national column order is used.
import type { Grid, GridCell } from '../types';
import type { TableId } from '../report/keys';
import { labelEntries, NOTE, sectionOf, type LabelEntry } from '../formats';
import { parseCell, type Reading } from './reading';

/** A cell as it stands in one row: the columns it covers, and whether it began in a row above. */
interface RowCell {
  cell: GridCell;
  c0: number;
  c1: number;
  fromAbove: boolean;
}

function rowCells(row: readonly GridCell[]): RowCell[] {
  const cells: RowCell[] = [];
  row.forEach((slot, c) => {
    // Padding of a ragged row: no cell is there. Grids without elements (DOCX, PDF) tell a span's
    // copies by origin:false and the text they share with the slot before them.
    if (!slot.element && !slot.origin && slot.text === '') return;
    const last = cells[cells.length - 1];
    const sameCell = slot.element ? last?.cell.element === slot.element : !slot.origin && last?.cell.text === slot.text;
    if (last && sameCell && last.c1 === c - 1) last.c1 = c;
    else cells.push({ cell: slot, c0: c, c1: c, fromAbove: !slot.origin });
  });
  return cells;
}

/** What the header says about one grid column of `table`. */
interface HeaderSlot {
  /** null: a column read and ignored (表三's subtotal). */
  column?: string | null;
  /** 表四: 行政复议 / 未经复议直接起诉 / 复议后起诉. */
  group?: string;
}

function headerSlots(header: readonly RowCell[], table: TableId): Map<number, HeaderSlot> {
  const slots = new Map<number, HeaderSlot>();
  // Top to bottom, so the label nearest the figures names the column.
  for (const h of header) {
    const { entries } = labelEntries(h.cell.norm);
    const column = entries.find((e): e is Extract<LabelEntry, { kind: 'column' }> => e.table === table && e.kind === 'column');
    const group = table === 'appeals' ? entries.find((e): e is Extract<LabelEntry, { kind: 'group' }> => e.table === table && e.kind === 'group') : undefined;
    if (!column && !group) continue;
    for (let c = h.c0; c <= h.c1; c++) {
      const slot = slots.get(c) ?? {};
      if (column) slot.column = column.column;
      if (group) slot.group = group.group;
      slots.set(c, slot);
    }
  }
  return slots;
}

/** The key under the row a header slot names: undefined = not a figure column, null = ignored. */
function slotKey(slot: HeaderSlot | undefined, table: TableId): string | null | undefined {
  if (!slot || slot.column === undefined) return undefined;
  if (table !== 'appeals') return slot.column;
  return slot.group && slot.column ? `${slot.group}.${slot.column}` : undefined;
}

export class GridReader {
  /** The last header read, for a table continued in another <table> without repeating it. */
  private carried: { table: TableId; width: number; header: RowCell[] } | null = null;

  constructor(private readonly reading: Reading) {}

  read(grid: Grid): void {
    const width = grid.rows[0]?.length ?? 0;
    let header: RowCell[] = [];
    let afterData = false;
    for (const row of grid.rows) {
      const cells = rowCells(row);
      if (cells.every((c) => c.cell.text === '')) continue; // spacer row
      // A table's title row ("二、主动公开政府信息情况" across the table) is that section's heading.
      const heading = cells.length === 1 ? sectionOf(cells[0]!.cell.norm) : null;
      if (heading) {
        this.reading.heading(heading);
        continue;
      }
      const parsed = cells.map((c) => parseCell(c.cell));
      const hasFigures = cells.some((c, i) => !c.fromAbove && c.cell.text !== '' && !parsed[i]!.bad);
      let labelled: { table: TableId; row: string; at: number } | null = null;
      for (const [i, c] of cells.entries()) {
        if (!parsed[i]!.bad) continue;
        if (!c.fromAbove && NOTE.test(c.cell.norm) && this.reading.note(c.cell)) continue;
        const entry = this.reading.label(c.cell.norm, hasFigures);
        // The last row label wins: "（六）其他处理 | 1.申请人…" is the item, "（六）其他处理" alone the group's row.
        if (entry?.kind === 'row' || (entry?.kind === 'group' && entry.row)) labelled = { table: entry.table, row: entry.row!, at: i };
      }
      const table = this.reading.table;
      // 表四's figures stand in a row of their own, under the header, with no row label.
      const isData = labelled !== null || (table === 'appeals' && hasFigures);
      if (!isData) {
        // A header row; after figures it starts a new header (the next 表二 block, a repeated header).
        if (afterData) header = [];
        afterData = false;
        for (const c of cells) header.push(c); // not push(...cells): a row may be 20,000 cells wide
        continue;
      }
      afterData = true;
      const rowTable = labelled?.table ?? 'appeals';
      // Without a header, the figures are the cells after the row label (表四: from its first figure).
      const firstFigure = labelled ? labelled.at + 1 : cells.findIndex((c, i) => !c.fromAbove && !parsed[i]!.bad);
      // A header none of whose labels is this table's heads some other table (类别 | 数量): its rows are not read.
      if (header.length && !header.some((h) => labelEntries(h.cell.norm).entries.some((e) => e.table === rowTable))) continue;
      this.readRow(cells, firstFigure, rowTable, labelled?.row ?? null, this.headerOf(header, rowTable, width));
    }
  }

  /** The grid's own header for `table`, else the one carried from the previous grid of that table. */
  private headerOf(header: RowCell[], table: TableId, width: number): Map<number, HeaderSlot> {
    const own = headerSlots(header, table);
    if (own.size) {
      this.carried = { table, width, header };
      return own;
    }
    const carried = this.carried;
    return carried && carried.table === table && carried.width === width ? headerSlots(carried.header, table) : own;
  }

  private readRow(cells: RowCell[], firstFigure: number, table: TableId, row: string | null, header: Map<number, HeaderSlot>): void {
    const prefix = row ? `${table}.${row}` : table;
    const named = cells.filter((c) => !c.fromAbove && slotKey(header.get(c.c0), table) !== undefined);
    if (named.length) {
      for (const c of named) {
        const key = slotKey(header.get(c.c0), table);
        if (key) this.reading.addFigure(`${prefix}.${key}`, c.cell);
      }
      return;
    }
    // No header names these columns: the cells after the labels, in the national order.
    const columns = this.reading.defaultColumns(table, row);
    const figures = cells.slice(firstFigure).filter((c) => !c.fromAbove);
    figures.slice(0, columns.length).forEach((c, i) => this.reading.addFigure(`${prefix}.${columns[i]}`, c.cell));
  }
}
