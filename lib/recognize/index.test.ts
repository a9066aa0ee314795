import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createNormalizer, detectScript } from '../normalize';
import type { Recognition } from '../types';
import { htmlBlocks, htmlMeta } from '../extract/html';
import { textBlocks, textMeta } from '../extract/text';
import { REPO_ROOT, SHARED } from '../../test/fixtures/seeds';
import { agencyKindOf, deadlineOf, parseReportTitle, recognize } from './index';
import { agencyFromBody } from './agency';
import { withoutCitations } from './citations';

function textPage(text: string, source: string): Recognition {
  const n = createNormalizer(detectScript(text));
  return recognize(textMeta(text, source, n), textBlocks(text, n), n);
}

function htmlPage(html: string, source: string): Recognition {
  const { document } = parseHTML(html);
  const n = createNormalizer(detectScript(document.body.textContent ?? ''));
  return recognize(htmlMeta(document, source, n), htmlBlocks(document, n), n);
}

const read = (...p: string[]) => fs.readFileSync(path.join(...p), 'utf8');
const seed = (name: string) => textPage(read(SHARED, 'seeds', name), name);

describe('recognize: the seed pages', () => {
  it('000: 鹤岗市人民政府办公室 2024, title split over two lines, bare publication line', () => {
    expect(seed('000_206b8894e84c8c65.txt')).toEqual({
      isReport: true, template: '2021', script: 'simplified',
      title: '鹤岗市人民政府办公室2024年政府信息公开工作年度报告',
      agency: '鹤岗市人民政府办公室', agencyKind: 'department', year: 2024, publishedAt: '2025-01-24',
    });
  });
  it('001: 盘锦市双台子区人民政府办公室 2023, traditional, no publication date', () => {
    expect(seed('001_361b891b134c88b9.txt')).toEqual({
      isReport: true, template: '2021', script: 'traditional',
      title: '盘锦市双台子区人民政府办公室2023年政府信息公开工作年度报告',
      agency: '盘锦市双台子区人民政府办公室', agencyKind: 'department', year: 2023, publishedAt: null,
    });
  });
  it('002: no title at all; the county from the body, the year from the statistics period', () => {
    expect(seed('002_1991ca55819bf86e.txt')).toEqual({
      isReport: true, template: '2021', script: 'simplified', title: null,
      agency: '精河县', agencyKind: 'government', year: 2024, publishedAt: null,
    });
  });
  it('003: 衡阳市人民政府办公室 2019, romanisation and mojibake in the header, T2019 expected', () => {
    expect(seed('003_fe31697e2adee0d8.txt')).toEqual({
      isReport: true, template: '2019', script: 'traditional',
      title: '衡阳市人民政府办公室2019年政府信息公开年度报告',
      agency: '衡阳市人民政府办公室', agencyKind: 'department', year: 2019, publishedAt: '2020-03-25',
    });
  });
  it('004: the title names no body; the preamble does', () => {
    expect(seed('004_d29fa65c749e09e7.txt')).toEqual({
      isReport: true, template: '2021', script: 'traditional', title: '2024年政府信息公开工作年度报告',
      agency: '威海市文登区米山镇人民政府', agencyKind: 'government', year: 2024, publishedAt: null,
    });
  });
});

describe('recognize: the corpus pages', () => {
  it('pingtan-2024.html: a whole TRS page with meta tags; an aggregate report', () => {
    expect(htmlPage(read(SHARED, 'corpus', 'pingtan-2024.html'), 'pingtan-2024.html')).toEqual({
      isReport: true, template: '2021', script: 'simplified',
      title: '平潭综合实验区2024年度政府信息公开工作年度报告',
      agency: '平潭综合实验区', agencyKind: 'government', year: 2024, publishedAt: '2025-03-10',
    });
  });
  it('shuyang-fgj-2023.html: the date from the page-info table, not the crawl time or the site header', () => {
    expect(htmlPage(read(SHARED, 'corpus', 'shuyang-fgj-2023.html'), 'shuyang-fgj-2023.html')).toEqual({
      isReport: true, template: '2021', script: 'simplified',
      title: '沭阳县发展和改革局2023年政府信息公开年度报告',
      agency: '沭阳县发展和改革局', agencyKind: 'department', year: 2023, publishedAt: '2024-01-17',
    });
  });
  it('pingtan-2018-legacy.txt: a pre-2019 report is a report, classified legacy', () => {
    expect(textPage(read(SHARED, 'corpus', 'pingtan-2018-legacy.txt'), 'pingtan-2018-legacy.txt')).toEqual({
      isReport: true, template: 'legacy', script: 'simplified',
      title: '平潭综合实验区2018年度政府信息公开工作年度报告',
      agency: '平潭综合实验区', agencyKind: 'government', year: 2018, publishedAt: '2019-01-10',
    });
  });
});

