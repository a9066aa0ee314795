// SEC-MISSING: one of the six sections of the national format (条例 art. 50) is absent.
import { SECTION_IDS } from '../report/schema';
import { SECTION_LABELS, text } from './message';
import { defineRule } from './rule';

export const secMissing = defineRule('SEC-MISSING', 'warning', ['2021', '2019'], ({ extraction: { sections } }) =>
  SECTION_IDS.filter((s) => !sections.has(s)).map((section) => ({
    ...text(
      `报告中没有找到“${SECTION_LABELS[section].zh}”部分。`,
      `The report has no section "${SECTION_LABELS[section].en}".`,
    ),
    cells: [],
    section,
  })),
);
