// The national formats as data (sections, 表二/三/四 labels with their variants) and the one way
// a printed label is compared with them: normalised (normalizer.label), row number and trailing
// bracketed remark set aside, punctuation dropped. Variants are written in simplified Chinese and
// cells arrive simplified by their page's normaliser, so one index serves every page.
import { createNormalizer } from '../normalize';
import type { SectionId } from '../report/schema';
import type { TableId } from '../report/keys';
import { ACTIVE_FORMATS, ACTIVE_MARKERS } from './active';
import { REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_MARKERS, REQUEST_ROWS, REQUEST_SUBTOTAL_LABELS } from './requests';
import { APPEAL_COLUMN_FORMATS, APPEAL_GROUP_FORMATS, APPEAL_MARKERS } from './appeals';
import { SECTION_FORMATS } from './sections';
import { GENERIC_LABELS } from './generic';
import type { FigureKind } from './types';

export * from './types';
export { ACTIVE_FORMATS, ACTIVE_MARKERS } from './active';
export { REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_MARKERS, REQUEST_ROWS, REQUEST_SUBTOTAL_LABELS } from './requests';
export { APPEAL_COLUMN_FORMATS, APPEAL_GROUP_FORMATS, APPEAL_MARKERS } from './appeals';
export { SECTION_FORMATS, REPORT_TITLE, REPORT_END, NOTE } from './sections';
export { GENERIC_LABELS } from './generic';

/** What a printed table label is in the formats. */
export type LabelEntry = (
  /** "第二十条第（一）项": starts a 表二 block. */
  | { kind: 'caption'; table: 'active'; item: string }
  /** A header cell that names no column ("信息内容", "申请人情况", "行政诉讼"). */
  | { kind: 'marker'; table: TableId }
  /** A column header; `column: null` for a column that is read and ignored (subtotal). */
  | { kind: 'column'; table: TableId; column: string | null }
  /** A header over several rows (表三 "（三）不予公开") or columns (表四 "行政复议"). */
  | { kind: 'group'; table: TableId; group: string; row?: string }
  /** A row label; `row` is the path under the table (`denied.stateSecret`). */
  | { kind: 'row'; table: TableId; row: string }
) & {
  /** Too common to open its table by itself (GENERIC_LABELS): read only inside the table. */
  generic?: true;
};

