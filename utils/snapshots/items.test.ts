import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flagItems } from './items';
import type { Flag } from './schema';
import { useLocale } from '../../components/testing/i18n';

const flag = (id: string, key: string, note: string, kind: Flag['kind'] = 'wrong'): Flag => ({ id, key, kind, note, createdAt: '2025-02-01T00:00:00.000Z' });

describe('flag items for the panel list', () => {
  beforeEach(() => fakeBrowser.reset());

  it('outlines an anchored flag’s cell and lists an orphaned one without outlining anything', async () => {
    await useLocale('zh_CN');
    const items = flagItems(
      [flag('f-1', 'requests.totalProcessed.natural', '应为 12'), flag('f-2', 'appeals.review.total', '', 'doubtful')],
      ['requests.totalProcessed.natural'],
      'zh',
    );
    expect(items).toEqual([
      { id: 'flag:f-1', kind: 'flag', rule: '错误', message: '（七）总计 · 自然人：应为 12', cells: ['requests.totalProcessed.natural'], marked: ['requests.totalProcessed.natural'] },
      { id: 'flag:f-2', kind: 'flag', rule: '存疑', message: '行政复议 · 总计（原单元格已不在页面上）', cells: ['appeals.review.total'], marked: [] },
    ]);
  });

  it('speaks English with English labels', async () => {
    await useLocale('en');
    const [item] = flagItems([flag('f-1', 'requests.totalProcessed.natural', 'should be 12')], [], 'en');
    expect(item).toMatchObject({ rule: 'Wrong', message: '(7) Total handled · Natural persons: should be 12 (this cell is no longer on the page)' });
  });
});
