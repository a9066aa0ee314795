// Text normalisation: one simplified, ASCII-digit, annotation-free form for matching labels and
// reading numbers. opencc's converter costs ~10 ms to build, so it is built once, and only for
// pages that are traditional: converting simplified text can change characters (see toolchain.md).
import * as OpenCC from 'opencc-js/t2cn';
import { detectScript, type Script } from './script';
import { exactNumber } from './decimal';

export { detectScript, type Script };

export interface Normalizer {
  script: Script;
  /** Simplified, ASCII digits/punctuation, romanisation removed, whitespace folded to one space. */
  plain(text: string): string;
  /** `plain` without any whitespace or quotes: the form labels are compared in. */
  label(text: string): string;
}

let toSimplified: ((s: string) => string) | undefined;
/** Builds the t→cn converter on first use. Exposed for the benchmark's opencc share. */
export function simplifiedConverter(): (s: string) => string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified;
}

/** Full-width ASCII (ＡＢ１２（）：) → ASCII; ideographic space → space; ㈠–㈩ → (一)–(十). */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u00A0\u3220-\u3229]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x3000 || c === 0xa0) return ' ';
    if (c >= 0x3220 && c <= 0x3229) return `(${'一二三四五六七八九十'[c - 0x3220]})`;
    return String.fromCharCode(c - 0xfee0);
  });
}

// Site converters leave pinyin after ambiguous characters: 公開(kāi), 結(jié)轉(zhuǎn), sometimes doubled and
// toneless: 政(zheng)(zheng)府. Only lowercase pinyin right after a CJK character is removed, so
// "(一)" and "(PDF)" survive.
const ROMANISATION = /(?<=[\u3400-\u9fff])(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,6}\))+/g;

export function stripRomanisation(text: string): string {
  return text.replace(ROMANISATION, '');
}

/** Whitespace runs (incl. newlines, &nbsp; already folded) → one space; trimmed. */
export const foldSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

const QUOTES = /["'“”‘’「」『』]/g;

export function createNormalizer(script: Script): Normalizer {
  const convert = script === 'traditional' ? simplifiedConverter() : (s: string) => s;
  const plain = (text: string) => foldSpaces(convert(stripRomanisation(foldWidth(text))));
  return { script, plain, label: (text) => plain(text).replace(/\s+/g, '').replace(QUOTES, '') };
}

export interface ParsedFigure {
  /** null when blank or unreadable. */
  value: number | null;
  /** "万元" or "元" when printed after the number. */
  unit?: '万元' | '元';
  /** Left blank or filled with a placeholder ("/", "—", "-", "无"): VAL-BLANK. */
  blank: boolean;
  /** Not blank, yet not a number: VAL-BAD. */
  bad: boolean;
}

/** Why a cell that is not blank cannot be read as a number (VAL-BAD says which). */
export type FigureProblem = 'two-numbers' | 'inexact' | 'unreadable';

const BLANK = /^(|\/|\\|-+|—+|–+|－+|─+|无|空|\*)$/;
const NUMBER = /^([+-]?)(\d+(?:\.\d+)?)(万元|元|件|个|项|条|次)?$/;
// Digits on two lines of one cell ("3<br>5", two <p>s: lib/grid keeps the break as "\n") are two
// numbers, never 35. Digits parted by spaces only ("1 184") stay one number, as before: spans and
// PDF text runs split a printed figure that way.
const TWO_NUMBERS = /\d[^\S\n]*\n\s*[+-]?\d/;
const UNREADABLE: ParsedFigure = { value: null, blank: false, bad: true };

function readNumber(raw: string): { parsed: ParsedFigure; problem?: FigureProblem } {
  const folded = foldWidth(raw);
  if (TWO_NUMBERS.test(folded)) return { parsed: UNREADABLE, problem: 'two-numbers' };
  const text = folded.replace(/\s+/g, '');
  if (BLANK.test(text)) return { parsed: { value: null, blank: true, bad: false } };
  // Thousands separators only between digit groups of three.
  const m = NUMBER.exec(text.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1'));
  if (!m) return { parsed: UNREADABLE, problem: 'unreadable' };
  // A number no JSON number holds exactly (over 2^53, too many digits) is never shown rounded.
  const magnitude = exactNumber(m[2]!);
  if (magnitude === null) return { parsed: UNREADABLE, problem: 'inexact' };
  const value = m[1] === '-' ? -magnitude : magnitude;
  const unit = m[3] === '万元' || m[3] === '元' ? m[3] : undefined;
  return { parsed: unit ? { value, unit, blank: false, bad: false } : { value, blank: false, bad: false } };
}

/**
 * Reads a table cell: "1,184.92", "297.17万元", "-18", "+5", " 0 ", "１２"; blanks give null.
 * Digits on two lines ("3\n5") are two numbers: unreadable, never glued together.
 */
export function parseFigure(raw: string): ParsedFigure {
  return readNumber(raw).parsed;
}

/** The text holds digits on two lines: two numbers in one cell (the norm has lost the break). */
export const hasTwoNumbers = (text: string): boolean => text.includes('\n') && TWO_NUMBERS.test(foldWidth(text));

/** Why `raw` is unreadable (parseFigure(raw).bad), for the VAL-BAD message; null when it reads. */
export function figureProblem(raw: string): FigureProblem | null {
  return readNumber(raw).problem ?? null;
}

/** A cell that holds a figure (or a blank placeholder) rather than a label. */
export function isFigureText(raw: string): boolean {
  return !parseFigure(raw).bad;
}
