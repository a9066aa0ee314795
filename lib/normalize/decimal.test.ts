import { describe, expect, it } from 'vitest';
import { add, compare, decimalNumber, decimalOf, exactNumber, formatDecimal, plainDigits, subtract, sumOf } from './decimal';

describe('exactNumber', () => {
  it.each([
    ['0', 0], ['007', 7], ['1.50', 1.5], ['1184.92', 1184.92], ['0.1', 0.1], ['9007199254740991', 9007199254740991],
    ['1' + '0'.repeat(302), 1e302], ['0.0000001', 1e-7],
  ])('keeps %j as the JSON number %d', (digits, n) => {
    expect(exactNumber(digits)).toBe(n);
  });
  it.each([
    ['9007199254740993', 'beyond 2^53: would read …992'],
    ['12345678901234567890', '20 digits'],
    ['9'.repeat(309), 'Infinity'],
    ['0.12345678901234567890', '20 significant digits'],
    ['0.' + '0'.repeat(400) + '1', 'would read 0'],
  ])('refuses %j (%s)', (digits) => {
    expect(exactNumber(digits)).toBeNull();
  });
  it('reads 300,000 digits in linear time (a zero-stripping regex was quadratic on 000…01)', () => {
    expect(exactNumber('0'.repeat(300_000) + '1')).toBe(1);
    expect(exactNumber('1.' + '0'.repeat(300_000))).toBe(1);
    expect(exactNumber('1'.repeat(300_000))).toBeNull();
  });
});

describe('exact sums', () => {
  it('adds decimals without float noise', () => {
    expect(formatDecimal(sumOf([0.1, 0.2]))).toBe('0.3');
    expect(formatDecimal(sumOf([1184.92, 297.17, -0.09]))).toBe('1482');
    expect(formatDecimal(subtract(decimalOf(1.5), decimalOf(2.25)))).toBe('-0.75');
  });
  it('adds beyond 2^53 and beyond 1.8e308 without rounding or Infinity', () => {
    const big = sumOf([9007199254740991, 9007199254740990]);
    expect(formatDecimal(big)).toBe('18014398509481981');
    // Odd and above 2^53: no JSON number holds it (18014398509481982, even, is one).
    expect(decimalNumber(big)).toBeUndefined();
    expect(decimalNumber(sumOf([9007199254740991, 9007199254740991]))).toBe(18014398509481982);
    const huge = sumOf(Array.from({ length: 6 }, () => 1e308));
    expect(formatDecimal(huge)).toBe('6' + '0'.repeat(308));
    expect(decimalNumber(sumOf([1e302, 1e302]))).toBe(2e302);
  });
  it('compares exactly', () => {
    expect(compare(sumOf([9007199254740991, 2]), decimalOf(9007199254740992))).toBe(1);
    // Counts add as doubles only while every partial sum is a safe integer.
    expect(sumOf([9007199254740990, 1])).toEqual({ units: 9007199254740991n, scale: 0 });
    expect(sumOf([9007199254740991, 2, -3])).toEqual({ units: 9007199254740990n, scale: 0 });
    expect(sumOf([9007199254740991, 1, 1])).toEqual({ units: 9007199254740993n, scale: 0 });
    expect(sumOf([3, 4.5, -0.5])).toEqual({ units: 70n, scale: 1 });
    expect(sumOf([])).toEqual({ units: 0n, scale: 0 });
    expect(compare(add(decimalOf(0.1), decimalOf(0.2)), decimalOf(0.3))).toBe(0);
    expect(compare(decimalOf(-1), decimalOf(0))).toBe(-1);
  });
  it('prints numbers in plain digits, never in exponent form', () => {
    expect(plainDigits(1e21)).toBe('1000000000000000000000');
    expect(plainDigits(1.5e-7)).toBe('0.00000015');
    expect(plainDigits(-2.5e22)).toBe('-25000000000000000000000');
    expect(plainDigits(49)).toBe('49');
  });
});
