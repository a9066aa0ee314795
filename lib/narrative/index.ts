// Figures a report states about itself in its narrative (preamble and section 一), for TXT-T3 and
// TXT-T4: "共收到依申请公开事项49件", "被申请行政复议3件", "被提起行政诉讼1起". A wrong figure here
// becomes a false warning, so the phrases are narrow: an application count needs a verb of
// receiving or handling and the word 申请 right before the number; other counts in the same
// paragraph (网民留言, 人大建议, 较上年新增, 交办, 其中自然人…) are never read.
import type { Report } from '../report/schema';

type NarrativeFigure = Report['narrative'][number];
type Kind = NarrativeFigure['kind'];

// A count as printed: "49", "1,234". Never inside a longer number (a pattern that may start at
// its first digit would otherwise try every digit of a run: quadratic on a line of 100,000
// digits), and never longer than a count can be, so each try reads a bounded window.
const NUM = '(?<!\\d,?)(\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,15})';
// A clause: no sentence or clause break, no other number before ours.
const GAP = '[^,。;!?\\d]';
const TOTAL = '(?:共计?|合计|总计|总数|数量|总量)?(?:为|达)?';
const RECEIVE = '共?(?:收到|受理|收办|办理|接收|接到)';

const PATTERNS: [Kind, RegExp][] = [
  // 收到和受理政府信息公开申请1件 · 收办申请6件 · 办理信息公开申39件 (sic, seed 000)
  ['requests', new RegExp(`${RECEIVE}${GAP}{0,20}?申请?${TOTAL}${NUM}[件个条份]`, 'g')],
  // 共收到依申请公开办理45件 · 收到依申请公开事项49件 · 共收到依申请信息公开26件
  ['requests', new RegExp(`${RECEIVE}依申请${GAP}{0,10}?${TOTAL}${NUM}[件个条份]`, 'g')],
  // 收到12件政府信息公开申请
  ['requests', new RegExp(`${RECEIVE}${NUM}[件个份](?:政府信息公开|信息公开|依申请公开)?申请`, 'g')],
  // 处理行政复议1件 · 被申请行政复议3件 · 行政复议案件0件
  ['reviews', new RegExp(`(?:被申请|被提起|提起|处理|办理|收到|发生|涉及)?行政复议(?:申请)?(?:案件)?${TOTAL}${NUM}[件起个宗次]`, 'g')],
  ['reviews', new RegExp(`(?:发生|收到|涉及)?${NUM}[件起个宗次]行政复议`, 'g')],
  // 被提起行政诉讼1起 · 行政诉讼0件
  ['suits', new RegExp(`(?:被提起|提起|被起诉|处理|办理|发生|涉及)?行政诉讼(?:案件)?${TOTAL}${NUM}[件起个宗次]`, 'g')],
  ['suits', new RegExp(`(?:发生|收到|涉及)?${NUM}[件起个宗次]行政诉讼`, 'g')],
];

// Counts of other things that share the words: correspondence, petitions, proposals, changes.
const NOT_APPLICATIONS = '复议|诉讼|人大|政协|建议|提案|留言|信箱|来信|来电|热线|投诉|举报|咨询|问政|新增|较上年|同比|其中';
// Every occurrence, overlapping ones too (a zero-width match at each start).
const OTHER_COUNT_WORDS = new RegExp(`(?=(${NOT_APPLICATIONS}))`, 'g');
// "行政复议、行政诉讼0件" counts both together: it says each is 0, and nothing when it is not 0.
const JOINT_SUIT = /行政复议[、和及与]$/;

// Whitespace that normalizer.plain leaves (one space per run) and that raw text may carry.
const SPACE = /[ \n\t\r\u00a0\u3000]+/g;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
const CLAUSE_BREAK = new Set([',', '。', ';', '!', '?']);

/**
 * For each position of `text`, where its clause starts and the latest start of a word of
 * NOT_APPLICATIONS lying wholly before that position: built once, so every match asks in constant
 * time whether its clause names other counts (a walk back per match was quadratic on one long line).
 */
function clauseIndex(text: string): { clauseStart: Int32Array; lastWordStart: Int32Array } {
  const n = text.length;
  const clauseStart = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) clauseStart[i] = CLAUSE_BREAK.has(text[i - 1]!) ? i : clauseStart[i - 1]!;
  // lastWordStart[i]: the greatest start of a word ending at or before i, -1 when none.
  const lastWordStart = new Int32Array(n + 1).fill(-1);
  for (const m of text.matchAll(OTHER_COUNT_WORDS)) {
    const end = m.index + m[1]!.length;
    lastWordStart[end] = Math.max(lastWordStart[end]!, m.index);
  }
  for (let i = 1; i <= n; i++) lastWordStart[i] = Math.max(lastWordStart[i]!, lastWordStart[i - 1]!);
  return { clauseStart, lastWordStart };
}

/** For each character of the text without whitespace, its index in `text` ("26 件" is read as "26件"). */
function positions(text: string): Int32Array {
  const at = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) at[n++] = i;
  return at;
}

/**
 * Reads the narrative (simplified, ASCII digits: normalizer.plain of the text outside the tables).
 * Each figure once per kind and value, in the order stated; `text` is the phrase as printed.
 */
export function readNarrative(text: string): Report['narrative'] {
  const squeezed = text.replace(SPACE, '');
  let at: Int32Array | undefined;
  let clauses: ReturnType<typeof clauseIndex> | undefined;
  const found: (NarrativeFigure & { pos: number })[] = [];
  const seen = new Set<string>();
  const add = (kind: Kind, value: number, start: number, end: number) => {
    if (seen.has(`${kind}:${value}`)) return;
    seen.add(`${kind}:${value}`);
    at ??= positions(text);
    found.push({ kind, value, text: text.slice(at[start], at[end - 1]! + 1), pos: start });
  };
  for (const [kind, pattern] of PATTERNS) {
    for (const m of squeezed.matchAll(pattern)) {
      const value = Number(m[1]!.replace(/,/g, ''));
      const start = m.index;
      const end = start + m[0].length;
      if (kind === 'requests') {
        // "其中…" and the other counts may stand earlier in the same clause (or in the match).
        clauses ??= clauseIndex(squeezed);
        if (clauses.lastWordStart[end]! >= clauses.clauseStart[start]!) continue;
      }
      if (kind === 'suits' && JOINT_SUIT.test(squeezed.slice(Math.max(0, start - 5), start))) {
        if (value === 0) {
          add('reviews', 0, start - 5, end);
          add('suits', 0, start - 5, end);
        }
        continue;
      }
      add(kind, value, start, end);
    }
  }
  return found.sort((a, b) => a.pos - b.pos).map(({ kind, value, text }) => ({ kind, value, text }));
}