describe('recognize: the seed pages rendered as HTML', () => {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'html');
  it.each([
    ['000', '鹤岗市人民政府办公室', 2024, 'department'],
    ['001', '盘锦市双台子区人民政府办公室', 2023, 'department'],
    ['002', '精河县', 2024, 'government'],
    ['003', '衡阳市人民政府办公室', 2019, 'department'],
    ['004', '威海市文登区米山镇人民政府', 2024, 'government'],
  ])('%s reads the same in every rendering', (id, agency, year, agencyKind) => {
    for (const style of ['clean', 'split', 'word']) {
      const rec = htmlPage(read(dir, `${id}-${style}.html`), `${id}-${style}.html`);
      expect({ style, ...rec }).toMatchObject({ style, isReport: true, agency, year, agencyKind });
    }
  });
});

describe('recognize: a report that links to other reports', () => {
  it('is still the report it is titled', () => {
    const html = read(REPO_ROOT, 'test', 'fixtures', 'html', '000-clean.html').replace(
      '</body>',
      ['2023', '2022', '2021'].map((y) => `<li><a href="#">鹤岗市人民政府办公室${y}年政府信息公开工作年度报告</a></li>`).join('') + '</body>',
    );
    expect(htmlPage(html, '000-linked.html')).toMatchObject({ isReport: true, agency: '鹤岗市人民政府办公室', year: 2024 });
  });
});

describe('recognize: pages that are not reports', () => {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'html');
  it('a gov notice with an ordinary table, a paragraph citing 年度报告 and links to two reports', () => {
    const rec = htmlPage(read(dir, 'nonreport-gov.html'), 'nonreport-gov.html');
    expect(rec).toMatchObject({ isReport: false, title: '鹤岗市财政局关于公开2024年市本级部门预算的公告' });
  });
  it('a page from elsewhere with a table', () => {
    expect(htmlPage(read(dir, 'nonreport-other.html'), 'nonreport-other.html').isReport).toBe(false);
  });
  it('a list of reports, even one titled like its column', () => {
    const lines = [
      '首页 > 政府信息公开 > 政府信息公开年报',
      '鹤岗市人民政府办公室2024年政府信息公开工作年度报告 2025-01-24',
      '鹤岗市财政局2024年政府信息公开工作年度报告',
      '鹤岗市教育局2024年政府信息公开工作年度报告',
      '鹤岗市人民政府办公室2023年政府信息公开工作年度报告',
      '共4条 首页 上一页 下一页 尾页',
    ];
    const html = (title: string) =>
      `<html><head><title>${title}</title></head><body>${lines.map((l) => `<li><a href="#">${l}</a></li>`).join('')}</body></html>`;
    expect(htmlPage(html('政府信息公开年报_鹤岗市人民政府'), 'list').isReport).toBe(false);
    expect(htmlPage(html('2024年政府信息公开工作年度报告_鹤岗市人民政府'), 'list').isReport).toBe(false);
  });
  it('a notice about compiling reports, which cites their format and period', () => {
    const text = [
      '关于做好2024年政府信息公开工作年度报告编制发布工作的通知',
      '各县(区)人民政府,市政府各部门:',
      '请按照《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)编制年度报告,统计期限为2024年1月1日至2024年12月31日。',
      '一、总体要求',
      '二、时间安排',
    ].join('\n');
    expect(textPage(text, 'notice.txt')).toMatchObject({ isReport: false, year: 2024 });
  });
});

