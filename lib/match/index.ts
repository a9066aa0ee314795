// Page blocks + recognition → figures keyed by the spec, each with its source cell, and the page
// structure the text checks need (sections, notes, the narrative of the preamble and section 一).
import type { Block, Extraction, Recognition } from '../types';
import type { SectionId } from '../report/schema';
import { figureKeys, tableOf, type TemplateId } from '../report/keys';
import { createNormalizer } from '../normalize';
import { MAX_LABEL_LENGTH, NOTE, REPORT_END, REPORT_TITLE, sectionOf } from '../formats';
import { Reading } from './reading';
import { GridReader } from './grid';
import { TextReader } from './text';

// Keys only one template has: the tables' own labels tell which format a page follows.
const only = (a: TemplateId, b: TemplateId) => {
  const other = new Set(figureKeys(b));
  return new Set(figureKeys(a).filter((k) => !other.has(k)));
};
const ONLY_2021 = only('2021', '2019');
const ONLY_2019 = only('2019', '2021');

function templateOf(keys: readonly string[], rec: Recognition): TemplateId {
  const t2021 = keys.filter((k) => ONLY_2021.has(k)).length;
  const t2019 = keys.filter((k) => ONLY_2019.has(k)).length;
  if (t2021 !== t2019) return t2021 > t2019 ? '2021' : '2019';
  // No table, or none that tells: the year's format (a report whose tables are images stays '2021').
  if (keys.length === 0 || rec.template === '2021' || rec.template === '2019') return rec.template;
  return 'unknown';
}

const textNorm = (block: Block | undefined) => (block?.kind === 'text' ? block.cell.norm : '');

/**
 * Where the report is on the page: it starts at its title line (the last one above the first
 * heading, as sites print it twice or split; the first one on a page without headings) and ends at
 * the page chrome after its sections (QR-code lines, related links, injected spam).
 */
function reportBounds(blocks: readonly Block[], headings: readonly (SectionId | null)[]): { titleAt: number; end: number } {
  const firstHeading = headings.findIndex((h) => h !== null);
  let titleAt = -1;
  for (let i = 0; i < (firstHeading >= 0 ? firstHeading : blocks.length); i++) {
    const norm = textNorm(blocks[i]);
    if (norm.length <= MAX_LABEL_LENGTH && REPORT_TITLE.test(norm)) {
      titleAt = i;
      if (firstHeading < 0) break;
    }
  }
  let end = blocks.length;
  for (let i = Math.max(firstHeading, titleAt, 0); i < blocks.length; i++) {
    const norm = textNorm(blocks[i]);
    if (REPORT_END.some((marker) => norm.startsWith(marker))) {
      end = i;
      break;
    }
  }
  return { titleAt, end };
}

export function extract(blocks: Block[], rec: Recognition): Extraction {
  const normalizer = createNormalizer(rec.script);
  const reading = new Reading(rec.template, normalizer.plain);
  const grids = new GridReader(reading);
  const text = new TextReader(reading, blocks.some((b) => b.kind === 'text' && b.cell.text === ''));

  const headings = blocks.map((b) => (b.kind === 'text' ? sectionOf(b.cell.norm) : null));
  const { titleAt, end } = reportBounds(blocks, headings);
  const hasHeadings = headings.slice(0, end).some((h) => h !== null);

  const narrative: string[] = [];
  // The section being read; null before the first heading (the preamble).
  let section: SectionId | null = null;
  for (let i = 0; i < end; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table') {
      text.interrupt();
      grids.read(block.grid);
      continue;
    }
    const heading = headings[i];
    if (heading) {
      text.interrupt();
      reading.heading(heading);
      section = heading;
      continue;
    }
    const { cell } = block;
    if (NOTE.test(cell.norm) && reading.note(cell)) {
      text.interrupt();
      continue;
    }
    const consumed = text.read(blocks, i, end);
    if (consumed) {
      i += consumed - 1;
      continue;
    }
    // Text between tables that is no note: a later "注" explains no table.
    if (cell.norm.length > MAX_LABEL_LENGTH) reading.noteTable = null;
    // The preamble and section 一 (no headings, as in legacy reports: all the report's text).
    const narrated = hasHeadings ? !reading.tableSeen && (section === null || section === 'overview') : true;
    if (i > titleAt && narrated && cell.text !== '') narrative.push(normalizer.plain(cell.text));
  }
  text.interrupt();

  const keys = [...reading.figures.keys()];
  return {
    template: templateOf(keys, rec),
    figures: reading.figures,
    tablesFound: new Set(keys.map(tableOf)),
    sections: reading.sections,
    narrativeText: narrative.join('\n'),
    narrative: [],
    notes: reading.notes,
    unreadable: reading.unreadable,
  };
}
