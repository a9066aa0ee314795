import { describe, expect, it } from 'vitest';
import { findingGroup, findingsMarkdown } from './findings';
import { seedReport } from '../../components/testing/reports';

describe('findings report', () => {
  it('groups by the table of the first cell; text and format findings apart', () => {
    expect(findingGroup(['requests.granted.natural'])).toBe('requests');
    expect(findingGroup(['appeals'])).toBe('appeals');
    expect(findingGroup([])).toBe('other');
    expect(findingGroup(['publishedAt'])).toBe('other');
  });

  it('seed 001 as Markdown: agency, year, each finding by table in words with its id, the reviewer’s flags', () => {
    const { report } = seedReport('001');
    const text = findingsMarkdown(report, 'zh', [{ kind: '存疑', text: '（一）予以公开 · 自然人：原件为 6' }], '2026-12-06 20:50');
    const lines = text.split('\n');
    // The test report carries no publication date: no line for it.
    expect(lines.slice(0, 6)).toEqual([
      '# 公开年报核对：盘锦市双台子区人民政府办公室 2023 年报',
      '',
      `- 来源: ${report.source}`,
      '- 核对时间: 2026-12-06 20:50',
      '- 错误 7 处，提醒 1 处，说明 0 条',
      '',
    ]);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## 表二', '## 表三', '## 核对人的标记']);
    expect(lines).toContain('- **错误** 表三 （七）总计 · 总计：六类申请人（自然人至其他）之和为 6，表中填报 0。（表中 0，应为 6） `T3-ROW`');
    expect(lines.filter((l) => l.startsWith('- **错误**'))).toHaveLength(7);
    expect(lines).toContain('- **存疑** （一）予以公开 · 自然人：原件为 6');
  });

  it('says so when there is nothing to report, in English too', () => {
    const { report } = seedReport('002');
    const text = findingsMarkdown(report, 'en');
    expect(text).toContain('- 0 errors, 0 warnings, 0 notes');
    expect(text).toContain('No problems found.');
    expect(text).not.toContain('## ');
  });
});