describe('recognize: reading the body when the title says less', () => {
  const sections = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'];
  const page = (...lines: string[]) => textPage([...lines, ...sections].join('\n'), 'page.txt');
  it('takes the year from the statistics period, not from the publication', () => {
    expect(page('政府信息公开工作年度报告', '2020-02-01', '本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。', '一、总体情况'))
      .toMatchObject({ isReport: true, year: 2019, template: '2019', publishedAt: '2020-02-01' });
  });
  it('takes the year from a mention of the report outside cited titles, then from section 一\'s first words', () => {
    expect(page('《关于做好2018年政府信息公开工作年度报告编制工作的通知》要求,现公布某某市2021年政府信息公开工作年度报告。', '一、总体情况').year).toBe(2021);
    expect(page('一、总体情况', '2022年,某某局坚持以公开为常态。').year).toBe(2022);
  });
  it('names the body from 现公布…, then from the contact sentence', () => {
    expect(page('根据《条例》规定,现公布某某市某某区人民政府2023年政府信息公开工作年度报告。', '一、总体情况'))
      .toMatchObject({ agency: '某某市某某区人民政府', agencyKind: 'government' });
    expect(page('如对本报告有疑问,请与某某市交通运输局联系(电话:0000-1234567)。', '一、总体情况'))
      .toMatchObject({ agency: '某某市交通运输局', agencyKind: 'department' });
  });
  it('does not take a contact office or a self-reference for the body', () => {
    expect(page('请与区管委会办公室政府信息公开工作领导小组办公室联系。', '结合本局政府信息公开工作实际,编制本报告。', '一、总体情况').agency).toBeNull();
  });
  it('knows neither year nor body when the page states neither', () => {
    expect(page('一、总体情况', '本机关坚持以公开为常态。')).toMatchObject({ year: null, template: 'unknown', agency: null, agencyKind: null });
  });
});

describe('recognize: dates', () => {
  const page = (lines: string[]) => textPage(lines.join('\n'), 'page.txt');
  const body = ['一、总体情况', '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'];
  it('takes a labelled date, in either form, near the top', () => {
    expect(page(['某某局2024年政府信息公开工作年度报告', '来源:某某局 发布时间:2025年1月20日 浏览次数:12', ...body]).publishedAt).toBe('2025-01-20');
    expect(page(['某某局2024年政府信息公开工作年度报告', '时间:2025/1/8', ...body]).publishedAt).toBe('2025-01-08');
  });
  it('never takes the crawl time, a date with 星期 (the site\'s today) or the statistics period', () => {
    expect(page([
      '采集时间: 2025-12-30T21:37:37+08:00', '2025年12月30日 星期二', '某某局2024年政府信息公开工作年度报告',
      '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', ...body,
    ]).publishedAt).toBeNull();
  });
  it('ignores a date before the report year', () => {
    expect(page(['某某局2024年政府信息公开工作年度报告', '2023-05-06', ...body]).publishedAt).toBeNull();
  });
  it('reads nothing below the first section (signatures, footers)', () => {
    expect(page(['某某局2024年政府信息公开工作年度报告', ...body, '某某局', '2025年1月20日']).publishedAt).toBeNull();
  });
});

describe('parseReportTitle', () => {
  it.each([
    ['鹤岗市人民政府办公室2024年政府信息公开工作年度报告_政府信息公开年报_鹤岗市人民政府', '鹤岗市人民政府办公室', 2024],
    ['2020年某某区政府信息公开工作年度报告', '某某区', 2020],
    ['某某局政府信息公开工作2020年度报告', '某某局', 2020],
    ['某某局政府信息公开工作年度报告(2020年)', '某某局', 2020],
    ['某某市2020年度政府信息公开年报', '某某市', 2020],
    ['威海市文登区米山镇人民政府信息公开工作年度报告', '威海市文登区米山镇人民政府', null],
    ['某某局关于2021年政府信息公开工作年度报告', '某某局', 2021],
    ['当前位置:首页>政府信息公开>某某局2022年政府信息公开工作年度报告', '某某局', 2022],
  ])('%s', (title, agency, year) => {
    expect(parseReportTitle(title)).toMatchObject({ agency, year });
  });
  it.each(['关于做好2024年政府信息公开工作年度报告编制发布工作的通知', '某某市2023年政府信息公开工作年度报告解读', '2024年政府工作报告'])(
    'is not a report title: %s',
    (title) => expect(parseReportTitle(title)).toBeNull(),
  );
});

