import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../report/schema';
import { Coverage, csvLine, figuresRead, findingPlace, onTime } from './summary';

const f = (rule: Finding['rule'], severity: Finding['severity'], cells: string[]): Finding => ({ rule, severity, message: rule, messageEn: rule, cells });
type Entry = Pick<Report, 'agency' | 'year' | 'publishedAt' | 'deadline' | 'findings'>;
const entry = (agency: string | null, year: number | null, publishedAt: string | null, findings: Finding[] = []): Entry => ({ agency, year, publishedAt, deadline: year ? `${year + 1}-01-31` : null, findings });

describe('bulk rows', () => {
  it('onTime: on or before the deadline; unknown without both dates', () => {
    expect(onTime({ publishedAt: '2025-01-31', deadline: '2025-01-31' })).toBe(true);
    expect(onTime({ publishedAt: '2025-02-01', deadline: '2025-01-31' })).toBe(false);
    expect(onTime({ publishedAt: null, deadline: '2025-01-31' })).toBeNull();
  });

  it('figuresRead counts the numbers of the three tables, not the blanks', () => {
    const r = { active: { normativeDocs: { issued: 2, repealed: null, inForce: 5 } }, requests: null, appeals: { review: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 } } } as unknown as Report;
    expect(figuresRead(r)).toBe(7);
  });

  it('findingPlace names table, row and column in words; a table alone for TBL-MISSING; nothing for DATE-LATE', () => {
    expect(findingPlace(f('T3-SUM', 'error', ['requests.totalProcessed.natural', 'requests.granted.natural']), 'zh')).toEqual(['表三', '（七）总计', '自然人']);
    expect(findingPlace(f('T3-SUM', 'error', ['requests.totalProcessed.natural']), 'en')[0]).toBe('Table 3');
    expect(findingPlace(f('TBL-MISSING', 'warning', ['requests']), 'zh')).toEqual(['表三', null, null]);
    expect(findingPlace(f('DATE-LATE', 'info', []), 'zh')).toEqual([null, null, null]);
  });

  it('csvLine quotes commas, quotes and line breaks, leaves blanks empty, ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c', 'say "x"', 'two\nlines'])).toBe('a,1,,"b,c","say ""x""","two\nlines"\r\n');
  });

  it('Coverage: every year between the first and the last, 缺 where missing, several copies, late and errors together', () => {
    const c = new Coverage();
    c.add(entry('乙县人民政府', 2022, '2023-01-20'));
    c.add(entry('甲市人民政府办公室', 2024, '2025-02-10', [f('T3-ROW', 'error', ['requests.newReceived.total']), f('VAL-BLANK', 'warning', [])]));
    c.add(entry('甲市人民政府办公室', 2024, '2025-01-10', [f('T3-SUM', 'error', ['requests.totalProcessed.total'])]));
    c.add(entry(null, 2023, null));
    expect(c.rows('zh')).toEqual([
      ['发布机关', 2022, 2023, 2024],
      ['甲市人民政府办公室', '缺', '缺', '2 份；逾期；错误 2'],
      ['乙县人民政府', '✓', '缺', '缺'],
    ]);
    expect(new Coverage().rows('en')).toEqual([['Agency']]);
  });
});
