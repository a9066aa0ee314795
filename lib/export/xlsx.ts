// One report → one .xlsx workbook: a sheet per table in the national layout (headers merged as
// printed, cells with findings shaded), and a sheet of findings (and the reader's flags). Written
// with write-excel-file's browser entry (never the `xlsx` package: unfixed advisories). The CLI
// writes its own bulk workbook of many reports.
import writeExcelFile, { type Cell, type Row, type Sheet, type SheetData } from 'write-excel-file/browser';
import type { Report, Severity } from '../report/schema';
import { cellLabel } from '../formats/labels';
import { tableName } from '../checks/message';
import { reportTables, type Lang } from './index';
import { fixText, groupFindings, groupTitle, type ReaderFlag } from './findings';

const SHADE: Record<Severity, string> = { error: '#FDECEA', warning: '#FFF4E5', info: '#E8F0FE' };
const WORDS = {
  zh: { findings: '问题清单', header: ['表', '级别', '说明', '表中与应为', '单元格', '规则'], severity: { error: '错误', warning: '提醒', info: '说明' }, flag: '标记' },
  en: { findings: 'Findings', header: ['Table', 'Severity', 'Message', 'Printed and expected', 'Cells', 'Rule'], severity: { error: 'Error', warning: 'Warning', info: 'Note' }, flag: 'Flag' },
} as const;

const bold = (value: string, extra: Record<string, unknown> = {}): Cell => ({ value, fontWeight: 'bold', wrap: true, ...extra });
/** Excel's sheet names: at most 31 characters, none of []:*?/\ */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function tableSheets(report: Report, lang: Lang): Sheet<Blob>[] {
  // The most severe finding on each cell shades it.
  const shade = new Map<string, string>();
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  for (const f of [...report.findings].sort((a, b) => rank[a.severity] - rank[b.severity])) {
    const cells = f.expected !== undefined ? f.cells.slice(0, 1) : f.cells;
    for (const key of cells) shade.set(key, SHADE[f.severity]);
  }
  return reportTables(report, lang).map((table) => {
    const width = Math.max(...table.blocks.map((b) => 1 + b.rows[0]!.cells.length));
    const data: SheetData = [[bold(table.title, { columnSpan: width, fontSize: 13 })]];
    for (const block of table.blocks) {
      if (block.caption) data.push([bold(block.caption, { columnSpan: width })]);
      // Header rows with their spans; the slots a span covers stay null, as write-excel-file wants.
      const slots: (Cell | undefined)[][] = block.header.map(() => []);
      block.header.forEach((cells, r) => {
        let c = 0;
        for (const h of cells) {
          while (slots[r]![c] !== undefined) c++;
          for (let dr = 0; dr < h.rowspan; dr++) for (let dc = 0; dc < h.colspan; dc++) slots[r + dr]![c + dc] = null;
          slots[r]![c] = bold(h.text, { align: 'center', alignVertical: 'center', ...(h.colspan > 1 ? { columnSpan: h.colspan } : {}), ...(h.rowspan > 1 ? { rowSpan: h.rowspan } : {}) });
          c += h.colspan;
        }
      });
      data.push(...(slots as Row[]));
      for (const row of block.rows) {
        data.push([
          { value: row.label, wrap: true },
          ...row.cells.map((cell): Cell => {
            const backgroundColor = shade.get(cell.key);
            return cell.value === null ? (backgroundColor ? { backgroundColor } : null) : { value: cell.value, type: Number, ...(backgroundColor ? { backgroundColor } : {}) };
          }),
        ]);
      }
      data.push([]);
    }
    return { data, sheet: sheetName(tableName(table.table)[lang]), columns: [{ width: 36 }, ...Array(width - 1).fill({ width: 11 })], stickyColumnsCount: 1 };
  });
}

function findingsSheet(report: Report, lang: Lang, flags: readonly ReaderFlag[]): Sheet<Blob> {
  const w = WORDS[lang];
  const data: SheetData = [w.header.map((h) => bold(h))];
  for (const { group, findings } of groupFindings(report.findings)) {
    for (const f of findings) {
      const cells = (f.expected !== undefined ? f.cells.slice(0, 1) : f.cells).filter((k) => k.includes('.'));
      data.push([
        groupTitle(group, lang),
        { value: w.severity[f.severity], backgroundColor: SHADE[f.severity] },
        { value: lang === 'en' ? f.messageEn : f.message, wrap: true },
        fixText(f, lang),
        { value: cells.map((k) => cellLabel(k, lang)).join('\n'), wrap: true },
        f.rule,
      ]);
    }
  }
  for (const flag of flags) data.push(['', `${w.flag}：${flag.kind}`, { value: flag.text, wrap: true }, null, null, null]);
  return { data, sheet: w.findings, columns: [{ width: 12 }, { width: 10 }, { width: 70 }, { width: 18 }, { width: 36 }, { width: 12 }], stickyRowsCount: 1 };
}

/** The workbook's sheets (data only): a sheet per table the report has, then the findings. */
export function reportWorkbook(report: Report, lang: Lang, flags: readonly ReaderFlag[] = []): Sheet<Blob>[] {
  return [...tableSheets(report, lang), findingsSheet(report, lang, flags)];
}

/** The .xlsx file. */
export function reportXlsx(report: Report, lang: Lang, flags: readonly ReaderFlag[] = []): Promise<Blob> {
  return writeExcelFile(reportWorkbook(report, lang, flags), { fontFamily: 'SimSun', fontSize: 11 }).toBlob();
}

/** "盘锦市双台子区人民政府办公室-2023-公开年报核对" (no characters file systems refuse). */
export function exportFileName(report: Report, lang: Lang): string {
  const name = [report.agency ?? (lang === 'en' ? 'report' : '年报'), report.year ?? '', lang === 'en' ? 'gongkai-lens' : '公开年报核对'].filter(String).join('-');
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}
