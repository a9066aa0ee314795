// Who issued a report, and whether it is a whole government (本级政府, deadline 31 March) or one of
// its departments (31 January). Decided by the name's ending: the data below, longest ending wins,
// so 管委会 beats 会, 办事处 beats 处, and 人民政府办公室 ends in 办公室.
import { withoutCitations } from './citations';

export type AgencyKind = 'government' | 'department';

const GOVERNMENT_ENDINGS = [
  '人民政府', '政府', '街道办事处', '办事处', '管委会', '管委', '区管理委员会', '园管理委员会',
  '实验区', '试验区', '示范区', '开发区', '高新区', '合作区', '新区', '林区', '特区',
  '省', '自治区', '市', '自治州', '州', '盟', '地区', '县', '自治县', '区', '旗', '镇', '乡', '街道',
];
const DEPARTMENT_ENDINGS = [
  '办公室', '办公厅', '局', '分局', '委员会', '委', '厅', '中心', '院', '所', '站', '署', '部', '处',
  '办', '队', '馆', '社', '会', '室', '科', '公司', '集团', '学校', '大学', '医院', '银行',
];

const ENDINGS: [string, AgencyKind][] = [
  ...GOVERNMENT_ENDINGS.map((e) => [e, 'government'] as [string, AgencyKind]),
  ...DEPARTMENT_ENDINGS.map((e) => [e, 'department'] as [string, AgencyKind]),
].sort((a, b) => b[0].length - a[0].length);

/** 'government' for 本级政府 names, 'department' for bodies under one; null when the name says neither. */
export function agencyKindOf(name: string | null): AgencyKind | null {
  if (!name) return null;
  for (const [ending, kind] of ENDINGS) if (name.endsWith(ending)) return kind;
  return null;
}

/**
 * A name read from "{X}政府信息公开…": "米山镇人民政府信息公开" is 米山镇人民政府 + 信息公开, while
 * "沭阳县发改局政府信息公开" is 沭阳县发改局 + 政府信息公开. Callers pass X with or without 政府.
 */
export function issuerBeforeDisclosure(prefix: string): string {
  if (prefix.endsWith('人民')) return `${prefix}政府`;
  if (prefix.endsWith('政府') && !prefix.endsWith('人民政府')) return prefix.slice(0, -2);
  return prefix;
}

const BOOK_TITLE = { '《': '》' };

// Self-references and collectives are not names: 本局, 我单位, 全市, 各部门, 该办.
const NOT_A_NAME = /^[本我该全各其]|\d|信息公开|小组|[()《》,。;:、"]/;

function plausible(name: string): string | null {
  return name.length >= 2 && name.length <= 32 && !NOT_A_NAME.test(name) && agencyKindOf(name) ? name : null;
}

const BODY_SENTENCES: RegExp[] = [
  // 结合2024年威海市文登区米山镇人民政府信息公开工作实际
  /结合(?:(?:19|20)\d{2}年度?)?([^,。;:()《》、]{2,34}?)信息公开工作实际/,
  // 现公布盘锦市双台子区人民政府2023年政府信息公开工作年度报告
  /公布([^,。;:()《》、]{2,34}?)(?:19|20)\d{2}年度?(?:政府)?信息公开/,
  // 请与威海市文登区米山镇人民政府联系
  /请与([^,。;:()《》、]{2,34}?)联系/,
];

// "…县/市/区人民政府", starting after punctuation or a preposition so "可在精河县人民政府" gives 精河县.
const PLACE = '(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|镇|乡|街道)';
const GOVERNMENT_MENTION = new RegExp(
  `(?:^|[,。;:、()《》"在与由对向是为的])((?:[^\\s,。;:、()《》"在与由对向是为的\\d]{1,8}?${PLACE}){1,4})人民政府`,
  'g',
);

// Mentions are counted in the first 20,000 characters of the preamble and section 一 (a report's are
// a few thousand). Text built to make GOVERNMENT_MENTION backtrack (every character a place
// ending: "、区区区…") costs it milliseconds per kilobyte, seconds for a 1 MB line.
const MENTION_WINDOW = 20_000;

/**
 * The issuing body named in the preamble and section 一 (already normalised, no whitespace), for
 * pages whose title does not name it. A sentence that names the body is taken as written
 * (威海市文登区米山镇人民政府); failing that, the place whose 人民政府 the text cites most is the
 * report's own, named as aggregate reports name themselves ("精河县2024年政府信息公开工作年度报告"
 * → 精河县), so this year's reading matches the titled reports of other years.
 */
export function agencyFromBody(texts: readonly string[]): string | null {
  for (const sentence of BODY_SENTENCES) {
    for (const text of texts) {
      const m = sentence.exec(text);
      const name = m && plausible(issuerBeforeDisclosure(m[1]!));
      if (name) return name;
    }
  }
  const counts = new Map<string, number>();
  let window = MENTION_WINDOW;
  for (const text of texts) {
    if (window <= 0) break;
    const read = text.length > window ? text.slice(0, window) : text;
    window -= read.length;
    // Documents cited by name (《XX省人民政府办公厅关于…》) are not the issuer.
    for (const m of withoutCitations(read, BOOK_TITLE, '《》').matchAll(GOVERNMENT_MENTION)) {
      counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (!best || n > counts.get(best)!) best = name;
  return best;
}
