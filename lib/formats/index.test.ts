import { describe, expect, it } from 'vitest';
import {
  ACTIVE_FORMATS, APPEAL_COLUMN_FORMATS, APPEAL_GROUP_FORMATS, REQUEST_COLUMNS, REQUEST_GROUPS, REQUEST_ROWS,
  SECTION_FORMATS, figureKind, labelEntries, labelKey, sectionOf,
} from './index';
import { createNormalizer } from '../normalize';
import { ACTIVE_T2019, ACTIVE_T2021, figureKeys } from '../report/keys';

const simplified = createNormalizer('simplified');
const traditional = createNormalizer('traditional');

describe('labelKey', () => {
  it('sets the row number and a trailing remark aside and drops punctuation', () => {
    expect(labelKey('(二)部分公开(区分处理的,只计这一情形,不计其他情形)')).toEqual({ numbering: '(二)', key: '部分公开' });
    expect(labelKey('三、本年度办理结果')).toEqual({ numbering: '三、', key: '本年度办理结果' });
    expect(labelKey('2.其他法律、行政法规禁止公开')).toEqual({ numbering: '2.', key: '其他法律行政法规禁止公开' });
    expect(labelKey('本年收费金额(单位:万元)')).toEqual({ numbering: '', key: '本年收费金额' });
    expect(labelKey('本年增/减')).toEqual({ numbering: '', key: '本年增减' });
    expect(labelKey('、其他需要报告的事项')).toEqual({ numbering: '、', key: '其他需要报告的事项' });
    // A label that is all bracket keeps its words.
    expect(labelKey('(本列数据的勾稽关系为:第一项加第二项之和)').key).toBe('本列数据的勾稽关系为第一项加第二项之和');
  });
});

describe('label entries', () => {
  it('resolves every label of every format to its own meaning', () => {
    const expectEntry = (label: string, entry: object) =>
      expect(labelEntries(simplified.label(label)).entries, label).toContainEqual(expect.objectContaining(entry));
    for (const blocks of Object.values(ACTIVE_FORMATS)) {
      for (const block of blocks) {
        for (const l of block.captions) expectEntry(l, { kind: 'caption', table: 'active', item: block.item });
        for (const c of block.columns) for (const l of c.labels) expectEntry(l, { kind: 'column', table: 'active', column: c.key });
        for (const r of block.rows) for (const l of r.labels) expectEntry(l, { kind: 'row', table: 'active', row: r.key });
      }
    }
    for (const c of REQUEST_COLUMNS) for (const l of c.labels) expectEntry(l, { kind: 'column', table: 'requests', column: c.key });
    for (const r of REQUEST_ROWS) for (const l of r.labels) expectEntry(l, { kind: 'row', table: 'requests', row: r.key });
    for (const g of REQUEST_GROUPS) {
      for (const item of g.items) {
        for (const l of item.labels) expectEntry(l.replace('…', '、行政机关不再处理其政府信息公开申请'), { kind: 'row', table: 'requests', row: `${g.key}.${item.key}` });
      }
    }
    for (const g of APPEAL_GROUP_FORMATS) for (const l of g.labels) expectEntry(l, { kind: 'group', table: 'appeals', group: g.key });
    for (const c of APPEAL_COLUMN_FORMATS) for (const l of c.labels) expectEntry(l, { kind: 'column', table: 'appeals', column: c.key });
  });

  it('names only keys the report schema has', () => {
    const keys = new Set([...figureKeys('2021'), ...figureKeys('2019')]);
    for (const [template, blocks] of Object.entries(ACTIVE_FORMATS)) {
      const active: Record<string, readonly string[]> = template === '2021' ? ACTIVE_T2021 : ACTIVE_T2019;
      for (const block of blocks) {
        for (const row of block.rows) {
          expect(block.columns.map((c) => c.key)).toEqual(active[row.key]);
          for (const c of block.columns) expect(keys.has(`active.${row.key}.${c.key}`)).toBe(true);
        }
      }
    }
    for (const r of REQUEST_ROWS) expect(keys.has(`requests.${r.key}.total`)).toBe(true);
    for (const g of REQUEST_GROUPS) {
      for (const item of g.items) expect(keys.has(`requests.${g.key}.${item.key}.natural`)).toBe(true);
      if (g.asRow) expect(keys.has(`requests.${g.key}.${g.asRow}.natural`)).toBe(true);
    }
  });

  it('reads the printed variants of real pages, traditional ones too', () => {
    const meaning = (printed: string, n = simplified) => labelEntries(n.label(printed)).entries;
    expect(meaning('现行有效件')).toEqual([{ kind: 'column', table: 'active', column: 'inForce' }]);
    expect(meaning('規范性文件', traditional)).toEqual([{ kind: 'row', table: 'active', row: 'normativeDocs', generic: true }]);
    expect(meaning('3.申請內(nèi)容不明確', traditional)).toEqual([{ kind: 'row', table: 'requests', row: 'unavailable.unclear' }]);
    expect(meaning('駁回申請', traditional)).toEqual([{ kind: 'column', table: 'appeals', column: 'other' }]);
    expect(meaning('1.申请人无正当理由逾期 不补正、行政机关不再处理其政府信息公开申请')).toEqual([
      { kind: 'row', table: 'requests', row: 'otherHandling.overdueCorrection' },
    ]);
    expect(meaning('(本列數據的勾稽關系為:第一項加第二項之和,等于第三項加第四項之和)', traditional)).toEqual([{ kind: 'marker', table: 'requests' }]);
    expect(meaning('第二十条 第（九）项')).toEqual([{ kind: 'caption', table: 'active', item: '九' }]);
    // "总计" heads a column of 表三 and of 表四, and is 表三's （七） row.
    expect(meaning('总计')).toEqual(
      expect.arrayContaining([
        { kind: 'column', table: 'requests', column: 'total' },
        { kind: 'row', table: 'requests', row: 'totalProcessed' },
        { kind: 'column', table: 'appeals', column: 'total' },
      ]),
    );
    expect(meaning('（六）其他处理')).toEqual([{ kind: 'group', table: 'requests', group: 'otherHandling', row: 'otherHandling.total' }]);
    expect(meaning('小计')).toEqual([{ kind: 'column', table: 'requests', column: null }]);
    expect(meaning('本年度政府信息公开工作取得新进展，全年共收到申请三百件，均已依法按时答复完毕。这是一个段落'.repeat(2))).toEqual([]);
  });
});

