// Labels too common to tell which table a page is in: a statistics table in section 一 may list
// 行政许可 or 行政复议 with numbers of its own. They are read only inside their table (after its
// heading, its caption, or a label only that table has); the national format's other labels open
// their table wherever they stand.
export const GENERIC_LABELS: readonly string[] = [
  '信息内容',
  '规章',
  '行政规范性文件',
  '规范性文件',
  '行政许可',
  '其他对外管理服务事项',
  '行政处罚',
  '行政强制',
  '行政事业性收费',
  '政府集中采购',
  '法人或其他组织',
  '行政复议',
  '行政诉讼',
];
