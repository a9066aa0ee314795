// Shapes of the format tables. Labels are written as printed in the national format (full-width
// brackets, spaces and all); matching compares them in normalised form, so one spelling per variant.

/** What a cell of a column holds: a count (≥ 0, whole), a signed change, or money (decimal). */
export type FigureKind = 'count' | 'change' | 'amount';

export interface ColumnFormat {
  key: string;
  labels: readonly string[];
  kind: FigureKind;
}

export interface RowFormat {
  /** Path under the table: `rules`, `denied.stateSecret`. */
  key: string;
  labels: readonly string[];
}

/** One captioned block of 表二. */
export interface ActiveBlockFormat {
  /** The item of 条例 art. 20 it reports: 一, 五, 六, 八, 九. */
  item: string;
  captions: readonly string[];
  columns: readonly ColumnFormat[];
  rows: readonly RowFormat[];
}

/** A group of 表三 rows: "（三）不予公开" over "1.属于国家秘密" …. */
export interface RequestGroupFormat {
  key: string;
  labels: readonly string[];
  /** The row the group label stands for when it carries figures itself (T2019's one-row （六）). */
  asRow?: string;
  items: readonly RowFormat[];
}
