// DATE-LATE: published after the deadline of 条例 art. 49 (spec §1), when both dates are known.
import { deadlineOf } from '../recognize';
import type { Recognition } from '../types';
import { text, type Label } from './message';
import { ALL_TEMPLATES, defineRule } from './rule';

/** Which deadline `deadlineOf` applied, said the way the 条例 says it. */
function deadlineRule(rec: Recognition, deadline: string): Label {
  if (rec.year !== null && rec.year < 2019) {
    return { zh: '2019年以前的条例规定各机关于次年3月31日前公布', en: 'before 2019 every body had until 31 March of the following year' };
  }
  return deadline.slice(5) === '01-31'
    ? { zh: '政府部门应于次年1月31日前公布年度报告', en: 'a government department publishes its report by 31 January of the following year' }
    : { zh: '本级政府的年度报告应于次年3月31日前公布', en: "a whole government's report is due by 31 March of the following year" };
}

export const dateLate = defineRule('DATE-LATE', 'info', ALL_TEMPLATES, ({ recognition }) => {
  const published = recognition.publishedAt;
  const deadline = deadlineOf(recognition);
  if (!published || !deadline || published <= deadline) return [];
  const why = deadlineRule(recognition, deadline);
  return [{
    ...text(
      `发布日期 ${published} 晚于公布期限 ${deadline}（${why.zh}）。`,
      `Published ${published}, after the deadline ${deadline} (${why.en}).`,
    ),
    cells: [],
  }];
});
