// VAL-BAD: a cell that holds no usable count — unreadable, negative (only T2019 本年增/减 may be), or
// fractional (only the two money amounts may have decimals).
import type { Figure } from '../types';
import { inTableOrder } from './figures';
import { cellName, num, text, type Text } from './message';
import { defineRule, NATIONAL } from './rule';

const AMOUNTS = new Set(['active.fees.amount', 'active.procurement.amount']);
const mayBeNegative = (key: string) => key.startsWith('active.') && key.endsWith('.change');

function problem(figure: Figure): Text | null {
  const cell = cellName(figure.key);
  if (figure.bad) {
    return text(`${cell.zh}：“${figure.raw}”无法读作数字。`, `${cell.en}: "${figure.raw}" cannot be read as a number.`);
  }
  const v = figure.value;
  if (v === null) return null;
  if (v < 0 && !mayBeNegative(figure.key)) {
    return text(`${cell.zh}：填报 ${num(v)}，数量不能为负。`, `${cell.en}: reads ${num(v)}; a count cannot be negative.`);
  }
  if (!Number.isInteger(v) && !AMOUNTS.has(figure.key)) {
    return text(`${cell.zh}：填报 ${num(v)}，件数应为整数。`, `${cell.en}: reads ${num(v)}; a count must be a whole number.`);
  }
  return null;
}

export const valBad = defineRule('VAL-BAD', 'error', NATIONAL, ({ extraction: { figures, template } }) =>
  inTableOrder(figures.keys(), template).flatMap((key) => {
    const figure = figures.get(key)!;
    const t = problem(figure);
    return t ? [{ ...t, cells: [key], actual: figure.value }] : [];
  }),
);