describe('agencyKindOf', () => {
  it.each([
    ['衡阳市人民政府办公室', 'department'], ['鹤岗市人民政府办公室', 'department'], ['沭阳县发展和改革局', 'department'],
    ['盘锦市双台子区人民政府办公室', 'department'], ['某某市住房和城乡建设委员会', 'department'], ['某某市城市管理委员会', 'department'],
    ['某某市发展改革委', 'department'], ['某某市政务服务中心', 'department'], ['某某市人民政府国有资产监督管理委员会', 'department'],
    ['平潭综合实验区', 'government'], ['威海市文登区米山镇人民政府', 'government'], ['精河县', 'government'],
    ['某某经济技术开发区管理委员会', 'government'], ['某某高新区管委会', 'government'], ['某某区某某街道办事处', 'government'],
    ['某某市', 'government'], ['某某自治旗', 'government'], ['某某乡', 'government'],
  ])('%s is a %s', (name, kind) => {
    expect(agencyKindOf(name)).toBe(kind);
  });
  it('is null without a name or for a name it cannot place', () => {
    expect(agencyKindOf(null)).toBeNull();
    expect(agencyKindOf('某某')).toBeNull();
  });
});

describe('deadlineOf', () => {
  it.each([
    [2024, 'department', '2025-01-31'],
    [2024, 'government', '2025-03-31'],
    [2019, 'department', '2020-01-31'],
    [2018, 'department', '2019-03-31'],
    [2018, null, '2019-03-31'],
    [2024, null, null],
    [null, 'government', null],
  ] as const)('year %s, %s → %s', (year, agencyKind, deadline) => {
    expect(deadlineOf({ year, agencyKind })).toBe(deadline);
  });
});

// Lines of many 《 and no 》 (and the like): /《[^》]*》/g read the rest of the line from every 《,
// 23 s for 240,000 characters. The results are asserted; the time is `npm run bench`'s.
describe('citations and issuer names on adversarial lines', () => {
  it('drops closed citations and keeps an unclosed 《 as it is, in one scan', () => {
    expect(withoutCitations('据《条例》和〈通知〉规定,《未完', { '《': '》', '〈': '〉' }, '')).toBe('据和规定,《未完');
    expect(withoutCitations('《a《b》c》', { '《': '》' }, '《》')).toBe('《》c》');
    const open = '《某某县人民政府'.repeat(30_000);
    expect(withoutCitations(open, { '《': '》' }, '')).toBe(open);
  });

  it('names the issuer of a line of 30,000 unclosed citations', () => {
    expect(agencyFromBody(['《某某县人民政府'.repeat(30_000)])).toBe('某某县');
    // A citation closed far on is dropped whole (within the 20,000 characters mentions are read in).
    expect(agencyFromBody([`${'《某某县人民政府'.repeat(2000)}》,在甲县人民政府`])).toBe('甲县');
  });

  it('reads the year outside citations of a page whose title has none', () => {
    const blocks = ['政府信息公开工作年度报告', `${'《'.repeat(100_000)}2023年政府信息公开工作年度报告`, '一、总体情况', '二、主动公开政府信息情况'];
    const n = createNormalizer('simplified');
    const rec = recognize({ title: null, metas: {}, source: 'x' }, blocks.map((t, i) => ({ kind: 'text', cell: { text: t, norm: t, table: -1, row: i, col: 0 } })), n);
    expect(rec.year).toBe(2023);
  });
});

describe('issuer mentions on a line built to backtrack', () => {
  it('counts mentions in the first 20,000 characters only: a 1 MB line of place endings is no preamble', () => {
    const line = `在甲县人民政府${`、${'区'.repeat(44)}人民政府`.repeat(7000)}`;
    expect(agencyFromBody([line])).toBe('甲县');
    expect(agencyFromBody([`${'、'.repeat(20_000)}在乙县人民政府`])).toBeNull();
  });
});
