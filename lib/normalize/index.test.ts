import { describe, expect, it } from 'vitest';
import { createNormalizer, detectScript, figureProblem, foldWidth, parseFigure, stripRomanisation } from './index';

describe('parseFigure', () => {
  it.each([
    ['0', 0], [' 0 ', 0], ['１２', 12], ['1,184.92', 1184.92], ['26493', 26493], ['-18', -18], ['+5', 5],
    ['１，１８４．９２', 1184.92], ['3件', 3],
  ])('reads %j as %d', (raw, value) => {
    expect(parseFigure(raw)).toEqual({ value, blank: false, bad: false });
  });
  it('keeps the unit of amounts', () => {
    expect(parseFigure('297.17万元')).toEqual({ value: 297.17, unit: '万元', blank: false, bad: false });
    expect(parseFigure('394432.52元')).toEqual({ value: 394432.52, unit: '元', blank: false, bad: false });
  });
  it.each(['', ' ', '/', '／', '—', '——', '-', '无', '\u00a0'])('reads %j as blank, never 0', (raw) => {
    expect(parseFigure(raw)).toEqual({ value: null, blank: true, bad: false });
  });
  it.each(['约5', '5件左右', '1.2.3', 'abc', '12,34'])('marks %j unreadable', (raw) => {
    expect(parseFigure(raw)).toEqual({ value: null, blank: false, bad: true });
    expect(figureProblem(raw)).toBe('unreadable');
  });
  it.each(['3\n5', '3 \n 5', '１\n２件', '1,184\n-2'])('reads %j, a cell printed on two lines, as two numbers, never glued', (raw) => {
    expect(parseFigure(raw)).toEqual({ value: null, blank: false, bad: true });
    expect(figureProblem(raw)).toBe('two-numbers');
  });
  it('keeps digits parted by spaces only as one number (spans split printed figures so)', () => {
    expect(parseFigure('1 184')).toEqual({ value: 1184, blank: false, bad: false });
    expect(parseFigure('3件\n')).toEqual({ value: 3, blank: false, bad: false });
  });
  it.each([
    ['9007199254740993', 'beyond 2^53'],
    ['9'.repeat(400), 'Infinity as a double'],
    ['-' + '1'.repeat(30), 'too many digits'],
    ['0.12345678901234567', 'too many significant digits'],
  ])('keeps %j unread rather than shown as another number (%s)', (raw) => {
    expect(parseFigure(raw)).toEqual({ value: null, blank: false, bad: true });
    expect(figureProblem(raw)).toBe('inexact');
  });
  it('reads the largest exact integer and long decimals that round-trip', () => {
    expect(parseFigure('9007199254740991').value).toBe(9007199254740991);
    expect(parseFigure('-9,007,199,254,740,991').value).toBe(-9007199254740991);
    expect(parseFigure('0001184.920').value).toBe(1184.92);
    expect(figureProblem('49')).toBeNull();
  });
});

describe('normalisation', () => {
  it('folds full-width digits, punctuation and circled numbers', () => {
    expect(foldWidth('（一）第二十条：１２　㈠')).toBe('(一)第二十条:12 (一)');
  });
  it('removes romanisation left by site converters, not real parentheses', () => {
    expect(stripRomanisation('公開(kāi)工作 結(jié)轉(zhuǎn) (一)予以公开 附件(PDF)')).toBe('公開工作 結轉 (一)予以公开 附件(PDF)');
    expect(stripRomanisation('政(zheng)(zheng)府信息公開(kāi)')).toBe('政府信息公開');
  });
  it('converts traditional labels to simplified and drops spaces and quotes in labels', () => {
    const n = createNormalizer('traditional');
    expect(n.label('二、上年結(jié)轉(zhuǎn)政府信息公開(kāi)申請數(shù)量')).toBe('二、上年结转政府信息公开申请数量');
    expect(n.label('商業 企業')).toBe('商业企业');
    expect(n.label('3.危及“三安全一穩定”')).toBe('3.危及三安全一稳定');
    expect(n.plain('  社會公 益組織 ')).toBe('社会公 益组织');
  });
  it('leaves simplified text alone', () => {
    const n = createNormalizer('simplified');
    expect(n.label('三、 本年 度办 理结 果')).toBe('三、本年度办理结果');
    expect(n.plain('么 干 后')).toBe('么 干 后');
  });
  it('detects the script of a page', () => {
    expect(detectScript('盤錦市雙臺子區人民政府辦公室2023年政府信息公開工作年度報告，根據《條例》規定')).toBe('traditional');
    expect(detectScript('鹤岗市人民政府办公室2024年政府信息公开工作年度报告')).toBe('simplified');
    expect(detectScript('')).toBe('simplified');
  });
});
