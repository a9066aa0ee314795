// TBL-UNREADABLE: a table is there but cannot be read — a scanned PDF without a text layer, figures
// glued together ("规章000行政规范性文件8855698"), a table over the size caps. Each is named with its
// reason; no figure is invented for it, and TBL-MISSING does not claim the table is absent.
import { tableName, text } from './message';
import { ALL_TEMPLATES, defineRule } from './rule';

export const tblUnreadable = defineRule('TBL-UNREADABLE', 'warning', ALL_TEMPLATES, ({ extraction: { unreadable } }) =>
  unreadable.map(({ table, reason, reasonEn }) => {
    const name = table ? tableName(table) : null;
    return {
      ...text(
        name ? `${name.zh}无法读取：${reason}。其数字无法核对。` : `有表格无法读取：${reason}。其数字无法核对。`,
        name ? `${name.en} cannot be read: ${reasonEn}. Its figures cannot be checked.` : `A table cannot be read: ${reasonEn}. Its figures cannot be checked.`,
      ),
      cells: table ? [table] : [],
    };
  }),
);