describe('generic labels', () => {
  it('flags the labels too common to tell their table, and only those', () => {
    const generic = (printed: string) => labelEntries(simplified.label(printed)).entries.every((e) => e.generic === true);
    for (const l of ['信息内容', '行政许可', '行政事业性收费', '法人或其他组织', '行政复议', '行政诉讼']) expect(generic(l), l).toBe(true);
    for (const l of ['第二十条第（五）项', '一、本年新收政府信息公开申请数量', '申请人情况', '未经复议直接起诉', '1.属于国家秘密']) {
      expect(labelEntries(simplified.label(l)).entries.some((e) => e.generic), l).toBe(false);
    }
  });
});

describe('sectionOf', () => {
  it('recognises every heading variant with its number, a lost number or none', () => {
    for (const s of SECTION_FORMATS) {
      for (const h of s.headings) {
        expect(sectionOf(simplified.label(`二、${h}`)), h).toBe(s.id);
        expect(sectionOf(simplified.label(h)), h).toBe(s.id);
      }
    }
    expect(sectionOf(simplified.label('、其他需要报告的事项'))).toBe('other');
    expect(sectionOf(simplified.label('五、存在困难及改进措施'))).toBe('problems');
    expect(sectionOf(traditional.label('四、政府信息公開(kāi)行政復(fù)議、行政訴訟情況'))).toBe('appeals');
    expect(sectionOf(traditional.label('二、主動公開政府信息的情況'))).toBe('active');
  });

  it('does not take table rows, sub-headings or sentences for headings', () => {
    for (const line of [
      '三、本年度办理结果',
      '四、结转下年度继续办理',
      '一、本年新收政府信息公开申请数量',
      '(一)主动公开政府信息情况',
      '(一)主動公開政府信息情況。一是政務公開工作要點力度進一步加大。',
      '本报告内容包括:总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况',
      '1.总体情况',
    ]) {
      expect(sectionOf(traditional.label(line)), line).toBeNull();
    }
  });
});

describe('figureKind', () => {
  it('tells money and signed changes from counts', () => {
    expect(figureKind('active.fees.amount')).toBe('amount');
    expect(figureKind('active.procurement.amount')).toBe('amount');
    expect(figureKind('active.licensing.change')).toBe('change');
    expect(figureKind('active.rules.issued')).toBe('count');
    expect(figureKind('requests.denied.stateSecret.natural')).toBe('count');
    expect(figureKind('appeals.review.total')).toBe('count');
  });
});
