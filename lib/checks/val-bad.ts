// VAL-BAD: a cell that holds no usable count — unreadable, negative (only T2019 本年增/减 may be), or
// fractional (only the two money amounts may have decimals).
import type { Figure } from '../types';
import { figureKind } from '../formats';
import { inTableOrder } from './figures';
import { cellName, num, text, type Label, type Text } from './message';
import { defineRule, NATIONAL } from './rule';


/** What is wrong with the cell, or null. */
function problem(figure: Figure): Label | null {
  if (figure.bad) return { zh: `“${figure.raw}”无法读作数字`, en: `"${figure.raw}" cannot be read as a number` };
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
