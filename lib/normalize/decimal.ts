// Exact decimals for figures and their sums. A figure is kept as a JSON number only when that
// number is exactly the decimal printed (9007199254740993 is not: it would read …992), and sums
// are done on scaled BigInts, so no sum is rounded or overflows to Infinity however long the
// page's numbers are. Everything here is linear in the digits (no regex that backtracks).

/** units × 10^-scale: 1184.92 is { units: 118492n, scale: 2 }. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const ZERO_CODE = 48;

/**
 * A printed unsigned decimal ("007", "1.50", "26493") in canonical form: no leading zeros before
 * the units digit, no trailing zeros after the point, no bare point ("007" → "7", "1.50" → "1.5").
 */
function canonical(digits: string): string {
  const dot = digits.indexOf('.');
  let end = digits.length;
  if (dot >= 0) {
    while (end > dot + 1 && digits.charCodeAt(end - 1) === ZERO_CODE) end--;
    if (end === dot + 1) end = dot;
  }
  const intEnd = dot >= 0 ? dot : end;
  let start = 0;
  while (start < intEnd - 1 && digits.charCodeAt(start) === ZERO_CODE) start++;
  return digits.slice(start, end);
}

/** The decimal a finite JSON number stands for, without exponent: 1e21 → "1000000000000000000000". */
export function plainDigits(n: number): string {
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s[0] === '-' ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + Number(s.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The JSON number that is exactly the printed unsigned decimal, or null when none is (too many
 * significant digits, beyond 2^53 for integers, or out of range).
 */
export function exactNumber(digits: string): number | null {
  const printed = canonical(digits);
  const n = Number(printed);
  return Number.isFinite(n) && plainDigits(n) === printed ? n : null;
}

/** A finite number as the exact decimal it stands for. */
export function decimalOf(n: number): Decimal {
  const s = plainDigits(n);
  const dot = s.indexOf('.');
  if (dot < 0) return { units: BigInt(s), scale: 0 };
  return { units: BigInt(s.slice(0, dot) + s.slice(dot + 1)), scale: s.length - dot - 1 };
}

const scaled = (d: Decimal, scale: number) => d.units * 10n ** BigInt(scale - d.scale);

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: scaled(a, scale) + scaled(b, scale), scale };
}

export const negate = (a: Decimal): Decimal => ({ units: -a.units, scale: a.scale });
export const subtract = (a: Decimal, b: Decimal): Decimal => add(a, negate(b));
export const ZERO: Decimal = { units: 0n, scale: 0 };

/**
 * Σ of the numbers, exactly. Report figures are counts: while every term and every partial sum is a
 * safe integer, a double adds them exactly (a sum past 2^53 − 1 rounds to no safe integer, so it is
 * caught), and only the total becomes a BigInt.
 */
export function sumOf(values: readonly number[]): Decimal {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(total)) return values.reduce((s, x) => add(s, decimalOf(x)), ZERO);
  }
  return { units: BigInt(total), scale: 0 };
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const d = scaled(a, scale) - scaled(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The decimal as printed in a message: "1184.92", "-3", "18014398509481985". */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString();
  if (d.scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(d.scale + 1, '0');
  const point = padded.length - d.scale;
  const text = canonical(`${padded.slice(0, point)}.${padded.slice(point)}`);
  return (negative && text !== '0' ? '-' : '') + text;
}

/** The decimal as a JSON number when one holds it exactly; undefined when none does. */
export function decimalNumber(d: Decimal): number | undefined {
  const text = formatDecimal(d);
  const negative = text.startsWith('-');
  const n = exactNumber(negative ? text.slice(1) : text);
  return n === null ? undefined : negative ? -n : n;
}
