// --xlsx out.xlsx: the batch as a workbook — 汇总 (a row per input), 问题 (a row per finding) and
// 覆盖 (agency × year). Rows are collected as the reports stream by (strings and numbers, not the
// reports) and written once at the end by write-excel-file.
import writeXlsxFile from 'write-excel-file/node';
import type { Report } from '../lib/report/schema';
import type { Lang } from '../lib/export';
import { Coverage, findingRows, findingsHeader, problemRow, summaryHeader, summaryRow, type Value } from '../lib/export/summary';

const SHEETS = { zh: ['汇总', '问题', '覆盖'], en: ['Summary', 'Findings', 'Coverage'] };
// Excel's row limit: a sheet stops there (and says so in its last row).
const MAX_ROWS = 1_048_576;

type Row = Value[];
const cells = (row: Row) => row.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String, wrap: v.includes('\n') }));
const header = (row: string[]) => row.map((v) => ({ value: v, type: String, fontWeight: 'bold' as const }));

export class Workbook {
  private readonly summary: Row[] = [];
  private readonly findings: Row[] = [];
  private readonly coverage = new Coverage();
  private dropped = 0;

  constructor(private readonly lang: Lang) {}

  addReport(r: Report) {
    this.summary.push(summaryRow(r, this.lang));
    for (const row of findingRows(r, this.lang)) {
      if (this.findings.length < MAX_ROWS - 2) this.findings.push(row);
      else this.dropped++;
    }
    this.coverage.add(r);
  }

  addProblem(source: string, reason: string) {
    this.summary.push(problemRow(source, reason));
  }

  async write(file: string): Promise<void> {
    const [s, f, c] = SHEETS[this.lang];
    const findings = this.findings.map(cells);
    if (this.dropped) findings.push(cells([this.lang === 'zh' ? `另有 ${this.dropped} 条未列出（超出 Excel 行数上限）` : `${this.dropped} more not listed (Excel's row limit)`]));
    const [coverHead, ...coverRows] = this.coverage.rows(this.lang);
    await writeXlsxFile(
      [
        { sheet: s, data: [header(summaryHeader(this.lang)), ...this.summary.map(cells)], stickyRowsCount: 1, columns: [30, 8, 12, 12, 12, 8, 10, 6, 6, 80, 40, 8, 30].map((width) => ({ width })) },
        { sheet: f, data: [header(findingsHeader(this.lang)), ...findings], stickyRowsCount: 1, columns: [40, 30, 8, 6, 12, 6, 36, 20, 8, 8, 80, 40].map((width) => ({ width })) },
        { sheet: c, data: [header((coverHead ?? [summaryHeader(this.lang)[0]!]).map(String)), ...coverRows.map(cells)], stickyRowsCount: 1, stickyColumnsCount: 1, columns: [30, ...(coverHead ?? []).slice(1).map(() => 14)].map((width) => ({ width })) },
      ],
      { fontFamily: 'SimSun' },
    ).toFile(file);
  }
}
