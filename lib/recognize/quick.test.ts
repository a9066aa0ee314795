import { describe, expect, it } from 'vitest';
import { looksLikeReport } from './quick';

const page = (title: string, headings: string[] = [], path = '/art/2025/1/24/art_1.html') => ({ title, headings, path });

describe('looksLikeReport', () => {
  it.each([
    // <title>s of the seed and corpus pages, as their sites serve them.
    ['鹤岗市人民政府办公室2024年政府信息公开工作年度报告_政府信息公开年报_鹤岗市人民政府'],
    ['盤錦市雙臺子區人民政府辦公室2023年政府信息公開工作年度報告'],
    ['衡陽市人民政府辦公室 2019年政府信息公開年度報告'],
    ['2024年政府信息公開(kāi)工作年度報(bào)告'],
    ['平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会'],
    ['沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局'],
    ['平潭综合实验区2018年度政府信息公开工作年度报告'],
    ['某某市２０２０年度政府信息公开年报'],
    ['某某局政府信息公开工作年度报告（2020年）'],
    ['某某局政府信息公开工作年度报告(2020年度)'],
  ])('accepts the report title %s', (title) => {
    expect(looksLikeReport(page(title))).toBe(true);
  });

  it('accepts a report whose title only its headings carry, even split after the year (seed 000)', () => {
    expect(looksLikeReport(page('鹤岗市人民政府', ['鹤岗市人民政府办公室2024年', '政府信息公开工作年度报告']))).toBe(true);
  });

  it('accepts a page without any title that heads section 三 of the national format (seed 002)', () => {
    expect(looksLikeReport(page('', ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']))).toBe(true);
    expect(looksLikeReport(page('', ['三、收到和處理政府信息公開(kāi)申請(qǐng)情況']))).toBe(true);
    const chrome = Array.from({ length: 30 }, (_, i) => `栏目${i}`);
    expect(looksLikeReport(page('精河县人民政府', [...chrome, '一、总体情况', '三、收到和处理政府信息公开申请情况']))).toBe(true);
  });

  it('accepts a report address whose title lost its year', () => {
    expect(looksLikeReport(page('政府信息公开工作年度报告_某某局', [], '/xxgk/zfxxgknb/202401/t20240117_1.html'))).toBe(true);
  });

  it.each([
    ['关于印发某某市2024年政务公开工作要点的通知_某某市人民政府'],
    ['某某市人民政府政府信息公开指南'],
    ['2024年政府工作报告_某某市人民政府'],
    ['关于做好2024年政府信息公开工作年度报告编制发布工作的通知'],
    ['某某市2023年政府信息公开工作年度报告解读'],
    ['鹤岗市财政局关于公开2024年市本级部门预算的公告_财政预决算_鹤岗市人民政府'],
    ['周末去哪儿：城郊五条徒步路线推荐 - 城市生活'],
  ])('rejects the non-report title %s', (title) => {
    expect(looksLikeReport(page(title, ['首页', '政府信息公开', '相关链接']))).toBe(false);
  });

  it('rejects a list of reports, at its index address or elsewhere', () => {
    const list = '政府信息公开年报_平潭综合实验区党工委管委会';
    expect(looksLikeReport(page(list, [], '/zwgk/zfxxgk/zfxxgknb/'))).toBe(false);
    expect(looksLikeReport(page(list, [], '/zwgk/zfxxgk/zfxxgknb/index_2.htm'))).toBe(false);
    expect(looksLikeReport(page(list, ['政府信息公开年报'], '/zwgk/zfxxgk/'))).toBe(false);
  });

  it('does not join a heading with a year to an unrelated one', () => {
    expect(looksLikeReport(page('某某市人民政府', ['2024年', '政府信息公开指南']))).toBe(false);
  });

  it('reads report paths in any letter case', () => {
    expect(looksLikeReport(page('某某区政府信息公开', [], '/ZWGK/ZFXXGKNB/202501/T20250124_1.HTML'))).toBe(true);
    expect(looksLikeReport(page('某某区政府信息公开', [], '/ZWGK/ZFXXGKNB/INDEX_2.HTML'))).toBe(false);
  });

  it('turns a notice (公告) away at the plain-string stage and still reads romanised titles', () => {
    expect(looksLikeReport(page('关于2024年度部门预算公开的公告_鹤岗市人民政府'))).toBe(false);
    expect(looksLikeReport(page('2024年政府信息公開(kāi)工作年度報(bào)告'))).toBe(true);
  });
});
