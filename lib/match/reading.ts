// What the grid reader and the text reader share while they walk a page: the figures read so far,
// the table being read, the notes, and how a label is understood in that context.
import type { Cell, Figure, FigureMap, Unreadable } from '../types';
import type { Report, SectionId } from '../report/schema';
import {
  ACTIVE_T2019, ACTIVE_T2021, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, figureKeys, tableOf,
  type TableId, type TemplateId,
} from '../report/keys';
import { labelEntries, type LabelEntry } from '../formats';
import { hasTwoNumbers, parseFigure, type ParsedFigure } from '../normalize';

/** Every key a report may carry (both templates): nothing else is ever emitted. */
const ALL_KEYS = new Set([...figureKeys('2021'), ...figureKeys('2019')]);

/** 表四's fifteen figures in the national order: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5. */
export const APPEAL_ORDER = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => `${g}.${c}`));

const isRowLike = (e: LabelEntry) => e.kind === 'row' || e.kind === 'group';

/**
 * How a label is understood when reading `table`: its meaning in that table, else — for labels that
 * can only belong to one other table and say so by themselves (never a column header, never a
 * generic label such as 行政许可) — there.
 * A bare "总计"/"其他" is a column header; as a row it needs its number ("（七）总计", "3.其他"),
 * unless, inside its table, the row it stands in carries figures (`rowHasFigures`, known in HTML
 * grids): a "合计" row of some other table never opens 表三.
 */
export function classify(norm: string, table: TableId | null, rowHasFigures: boolean): LabelEntry | null {
  const { numbering, entries } = labelEntries(norm);
  if (entries.length === 0) return null;
  const wantsRow = numbering !== '' || rowHasFigures;
  const pick = (t: TableId, opening: boolean): LabelEntry | undefined => {
    const inTable = entries.filter((e) => e.table === t);
    const rowAllowed = numbering !== '' || (rowHasFigures && !opening) || !inTable.some((e) => e.kind === 'column');
    const candidates = opening ? inTable.filter((e) => e.kind !== 'column' && !e.generic) : inTable;
    const rows = rowAllowed ? candidates.filter(isRowLike) : [];
    const others = candidates.filter((e) => !isRowLike(e));
    return wantsRow ? rows[0] ?? others[0] : others[0] ?? rows[0];
  };
  if (table) {
    const own = pick(table, false);
    if (own) return own;
  }
  const elsewhere = new Set(entries.filter((e) => e.table !== table && e.kind !== 'column' && !e.generic).map((e) => e.table));
  return elsewhere.size === 1 ? pick([...elsewhere][0]!, true) ?? null : null;
}

// Figures repeat ("0" hundreds of times a page): parse each text once.
const parsedTexts = new Map<string, ParsedFigure>();
const MAX_PARSED = 4096;

/** A figure as parsed from a cell's normalised text (simplified: "萬元" reads as 万元). */
export function parseCell(cell: Cell): ParsedFigure {
  // The cell as printed keeps the break between two numbers ("3<br>5"); its norm has lost it.
  if (hasTwoNumbers(cell.text)) return parseFigure(cell.text);
  const known = parsedTexts.get(cell.norm);
  if (known) return known;
  if (parsedTexts.size >= MAX_PARSED) parsedTexts.clear();
  const parsed = parseFigure(cell.norm);
  parsedTexts.set(cell.norm, parsed);
  return parsed;
}

const SECTION_TABLE: Partial<Record<SectionId, TableId>> = { active: 'active', requests: 'requests', appeals: 'appeals' };

export class Reading {
  readonly figures: FigureMap = new Map();
  readonly notes: Report['notes'] = [];
  /** Tables seen but not readable while matching (figures glued together, …): TBL-UNREADABLE. */
  readonly unreadable: Unreadable[] = [];
  /** Sections whose heading has been read. */
  readonly sections = new Set<SectionId>();
  /** The table being read: set by section headings and by labels only one table has. */
  table: TableId | null = null;
  /** The table a "注：" line would explain: the last one read, until other text intervenes. */
  noteTable: TableId | null = null;
  /** Some block has been read as table content (the narrative ends there at the latest). */
  tableSeen = false;

  constructor(
    /** The template recognition expects, for 表二 rows read without their column headers. */
    readonly expected: TemplateId,
    private readonly plain: (text: string) => string,
  ) {}

  /** A section heading: the tables of sections 二–四 are read under it. */
  heading(section: SectionId): void {
    this.sections.add(section);
    this.table = SECTION_TABLE[section] ?? null;
    this.noteTable = null;
  }

  /** Understands a label in the current table and follows it into the table it names. */
  label(norm: string, rowHasFigures: boolean): LabelEntry | null {
    const entry = classify(norm, this.table, rowHasFigures);
    if (entry) this.enter(entry);
    return entry;
  }

  /** Follows a label into its table. */
  enter(entry: LabelEntry): void {
    this.table = entry.table;
    this.tableSeen = true;
  }

  /** Records a figure; the first reading of a key wins (repeated tables, page twins). */
  addFigure(key: string, cell: Cell): void {
    this.tableSeen = true;
    this.noteTable = tableOf(key);
    if (!ALL_KEYS.has(key) || this.figures.has(key)) return;
    const parsed = parseCell(cell);
    const figure: Figure = { key, value: parsed.value, raw: cell.text, cell };
    if (parsed.unit) figure.unit = parsed.unit;
    if (parsed.bad) figure.bad = true;
    this.figures.set(key, figure);
  }

  /** A "注：…" line: kept with the table just read; false when no table precedes it. */
  note(cell: Cell): boolean {
    if (!this.noteTable) return false;
    this.notes.push({ table: this.noteTable, text: this.plain(cell.text) });
    return true;
  }

  /** The columns of a row read without headers: the national order. */
  defaultColumns(table: TableId, row: string | null): readonly string[] {
    if (table === 'requests') return APPLICANT_COLUMNS;
    if (table === 'appeals') return APPEAL_ORDER;
    const formats: Record<string, readonly string[]>[] =
      this.expected === '2019' ? [ACTIVE_T2019, ACTIVE_T2021] : [ACTIVE_T2021, ACTIVE_T2019];
    for (const format of formats) {
      const columns = row === null ? undefined : format[row];
      if (columns) return columns;
    }
    return [];
  }
}
