import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportFileName, reportWorkbook, reportXlsx } from './xlsx';
import { seedReport } from '../../components/testing/reports';

/** The workbook's files as text (sheet XML, shared strings). */
async function unpack(blob: Blob): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('one report → one workbook', () => {
  const { report } = seedReport('001');

  it('has a sheet per table, then the findings, named in the UI language', () => {
    expect(reportWorkbook(report, 'zh').map((s) => s.sheet)).toEqual(['表二', '表三', '表四', '问题清单']);
    expect(reportWorkbook(report, 'en').map((s) => s.sheet)).toEqual(['Table 2', 'Table 3', 'Table 4', 'Findings']);
  });

  it('lays 表三 out with its merged header and its figures as numbers, the failing ones shaded', () => {
    const requests = reportWorkbook(report, 'zh')[1]!;
    const rows = requests.data;
    expect(rows[0]![0]).toMatchObject({ value: '表三 收到和处理政府信息公开申请情况', columnSpan: 8 });
    // The header: 申请人情况 over seven columns, 自然人 over two rows, 法人或其他组织 over five.
    expect(rows[1]!.map((c) => (c && typeof c === 'object' && 'value' in c ? [c.value, c.columnSpan ?? 1, c.rowSpan ?? 1] : c))).toEqual([
      ['', 1, 3], ['申请人情况', 7, 1], null, null, null, null, null, null,
    ]);
    const total = rows.find((r) => (r[0] as { value?: unknown } | null)?.value === '（七）总计')!;
    expect(total.slice(1).map((c) => (c as { value: number }).value)).toEqual([0, 6, 0, 0, 0, 0, 0]);
    expect(total.slice(1).map((c) => (c as { backgroundColor?: string }).backgroundColor ?? null)).toEqual(['#FDECEA', '#FDECEA', null, null, null, null, '#FDECEA']);
  });

  it('lists every finding by table with its cells in words, and the reader’s flags', () => {
    const sheet = reportWorkbook(report, 'zh', [{ kind: '存疑', text: '（一）予以公开 · 自然人：原件为 6' }]).at(-1)!;
    const plain = sheet.data.map((row) => row.map((c) => (c && typeof c === 'object' ? (c as { value?: unknown }).value ?? null : c ?? null)));
    expect(plain[0]).toEqual(['表', '级别', '说明', '表中与应为', '单元格', '规则']);
    expect(plain.slice(1, 3)).toEqual([
      ['表二', '提醒', '表二 行政规范性文件 · 现行有效件数：本年制发 2 件、废止 1 件，现行有效件数至少应为 1，表中填报 0。', '表中 0，应为 1', '行政规范性文件 · 现行有效件数', 'T2-STOCK'],
      ['表三', '错误', '表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。', '表中 0，应为 6', '（七）总计 · 总计', 'T3-ROW'],
    ]);
    expect(plain).toHaveLength(1 + 8 + 1);
    expect(plain.at(-1)).toEqual(['', '标记：存疑', '（一）予以公开 · 自然人：原件为 6', null, null, null]);
  });

  it('writes a real .xlsx (a zip of SpreadsheetML) with the figures in it', async () => {
    const files = await unpack(await reportXlsx(report, 'zh'));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet4.xml']));
    expect(files['xl/workbook.xml']).toContain('name="表三"');
    expect(files['xl/workbook.xml']).toContain('name="问题清单"');
    // 表三 merges its header cells, and freezes the label column.
    expect(files['xl/worksheets/sheet2.xml']).toMatch(/<mergeCell ref="B2:H2"\/>/);
    expect(files['xl/worksheets/sheet2.xml']).toMatch(/<pane [^>]*xSplit="1"[^>]*state="frozen"/);
  });

  it('names the file after the agency and the year', () => {
    expect(exportFileName(report, 'zh')).toBe('盘锦市双台子区人民政府办公室-2023-公开年报核对');
    expect(exportFileName({ ...report, agency: null, year: null }, 'en')).toBe('report-gongkai-lens');
  });
});