// "三、" "（一）" "1." and a heading whose number was lost ("、其他需要报告的事项").
const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.]|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|\d{1,2}[.、)]|[、.])/;
// "本年收费金额（单位：万元）", "部分公开（区分处理的，…）": a remark after the words.
const REMARK = /(?<=.)\([^()]*\)$/;
const PUNCTUATION = /[、,.;:!?'"“”‘’()[\]【】《》〈〉<>\-—–_/\\·•~]/g;

export interface LabelKey {
  /** The row or section number as printed ("三、", "(一)", "1."), or "". */
  numbering: string;
  /** The words that identify the label. */
  key: string;
}

/** Splits a normalised label into its number and the words it is matched by. */
export function labelKey(norm: string): LabelKey {
  const numbering = NUMBERING.exec(norm)?.[0] ?? '';
  return { numbering, key: norm.slice(numbering.length).replace(REMARK, '').replace(PUNCTUATION, '') };
}

/** Longer normalised text is a paragraph, never a table label or a heading. */
export const MAX_LABEL_LENGTH = 64;

interface LabelIndex {
  exact: Map<string, LabelEntry[]>;
  prefixes: { prefix: string; entry: LabelEntry }[];
}

let labels: LabelIndex | undefined;

function buildLabelIndex(): LabelIndex {
  const { label } = createNormalizer('simplified');
  const index: LabelIndex = { exact: new Map(), prefixes: [] };
  const generic = new Set(GENERIC_LABELS.map((l) => labelKey(label(l)).key));
  // Both templates share many labels: one entry of each meaning per key. Seen as "key, meaning as
  // JSON", each meaning serialised once, not compared with every entry already there.
  const seen = new Set<string>();
  const add = (variants: readonly string[], meaning: LabelEntry) => {
    const meaningId = JSON.stringify(meaning);
    for (const variant of variants) {
      if (variant.endsWith('…')) {
        index.prefixes.push({ prefix: labelKey(label(variant.slice(0, -1))).key, entry: meaning });
        continue;
      }
      const { key } = labelKey(label(variant));
      const id = `${key}\n${meaningId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const entry: LabelEntry = generic.has(key) ? { ...meaning, generic: true } : meaning;
      const list = index.exact.get(key);
      if (list) list.push(entry);
      else index.exact.set(key, [entry]);
    }
  };
  for (const blocks of Object.values(ACTIVE_FORMATS)) {
    for (const block of blocks) {
      add(block.captions, { kind: 'caption', table: 'active', item: block.item });
      for (const c of block.columns) add(c.labels, { kind: 'column', table: 'active', column: c.key });
      for (const r of block.rows) add(r.labels, { kind: 'row', table: 'active', row: r.key });
    }
  }
  add(ACTIVE_MARKERS, { kind: 'marker', table: 'active' });
  add(REQUEST_MARKERS, { kind: 'marker', table: 'requests' });
  for (const c of REQUEST_COLUMNS) add(c.labels, { kind: 'column', table: 'requests', column: c.key });
  add(REQUEST_SUBTOTAL_LABELS, { kind: 'column', table: 'requests', column: null });
  for (const r of REQUEST_ROWS) add(r.labels, { kind: 'row', table: 'requests', row: r.key });
  for (const g of REQUEST_GROUPS) {
    const asRow = g.asRow ? { row: `${g.key}.${g.asRow}` } : {};
    add(g.labels, { kind: 'group', table: 'requests', group: g.key, ...asRow });
    for (const item of g.items) add(item.labels, { kind: 'row', table: 'requests', row: `${g.key}.${item.key}` });
  }
  add(APPEAL_MARKERS, { kind: 'marker', table: 'appeals' });
  for (const g of APPEAL_GROUP_FORMATS) add(g.labels, { kind: 'group', table: 'appeals', group: g.key });
  for (const c of APPEAL_COLUMN_FORMATS) add(c.labels, { kind: 'column', table: 'appeals', column: c.key });
  return index;
}

export interface LabelMeaning {
  numbering: string;
  entries: readonly LabelEntry[];
}

const NO_MEANING: LabelMeaning = { numbering: '', entries: [] };
// Pages repeat their labels (rowspan copies, repeated headers, one format for all): remember them.
const meanings = new Map<string, LabelMeaning>();
const MAX_REMEMBERED = 4096;

/** Every meaning a normalised label has in the formats (several: "总计" is a row and a column). */
export function labelEntries(norm: string): LabelMeaning {
  if (norm.length > MAX_LABEL_LENGTH) return NO_MEANING;
  const known = meanings.get(norm);
  if (known) return known;
  labels ??= buildLabelIndex();
  const { numbering, key } = labelKey(norm);
  const entries = key === '' ? [] : labels.exact.get(key) ?? labels.prefixes.filter((p) => key.startsWith(p.prefix)).map((p) => p.entry);
  if (meanings.size >= MAX_REMEMBERED) meanings.clear();
  const meaning = { numbering, entries };
  meanings.set(norm, meaning);
  return meaning;
}

let sections: Map<string, SectionId> | undefined;

/**
 * The section a text block heads, from its normalised text, or null. The number may be Chinese
 * ("五、"), lost ("、其他需要报告的事项") or absent; a bracketed "（一）…" is a sub-heading inside a
 * section, and a table row such as "三、本年度办理结果" has other words, so neither is a heading.
 */
export function sectionOf(norm: string): SectionId | null {
  if (norm.length > MAX_LABEL_LENGTH) return null;
  if (!sections) {
    const { label } = createNormalizer('simplified');
    sections = new Map();
    for (const s of SECTION_FORMATS) for (const h of s.headings) sections.set(labelKey(label(h)).key, s.id);
  }
  const { numbering, key } = labelKey(norm);
  if (numbering.startsWith('(') || /^\d/.test(numbering)) return null;
  return sections.get(key) ?? null;
}

const ACTIVE_COLUMN_KINDS = new Map<string, FigureKind>(
  Object.values(ACTIVE_FORMATS).flatMap((blocks) => blocks.flatMap((b) => b.columns.map((c) => [c.key, c.kind] as const))),
);

/** What a figure of this canonical key holds: 表二's money and signed changes; counts elsewhere. */
export function figureKind(key: string): FigureKind {
  if (!key.startsWith('active.')) return 'count';
  return ACTIVE_COLUMN_KINDS.get(key.slice(key.lastIndexOf('.') + 1)) ?? 'count';
}
