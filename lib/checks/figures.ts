// Reading figures for the rules: the sums of spec §6 read a blank as 0, skip a figure the page does
// not have, and refuse an equation built on an unreadable cell (VAL-BAD reports that cell; a sum
// that silently read it as 0 would show a wrong number as right).
import type { FigureMap } from '../types';
import type { Report } from '../report/schema';
import { figureKeys, type TemplateId } from '../report/keys';
import { compare, decimalOf, subtract, sumOf, type Decimal } from '../normalize/decimal';

/** One term of an equation. `key` is absent for a figure that is not on this page (last year's). */
export interface Term {
  key?: string;
  value: number | null;
  bad: boolean;
}

/** The figure at `key` as a term, or undefined when the page does not have it. */
export function termAt(figures: FigureMap, key: string): Term | undefined {
  const figure = figures.get(key);
  return figure && { key, value: figure.value, bad: figure.bad === true };
}

/** A figure to compare with the text: blank = 0; undefined when absent or unreadable. */
export function valueAt(figures: FigureMap, key: string): number | undefined {
  const t = termAt(figures, key);
  return t && !t.bad ? (t.value ?? 0) : undefined;
}

/** A figure of a saved report (JSON): number, null (blank) or undefined (absent). */
export function reportValue(report: Report, key: string): number | null | undefined {
  let node: unknown = report;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

export interface Balance {
  /** The checked cell first, then every term present on this page. */
  cells: string[];
  /** What the checked cell would have to read: Σplus − Σminus, exactly. */
  expected: Decimal;
  /** The checked cell as printed (null when blank). */
  actual: number | null;
  /** Σplus and Σminus, for messages that show both sides. */
  plus: Decimal;
  minus: Decimal;
}

const sum = (terms: Term[]) => sumOf(terms.map((t) => t.value ?? 0));
const present = (terms: (Term | undefined)[]) => terms.filter((t): t is Term => t !== undefined);

/**
 * checked = Σplus − Σminus, as far as the page has the figures. null when there is nothing to
 * check: the checked cell or all of the other terms are absent, or any term is unreadable. The
 * sums are exact (decimals as scaled integers): 0.1 + 0.2 is 0.3, and sums beyond 2^53 or 1e308
 * are neither rounded nor Infinity.
 */
export function balance(checked: Term | undefined, plus: (Term | undefined)[], minus: (Term | undefined)[] = []): Balance | null {
  const p = present(plus);
  const m = present(minus);
  if (!checked || p.length + m.length === 0) return null;
  if (checked.bad || p.some((t) => t.bad) || m.some((t) => t.bad)) return null;
  const cells = [checked, ...p, ...m].flatMap((t) => (t.key ? [t.key] : []));
  const plusSum = sum(p);
  const minusSum = sum(m);
  return { cells, expected: subtract(plusSum, minusSum), actual: checked.value, plus: plusSum, minus: minusSum };
}

/** The checked cell's value as the sums read it (blank = 0). */
export const readAsSum = (b: Balance): Decimal => decimalOf(b.actual ?? 0);

/** The equation could be checked and does not hold. */
export const fails = (b: Balance | null): b is Balance => b !== null && compare(readAsSum(b), b.expected) !== 0;

const tableOrder = new Map<TemplateId, Map<string, number>>();

/** Keys sorted as their cells stand in the tables of `template`; unknown keys keep their order, last. */
export function inTableOrder(keys: Iterable<string>, template: TemplateId): string[] {
  let order = tableOrder.get(template);
  if (!order) tableOrder.set(template, (order = new Map(figureKeys(template).map((k, i) => [k, i] as const))));
  const rank = (k: string) => order.get(k) ?? Number.MAX_SAFE_INTEGER;
  return [...keys].sort((a, b) => rank(a) - rank(b));
}
