// A whole report on one line, as archives' text extraction saves a page: headings inline, parted
// by spaces ("… 一、总体情况 2022年，… 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发
// 件数 …"), table cells parted by single spaces or not at all. A heading run into a sentence stays
// there: a flattened legacy page (pingtan-2018) keeps its text whole. The line is cut into cells: each label and each
// figure that follows a label is a cell, the words between them one narrative cell. Figures glued
// together ("规章000行政规范性文件8855698") stay one cell: the text reader reads them only where no
// guess is needed.
import { isFigureText } from '../normalize';
import { labelEntries, sectionOf } from '../formats';
import type { CellRow } from './text-columns';

// A line this long, in a body of a few lines, is a page flattened into one line.
const MIN_FLATTENED_LENGTH = 1000;
const MAX_FLATTENED_LINES = 3;
// The rest of a label broken by a space is short (the text reader joins parts up to 40 characters).
const MAX_LABEL_PART = 40;

/**
 * A page flattened into a line or few, its section headings standing apart as words ("… 二、主动
 * 公开政府信息情况 …"). A flattened page whose headings run into its sentences (a legacy report)
 * is left as it is: one cell of text.
 */
export function isOneLine(lines: readonly string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length === 0 || filled.length > MAX_FLATTENED_LINES || !filled.some((l) => l.length >= MIN_FLATTENED_LENGTH)) return false;
  const headings = filled.flatMap((l) => l.split(/\s+/)).filter((t) => HEADING_WORD.test(t));
  return headings.length >= MIN_HEADINGS;
}
const HEADING_WORD = /^[一二三四五六七八九十]+、\S/;
const MIN_HEADINGS = 2;

// A numbered label ("1.申请人…", "（三）不予公开", "三、本年度办理结果") starts a cell of its own.
// Text run straight into digits ("规章000行政规范性文件8855698"); a note under a table.
const GLUED = /[^\d\s.,:;，。：；、]\d/;
const NOTE = /^(?:备注|注)[:：]/;
const NUMBERED = /^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|[一二三四五六七八九十]+、)/;

/**
 * The line's cells. A token is table content when it is a label of the national formats (or
 * starts with one: "规章000"), a section heading, or a figure after table content; the other
 * tokens in a row are joined into one cell ("社会公 益组织" is then one label too). A few words
 * after a label may be the rest of it ("1.申请人无正当理由逾期 不补正、…"): figures after them
 * are still the table's.
 */
export function oneLineRows(lines: readonly string[], from: number, label: (text: string) => string): CellRow[] {
  const rows: CellRow[] = [];
  for (let i = from; i < lines.length; i++) {
    const cells: string[] = [];
    let words: string[] = [];
    let wordsLength = 0;
    let inTable = false;
    const flush = () => {
      if (words.length) cells.push(words.join(' '));
      words = [];
      wordsLength = 0;
    };
    for (const token of lines[i]!.split(/\s+/).filter((t) => t !== '')) {
      const norm = label(token);
      const heading = sectionOf(norm) !== null;
      if ((inTable && isFigureText(norm)) || heading || labelEntries(norm).entries.length > 0) {
        flush();
        cells.push(token);
        // A heading is followed by its text ("一、总体情况 2023年，…申请 3 件"), a label by figures.
        inTable = !heading;
      } else if (GLUED.test(norm) || NOTE.test(norm)) {
        // Glued table cells, or a note: a cell of their own, never joined with the words around.
        flush();
        cells.push(token);
        inTable = false;
      } else {
        // A numbered row label starts its own cell, and may be followed by its figures.
        const numbered = NUMBERED.test(token);
        if (numbered) flush();
        words.push(token);
        wordsLength += token.length;
        inTable = (inTable || numbered) && wordsLength <= MAX_LABEL_PART;
      }
    }
    flush();
    if (cells.length) rows.push({ line: i, cells });
  }
  return rows;
}
