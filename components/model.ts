// What the panel shows, derived from the engine's Report: the items of its list (findings, and
// items other parts of the extension add, such as the reader's flags), the cells each outlines,
// the verdict counts and the deadline status. Pure: no DOM, no extension APIs.
import type { Finding, Report } from '../lib/report/schema';
import { FINDING_GROUPS, findingGroup, type FindingGroup } from '../lib/export/findings';
import type { Verdict } from '../utils/messages';
import type { MarkKind } from '../utils/marks';

export type Lang = 'zh' | 'en';

/** One entry of the panel's list. */
export interface PanelItem {
  /** Stable within one analysis: `finding:<index in report.findings>`, or the adder's own prefix. */
  id: string;
  kind: MarkKind;
  /** The rule id (T3-SUM …), or a short label of the adder's choosing. */
  rule: string;
  /** In the UI language. */
  message: string;
  /** Canonical keys of every cell involved; a click on the item outlines all of them. */
  cells: string[];
  /** Keys outlined while the panel is open (page marks and the panel's tables). */
  marked: string[];
  expected?: number;
  actual?: number | null;
  /** The report's own explanatory note for these cells (注：…). */
  note?: string;
  /** YOY findings: which saved report was compared. */
  against?: string;
}

/**
 * A command another part of the extension offers beside a list item or on a figure of the panel's
 * tables (e.g. "flag this figure", "edit" a flag).
 */
export interface PanelAction {
  /** Visible text. */
  label: string;
  /** Accessible name: what it does to which cell ("标记存疑：（一）予以公开 · 自然人（7）"). */
  name: string;
  run(): void;
}

/** A short mark another part of the extension puts beside the verdict in the collapsed pill (e.g. "未能保存"). */
export interface PillMark {
  /** Visible text. */
  text: string;
  /** What screen readers hear of it, in the pill's name ("自动保存失败，本页未能保存为快照"). */
  name: string;
}

const ORDER: Record<MarkKind, number> = { error: 0, warning: 1, info: 2, flag: 3 };
export const byKind = (a: { kind: MarkKind }, b: { kind: MarkKind }) => ORDER[a.kind] - ORDER[b.kind];

/**
 * A finding with `expected` is an equation about its checked cell (cells[0]): that cell is the
 * offending one, the others are the terms. Without `expected` (blank or unreadable cells) every cell
 * listed is at fault. No rule-specific code: the schema says which is which.
 */
export const offendingCells = (f: Finding): string[] => (f.expected !== undefined ? f.cells.slice(0, 1) : f.cells);

function findingItem(f: Finding, index: number, lang: Lang): PanelItem {
  return {
    id: `finding:${index}`,
    kind: f.severity,
    rule: f.rule,
    message: lang === 'en' ? f.messageEn : f.message,
    cells: f.cells,
    marked: offendingCells(f),
    expected: f.expected,
    actual: f.actual,
    note: f.note,
    against: f.against,
  };
}

/** The report's findings as panel items, errors first (stable within a severity). */
export const findingItems = (report: Report, lang: Lang): PanelItem[] =>
  report.findings.map((f, i) => findingItem(f, i, lang)).sort(byKind);

/** Key → the items outlining it, most severe first (which the panel opens on a click). */
export function markedKeys(items: readonly PanelItem[]): Map<string, PanelItem[]> {
  const byKey = new Map<string, PanelItem[]>();
  for (const item of [...items].sort(byKind)) {
    for (const key of item.marked) byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return byKey;
}

/** What a list entry is about: one of the three tables, or the text and format ('other'). */
export type ItemGroup = FindingGroup;

/** The list as the panel shows it: by table (表二, 表三, 表四, other), then by severity, stable within. */
export function groupItems(items: readonly PanelItem[]): { group: ItemGroup; items: PanelItem[] }[] {
  return FINDING_GROUPS.map((group) => ({ group, items: items.filter((i) => findingGroup(i.cells) === group).sort(byKind) })).filter((g) => g.items.length);
}

/** The order next/previous walk: the order shown. */
export const listOrder = (items: readonly PanelItem[]): PanelItem[] => groupItems(items).flatMap((g) => g.items);

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Errors, warnings and infos among findings or panel items (a reader's flags count for none). */
export function countKinds(list: readonly { kind: MarkKind }[]): Counts {
  const n = (kind: MarkKind) => list.filter((x) => x.kind === kind).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

export function verdictOf(report: Report, isReport: boolean): Verdict {
  const counts = countKinds(isReport ? report.findings.map((f) => ({ kind: f.severity })) : []);
  return { isReport, ...counts, agency: report.agency, year: report.year };
}

export type DeadlineStatus =
  | { kind: 'on-time'; deadline: string }
  | { kind: 'late'; deadline: string; days: number }
  | { kind: 'unknown' };

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

export function deadlineStatus(report: Pick<Report, 'publishedAt' | 'deadline'>): DeadlineStatus {
  const { publishedAt, deadline } = report;
  if (!publishedAt || !deadline) return { kind: 'unknown' };
  const days = dayNumber(publishedAt) - dayNumber(deadline);
  return days > 0 ? { kind: 'late', deadline, days } : { kind: 'on-time', deadline };
}
