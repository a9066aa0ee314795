// The report's six sections (spec §2) and the lines that frame a report on a page: its title, its
// notes, and the page chrome that follows its end. Wording as printed; compared after normalisation.
import type { SectionId } from '../report/schema';

export interface SectionFormat {
  id: SectionId;
  /** The heading's words after its number ("二、"), every seen variant. */
  headings: readonly string[];
}

export const SECTION_FORMATS: readonly SectionFormat[] = [
  { id: 'overview', headings: ['总体情况'] },
  { id: 'active', headings: ['主动公开政府信息情况', '主动公开政府信息的情况'] },
  { id: 'requests', headings: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况'] },
  {
    id: 'appeals',
    headings: [
      '政府信息公开行政复议、行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政复议及行政诉讼情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    ],
  },
  {
    id: 'problems',
    headings: [
      '存在的主要问题及改进情况',
      '存在的主要问题及整改措施',
      '存在的主要问题及改进措施',
      '存在问题及改进情况',
      '存在困难及改进措施',
      '政府信息公开工作存在的主要问题及改进情况',
    ],
  },
  { id: 'other', headings: ['其他需要报告的事项'] },
];

/** A line that is the report's own title (where its preamble starts), e.g. "2019年政府信息公开年度报告". */
export const REPORT_TITLE = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)$/;

/** An explanatory note printed under a table: "注：因多数依申请公开件…", "备注：…". */
export const NOTE = /^(?:备注|注)[:：]/;

/**
 * Page chrome that follows a report's last section (seed 000's QR-code line, seed 003's related
 * links and injected SEO spam). Prefixes of a normalised line.
 */
export const REPORT_END: readonly string[] = ['扫一扫', '相关阅读', '主站蜘蛛池模板', '打印本页', '关闭窗口'];
