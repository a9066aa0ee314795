// VAL-BAD: a cell that holds no usable count — unreadable, negative (only T2019 本年增/减 may be), or
// fractional (only the two money amounts may have decimals).
import type { Figure } from '../types';
import { figureKind } from '../formats';
import { figureProblem } from '../normalize';
import { inTableOrder } from './figures';
import { cellName, num, text, type Label, type Text } from './message';
import { defineRule, NATIONAL } from './rule';


// A cell of 300,000 digits is quoted by its start and its length, not in full.
const MAX_QUOTED = 40;
const QUOTED_HEAD = 20;

function quoted(raw: string): Label {
  const oneLine = raw.replace(/\s*\n\s*/g, ' / ');
  if (oneLine.length <= MAX_QUOTED) return { zh: `“${oneLine}”`, en: `"${oneLine}"` };
  const head = oneLine.slice(0, QUOTED_HEAD);
  return { zh: `“${head}…”（共 ${oneLine.length} 个字符）`, en: `"${head}…" (${oneLine.length} characters)` };
}

/** Why a bad cell reads as no number, in the words of the finding. */
function unreadable(raw: string): Label {
  const q = quoted(raw);
  switch (figureProblem(raw)) {
    case 'two-numbers':
      return { zh: `${q.zh}是一个单元格中的两个数字，无法读作一个数`, en: `${q.en} is two numbers in one cell, not one figure` };
    case 'inexact':
      return { zh: `${q.zh}位数过多，无法精确读取`, en: `${q.en} has too many digits to be read exactly` };
    default:
      return { zh: `${q.zh}无法读作数字`, en: `${q.en} cannot be read as a number` };
  }
}

/** What is wrong with the cell, or null. */
function problem(figure: Figure): Label | null {
  if (figure.bad) return unreadable(figure.raw);
  const v = figure.value;
  if (v === null) return null;
  if (v < 0 && figureKind(figure.key) !== 'change') return { zh: `填报 ${num(v)}，数量不能为负`, en: `reads ${num(v)}; a count cannot be negative` };
  if (!Number.isInteger(v) && figureKind(figure.key) !== 'amount') return { zh: `填报 ${num(v)}，件数应为整数`, en: `reads ${num(v)}; a count must be a whole number` };
  return null;
}

export const valBad = defineRule('VAL-BAD', 'error', NATIONAL, ({ extraction: { figures, template } }) => {
  const found = new Map<string, Text>();
  for (const [key, figure] of figures) {
    const p = problem(figure);
    if (!p) continue;
    const cell = cellName(key);
    found.set(key, text(`${cell.zh}：${p.zh}。`, `${cell.en}: ${p.en}.`));
  }
  return inTableOrder(found.keys(), template).map((key) => ({ ...found.get(key)!, cells: [key], actual: figures.get(key)!.value }));
});
