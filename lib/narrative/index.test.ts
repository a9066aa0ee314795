import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createNormalizer, detectScript } from '../normalize';
import { SEEDS, SHARED } from '../../test/fixtures/seeds';
import { readNarrative } from './index';

/** The page's text up to section 二 (preamble and section 一), normalised as extraction hands it over. */
function narrativeOf(text: string): string {
  const normalizer = createNormalizer(detectScript(text));
  const plain = normalizer.plain(text.replace(/\n/g, ' \n '));
  const end = plain.search(/二、\s*主动公开/);
  expect(end).toBeGreaterThan(0);
  return plain.slice(0, end);
}

const seedText = (id: string) => fs.readFileSync(SEEDS.find((s) => s.id === id)!.file, 'utf8');
const corpusText = (name: string) => {
  const raw = fs.readFileSync(path.join(SHARED, 'corpus', name), 'utf8');
  return name.endsWith('.html') ? parseHTML(raw).document.body.textContent! : raw;
};

describe('readNarrative on the real pages', () => {
  it.each([
    ['seed 000', seedText('000'), [
      { kind: 'requests', value: 39, text: '办理信息公开申39件' },
      { kind: 'reviews', value: 1, text: '处理行政复议1件' },
    ]],
    ['seed 001', seedText('001'), [
      { kind: 'requests', value: 6, text: '共收办申请6件' },
      { kind: 'reviews', value: 0, text: '行政复议0件' },
      { kind: 'suits', value: 0, text: '行政诉讼0件' },
    ]],
    ['seed 002', seedText('002'), [{ kind: 'requests', value: 45, text: '共收到依申请公开办理45件' }]],
    ['seed 003', seedText('003'), [
      { kind: 'requests', value: 49, text: '共收到依申请公开事项49件' },
      { kind: 'reviews', value: 3, text: '被申请行政复议3件' },
      { kind: 'suits', value: 1, text: '被提起行政诉讼1起' },
    ]],
    ['seed 004', seedText('004'), [{ kind: 'requests', value: 1, text: '共收到和受理政府信息公开申请1件' }]],
    ['pingtan-2024.html', corpusText('pingtan-2024.html'), [{ kind: 'requests', value: 218, text: '办理政府信息公开申请218件' }]],
    ['shuyang-fgj-2023.html', corpusText('shuyang-fgj-2023.html'), [{ kind: 'requests', value: 26, text: '共收到依申请信息公开26件' }]],
  ])('%s', (_name, text, expected) => {
    expect(readNarrative(narrativeOf(text))).toEqual(expected);
  });

  it('reads nothing from the legacy report, which states no count ("2018年未收到有关政府信息公开申请")', () => {
    const legacy = createNormalizer('simplified').plain(corpusText('pingtan-2018-legacy.txt'));
    expect(readNarrative(legacy)).toEqual([]);
  });
});

describe('readNarrative phrases', () => {
  it.each([
    ['全年受理政府信息公开申请12件。', [{ kind: 'requests', value: 12, text: '受理政府信息公开申请12件' }]],
    ['共收到政府信息公开申请共计1,234件。', [{ kind: 'requests', value: 1234, text: '共收到政府信息公开申请共计1,234件' }]],
    ['本年度收到12件政府信息公开申请。', [{ kind: 'requests', value: 12, text: '收到12件政府信息公开申请' }]],
    // Spans split figures from their words; the phrase is given back as printed.
    ['2023 年度我局共收到依申请信息公开 26 件 ,及时回复申请人', [{ kind: 'requests', value: 26, text: '共收到依申请信息公开 26 件' }]],
    ['收到申请数量为7件。', [{ kind: 'requests', value: 7, text: '收到申请数量为7件' }]],
    ['发生1起行政复议,2起行政诉讼。', [
      { kind: 'reviews', value: 1, text: '发生1起行政复议' },
      { kind: 'suits', value: 2, text: '2起行政诉讼' },
    ]],
    ['收到行政复议申请2件。', [{ kind: 'reviews', value: 2, text: '收到行政复议申请2件' }]],
    ['行政复议、行政诉讼0件。', [
      { kind: 'reviews', value: 0, text: '行政复议、行政诉讼0件' },
      { kind: 'suits', value: 0, text: '行政复议、行政诉讼0件' },
    ]],
    ['共收到申请49件,全部受理申请49件。', [{ kind: 'requests', value: 49, text: '共收到申请49件' }]],
  ])('%s', (text, expected) => {
    expect(readNarrative(text)).toEqual(expected);
  });

  it.each([
    '共收到和受理政府信息公开申请较上年新增1件。',
    '共承办区人大代表建议1件、政协提案0件。',
    '"县长信箱""留言板"受理网民来信60件,办结60件。',
    '市政府办公室共收到网民留言82起。',
    '全年受理网络问政182件。',
    '交办95件。',
    '未出现因政府信息申请引发行政复议、行政诉讼等情况。',
    '其中自然人申请3件,商业企业申请3件。',
    '截至目前共收到15564件咨询投诉件。',
    '2018年未收到有关政府信息公开申请。',
    '行政复议和行政诉讼共3件。',
    '行政复议同比下降2件。',
    '收到政府信息公开申请及咨询共20件。',
  ])('reads no figure from %s', (text) => {
    expect(readNarrative(text)).toEqual([]);
  });
});

// Lines built to make a backtracking or walking-back reader quadratic (each took seconds at these
// sizes before: every digit of a run tried as a number's start, every match walking back to its
// clause's start). The results are asserted; the time is `npm run bench`'s.
describe('readNarrative on adversarial lines', () => {
  it('reads nothing from a run of 200,000 digits, and nothing longer than a count', () => {
    expect(readNarrative(`收到申请${'1'.repeat(200_000)}件,发生${'2'.repeat(200_000)}起行政复议`)).toEqual([]);
    expect(readNarrative('收到申请1234567890123456件')).toEqual([]);
  });

  it('reads a phrase repeated 50,000 times in one clause once', () => {
    expect(readNarrative('共收到申请1件'.repeat(50_000))).toEqual([{ kind: 'requests', value: 1, text: '共收到申请1件' }]);
  });

  it('still refuses a count whose clause names other counts, however long the clause', () => {
    expect(readNarrative(`其中${'共收到申请1件'.repeat(50_000)}`)).toEqual([]);
    expect(readNarrative(`其中,${'共收到申请2件'.repeat(50_000)}`)).toEqual([{ kind: 'requests', value: 2, text: '共收到申请2件' }]);
  });

  it('reads 行政复议 counts from a line of 100,000 of them', () => {
    expect(readNarrative('行政复议12345件'.repeat(100_000))).toEqual([{ kind: 'reviews', value: 12345, text: '行政复议12345件' }]);
    expect(readNarrative(`${'1,000'.repeat(100_000)}件行政复议`)).toEqual([]);
  });
});
