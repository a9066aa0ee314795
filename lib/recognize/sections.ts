// The six section headings of spec §2, as far as recognition needs them: to tell a report without a
// title from a page that merely mentions one, and to find where the preamble and section 一 end.
import type { SectionId } from '../report/schema';

// A heading's number may be lost ("、其他需要报告的事项", seed 000) or Arabic ("1.总体情况").
const NUMBER = /^(?:[一二三四五六七八九十]{1,2}|\d{1,2})?[、.]?/;

const HEADINGS: [SectionId, RegExp][] = [
  ['overview', /^(?:总体情况|概述|概况|总体概述|基本情况)/],
  ['active', /^主动公开(?:政府信息)?(?:的)?(?:工作)?情况/],
  ['requests', /^(?:收到和处理政府信息公开申请|(?:政府信息)?依申请公开)/],
  ['appeals', /行政复议/],
  ['problems', /(?:问题|困难|不足).{0,8}(?:改进|整改|措施)|^存在的?主要问题/],
  ['other', /^其他(?:需要报告的)?事项/],
];

/** The section a text block heads (its normalised text), or null when it is not a heading. */
export function sectionOf(norm: string): SectionId | null {
  if (norm.length > 40) return null;
  const m = NUMBER.exec(norm)!;
  // An unnumbered line is a heading only for the lost-number case: it keeps its "、".
  if (m[0] === '') return null;
  const rest = norm.slice(m[0].length);
  for (const [id, pattern] of HEADINGS) if (pattern.test(rest)) return id;
  return null;
}
