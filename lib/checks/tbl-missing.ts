// TBL-MISSING: a section 二/三/四 heading is on the page but its table is not (often an image or an
// attachment). Its figures cannot be checked; nothing is invented for them. A table that is there but
// cannot be read is TBL-UNREADABLE's, not absent (an unreadable document: every table).
import type { TableId } from '../report/keys';
import { SECTION_LABELS, tableName, text } from './message';
import { defineRule, NATIONAL } from './rule';

const TABLE_SECTIONS: TableId[] = ['active', 'requests', 'appeals'];

export const tblMissing = defineRule('TBL-MISSING', 'warning', NATIONAL, ({ extraction: { sections, tablesFound, unreadable } }) =>
  TABLE_SECTIONS.filter((t) => sections.has(t) && !tablesFound.has(t) && !unreadable.some((u) => u.table === t || u.table === null)).map((table) => ({
    ...text(
      `有“${SECTION_LABELS[table].zh}”标题，但页面上没有找到${tableName(table).zh}（可能以图片或附件发布），其数字无法核对。`,
      `Section "${SECTION_LABELS[table].en}" is present but ${tableName(table).en} is not on the page (perhaps an image or an attachment); its figures cannot be checked.`,
    ),
    cells: [table],
  })),
);
