import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { extract } from './index';
import { htmlBlocks } from '../extract/html';
import { textBlocks } from '../extract/text';
import { createNormalizer, detectScript } from '../normalize';
import { figureKeys, type TemplateId } from '../report/keys';
import type { Extraction, Recognition } from '../types';
import { REPO_ROOT, SEEDS, SHARED, seed } from '../../test/fixtures/seeds';

const recognition = (template: TemplateId, script: Recognition['script']): Recognition => ({
  isReport: true,
  template,
  script,
  title: null,
  agency: null,
  agencyKind: null,
  year: null,
  publishedAt: null,
});

function readText(text: string, template: TemplateId = '2021'): Extraction {
  const normalizer = createNormalizer(detectScript(text));
  return extract(textBlocks(text, normalizer), recognition(template, normalizer.script));
}

function readHtml(html: string, template: TemplateId = '2021'): { ex: Extraction; doc: Document } {
  const doc = parseHTML(html).document;
  const normalizer = createNormalizer(detectScript(doc.body?.textContent ?? ''));
  return { ex: extract(htmlBlocks(doc, normalizer), recognition(template, normalizer.script)), doc };
}

const values = (ex: Extraction) => Object.fromEntries([...ex.figures].map(([k, f]) => [k, f.value]));

/** Nested expected JSON → flat canonical keys. */
function flatten(obj: unknown, prefix: string, out: Record<string, number | null> = {}): Record<string, number | null> {
  for (const [k, v] of Object.entries((obj ?? {}) as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') flatten(v, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v as number | null;
  }
  return out;
}

const ALL_SECTIONS = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'];

describe('seeds (saved text)', () => {
  for (const s of SEEDS) {
    describe(`${s.id} ${s.agency}`, () => {
      const text = readFileSync(s.file, 'utf8');
      const ex = readText(text, s.template);

      it('reads every figure of the template, cell by cell, as printed', () => {
        if (s.figures) {
          expect(Object.keys(values(ex))).toEqual(expect.arrayContaining(figureKeys(s.template)));
          expect(values(ex)).toEqual(s.figures);
        } else expect(ex.figures.size).toBe(0);
      });

      it('finds the template, the tables and all six sections', () => {
        expect(ex.template).toBe(s.template);
        expect([...ex.tablesFound]).toEqual(s.figures ? ['active', 'requests', 'appeals'] : []);
        expect([...ex.sections]).toEqual(ALL_SECTIONS);
      });

      it('keeps each figure’s source cell: its line and its text as printed', () => {
        const lines = text.split(/\r?\n/);
        for (const figure of ex.figures.values()) {
          expect(figure.raw).toBe(figure.cell.text);
          expect(lines[figure.cell.table]!.replace(/\s+/g, ' ')).toContain(figure.raw);
        }
      });
    });
  }

  it('003: keeps the two notes with the tables they stand under', () => {
    expect(readText(readFileSync(seed('003').file, 'utf8'), '2019').notes).toEqual([
      { table: 'active', text: '注:因机构改革职能调整,行政许可、行政处罚、行政强制等信息已相应迁出。' },
      { table: 'requests', text: '注:因多数依申请公开件并非“一事一申请”,一件申请中往往有多个申请事项,故“办理结果”的数量大于收到申请件的数量。' },
    ]);
  });

  it('003: reads the procurement amount with its unit, and 驳回申请 as 其他结果', () => {
    const ex = readText(readFileSync(seed('003').file, 'utf8'), '2019');
    expect(ex.figures.get('active.procurement.amount')).toMatchObject({ value: 297.17, unit: '万元', raw: '297.17萬元' });
    expect(ex.figures.get('appeals.review.other')).toMatchObject({ value: 2, raw: '2' });
  });

  it('the narrative is the preamble and section 一, without the page around the report', () => {
    const n000 = readText(readFileSync(seed('000').file, 'utf8')).narrativeText;
    expect(n000.startsWith('年初以来,市政务公开办公室')).toBe(true);
    expect(n000).toContain('(二)对标形象之要,严格规范办理依申请公开。');
    expect(n000).toContain('办理信息公开申39件');
    expect(n000).not.toContain('第二十条');
    expect(n000).not.toContain('存在主要困难');
    expect(n000).not.toContain('2025-01-24');

    const n003 = readText(readFileSync(seed('003').file, 'utf8'), '2019').narrativeText;
    expect(n003.startsWith('编制说明:本年度报告根据国家、省、市政府信息公开相关法律')).toBe(true);
    expect(n003).toContain('收到依申请公开事项49件');
    expect(n003).not.toMatch(/发布时间|字体|浏览量/);
    expect(n003.split('\n')).toHaveLength(8);
  });

  it('reads nothing after the report: seed 003’s SEO spam and seed 000’s chatbot', () => {
    // A 表二 block after the spam would give a T2021 key 003 does not have.
    const spam = readText(readFileSync(seed('003').file, 'utf8') + '\n第二十条第(一)项\n本年制发件数\n规章\n5', '2019');
    expect(values(spam)).toEqual(seed('003').figures);
    expect([...spam.sections]).toEqual(ALL_SECTIONS);
  });
});

describe('corpus pages (HTML)', () => {
  for (const name of ['shuyang-fgj-2023', 'pingtan-2024']) {
    const html = readFileSync(path.join(SHARED, 'corpus', `${name}.html`), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(SHARED, 'corpus', `${name}.expected.json`), 'utf8'));
    const { ex, doc } = readHtml(html);

    it(`${name}: every figure exactly as expected.json`, () => {
      const want = { ...flatten(expected.active, 'active.'), ...flatten(expected.requests, 'requests.'), ...flatten(expected.appeals, 'appeals.') };
      expect(Object.keys(want).sort()).toEqual(figureKeys('2021').sort());
      expect(values(ex)).toEqual(want);
      expect(ex.template).toBe('2021');
      expect([...ex.tablesFound]).toEqual(['active', 'requests', 'appeals']);
      expect([...ex.sections]).toEqual(ALL_SECTIONS);
      expect(ex.notes).toEqual([]);
    });

    it(`${name}: each figure's cell is the <td> it was printed in`, () => {
      const tables = doc.querySelectorAll('table');
      for (const figure of ex.figures.values()) {
        const td = figure.cell.element!;
        expect(td.localName).toBe('td');
        expect(tables[figure.cell.table]!.contains(td)).toBe(true);
        expect(td.textContent!.replace(/\s+/g, '')).toBe(figure.raw.replace(/\s+/g, ''));
      }
    });
  }

  it('pingtan-2024: figures come from the right cells of the right rows', () => {
    const { ex } = readHtml(readFileSync(path.join(SHARED, 'corpus', 'pingtan-2024.html'), 'utf8'));
    const rowLabel = (key: string) => ex.figures.get(key)!.cell.element!.parentElement!.firstElementChild!.textContent!.replace(/\s+/g, '');
    expect(rowLabel('requests.newReceived.natural')).toBe('一、本年新收政府信息公开申请数量');
    expect(ex.figures.get('requests.newReceived.total')!.cell).toMatchObject({ table: 1, row: 3, col: 9, text: '218' });
    expect(ex.figures.get('requests.otherHandling.other.commercial')!.cell).toMatchObject({ text: '1' });
    expect(rowLabel('requests.otherHandling.other.commercial')).toBe('3.其他');
    expect(ex.figures.get('active.fees.amount')!.cell).toMatchObject({ table: 0, text: '18651.06' });
    expect(ex.figures.get('appeals.suitAfterReview.total')!.cell).toMatchObject({ table: 2, row: 3, col: 14, text: '19' });
    expect(ex.narrativeText).toContain('本报告根据《中华人民共和国政府信息公开条例》');
    expect(ex.narrativeText).not.toContain('扫一扫');
    expect(ex.narrativeText).not.toContain('二、主动公开政府信息情况');
  });

  it('shuyang-fgj-2023: the five 法人或其他组织 columns are blank (null) in every row, from their own cells', () => {
    const { ex } = readHtml(readFileSync(path.join(SHARED, 'corpus', 'shuyang-fgj-2023.html'), 'utf8'));
    const requestKeys = figureKeys('2021').filter((k) => k.startsWith('requests.'));
    for (const key of requestKeys) {
      const column = key.slice(key.lastIndexOf('.') + 1);
      const figure = ex.figures.get(key)!;
      if (['commercial', 'research', 'nonprofit', 'legal', 'other'].includes(column)) {
        expect(figure, key).toMatchObject({ value: null, raw: '' });
        expect(figure.bad).toBeUndefined();
      } else expect(figure.value, key).not.toBeNull();
    }
    const natural = ex.figures.get('requests.newReceived.natural')!.cell.element!;
    expect(ex.figures.get('requests.newReceived.commercial')!.cell.element).toBe(natural.nextElementSibling);
    // The page-info table (索引号, 公开日期) above the report gives no figure.
    expect(ex.figures.size).toBe(figureKeys('2021').length);
  });

  it('pingtan-2018-legacy: a legacy report gives no figure, and its whole text is the narrative', () => {
    const text = readFileSync(path.join(SHARED, 'corpus', 'pingtan-2018-legacy.txt'), 'utf8');
    const ex = readText(text, 'legacy');
    expect(ex.figures.size).toBe(0);
    expect(ex.template).toBe('legacy');
    expect([...ex.tablesFound]).toEqual([]);
    expect([...ex.sections]).toEqual([]);
    expect(ex.narrativeText.startsWith('平潭综合实验区2018年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》(以下简称《条例》)')).toBe(true);
    expect(ex.narrativeText).toContain('一、概述2018年以来');
  });
});

describe('seed pages as HTML (clean, split, Word-pasted)', () => {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'html');
  for (const s of SEEDS) {
    for (const style of ['clean', 'split', 'word']) {
      const file = path.join(dir, `${s.id}-${style}.html`);
      it.runIf(existsSync(file))(`${s.id}-${style}.html: the same figures as the seed`, () => {
        const { ex } = readHtml(readFileSync(file, 'utf8'), s.template);
        expect(values(ex)).toEqual(s.figures ?? {});
        expect(ex.template).toBe(s.template);
        expect([...ex.sections]).toEqual(ALL_SECTIONS);
        for (const figure of ex.figures.values()) expect(figure.cell.element!.localName).toBe('td');
      });
    }
  }
});

// ---- Hand-made pages: what real pages do to tables ----

const HEAD3 = `
  <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
const row7 = (label: string, figures: string, colspan = 3) =>
  `<tr><td colspan="${colspan}">${label}</td>${figures.split(' ').map((f) => `<td>${f}</td>`).join('')}</tr>`;
const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;

describe('matching rows by label, columns by header', () => {
  it('reads 表三 split over several tables with the header repeated, rows missing and extra', () => {
    const { ex } = readHtml(
      html(`<p>三、收到和处理政府信息公开申请情况</p>
        <table>${HEAD3}${row7('一、本年新收政府信息公开申请数量', '5 1 0 0 0 0 6')}</table>
        <p>（续表）</p>
        <table>${HEAD3}
          <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
          <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
          <tr><td>9.其他不予公开情形</td><td>7</td><td>7</td><td>7</td><td>7</td><td>7</td><td>7</td><td>7</td></tr>
        </table>`),
    );
    expect(values(ex)).toEqual({
      ...Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c, i) => [`requests.newReceived.${c}`, [5, 1, 0, 0, 0, 0, 6][i]])),
      ...Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c, i) => [`requests.granted.${c}`, [4, 1, 0, 0, 0, 0, 5][i]])),
      ...Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c, i) => [`requests.denied.stateSecret.${c}`, [1, 0, 0, 0, 0, 0, 1][i]])),
    });
  });

  it('ignores a 法人或其他组织 subtotal column wherever the header puts it', () => {
    const head = `
      <tr><td rowspan="2">项目</td><td rowspan="2">自然人</td><td colspan="6">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>小计</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
    const { ex } = readHtml(html(`<table>${head}${row7('二、上年结转政府信息公开申请数量', '1 9 2 3 4 0 0 10', 1)}</table>`));
    expect(values(ex)).toEqual({
      'requests.carriedOver.natural': 1,
      'requests.carriedOver.commercial': 2,
      'requests.carriedOver.research': 3,
      'requests.carriedOver.nonprofit': 4,
      'requests.carriedOver.legal': 0,
      'requests.carriedOver.other': 0,
      'requests.carriedOver.total': 10,
    });
  });

  it('reads a continuation table without a header by the header carried over, and a headerless table in the national order', () => {
    const { ex } = readHtml(
      html(`<table>${HEAD3}${row7('一、本年新收政府信息公开申请数量', '1 0 0 0 0 0 1')}</table>
        <table>${row7('四、结转下年度继续办理', '2 0 0 0 0 0 2')}</table>
        <table><tr><td>（七）总计</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>`),
    );
    expect(values(ex)).toMatchObject({ 'requests.carriedForward.natural': 2, 'requests.carriedForward.total': 2, 'requests.totalProcessed.natural': 3, 'requests.totalProcessed.total': 3 });
    expect(ex.figures.get('requests.carriedForward.total')!.cell.col).toBe(9);
    expect(ex.figures.get('requests.totalProcessed.total')!.cell.col).toBe(7);
  });

  it('keeps a misprinted figure in its column when the table has no header', () => {
    const { ex } = readHtml(html('<table><tr><td>（七）总计</td><td>3</td><td>12件以上</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>'));
    expect(values(ex)).toEqual({
      'requests.totalProcessed.natural': 3, 'requests.totalProcessed.commercial': null, 'requests.totalProcessed.research': 0,
      'requests.totalProcessed.nonprofit': 0, 'requests.totalProcessed.legal': 0, 'requests.totalProcessed.other': 0,
      'requests.totalProcessed.total': 3,
    });
    expect(ex.figures.get('requests.totalProcessed.commercial')).toMatchObject({ bad: true, raw: '12件以上' });
  });

  it('gives a row with too few cells only the figures that are there', () => {
    const { ex } = readHtml(html(`<table>${HEAD3}<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td></tr></table>`));
    expect(values(ex)).toEqual({ 'requests.carriedOver.natural': 1, 'requests.carriedOver.commercial': 0 });
  });

  it('keeps blanks as null (never 0) and marks unreadable cells bad', () => {
    const { ex } = readHtml(html(`<table>${HEAD3}${row7('（七）总计', '— / &nbsp; 无 12件以上 -3 1,204')}</table>`));
    expect(values(ex)).toEqual({
      'requests.totalProcessed.natural': null,
      'requests.totalProcessed.commercial': null,
      'requests.totalProcessed.research': null,
      'requests.totalProcessed.nonprofit': null,
      'requests.totalProcessed.legal': null,
      'requests.totalProcessed.other': -3,
      'requests.totalProcessed.total': 1204,
    });
    expect(ex.figures.get('requests.totalProcessed.legal')).toMatchObject({ value: null, bad: true, raw: '12件以上' });
    expect(ex.figures.get('requests.totalProcessed.natural')!.bad).toBeUndefined();
  });

  it('maps 表四 by its header: groups in any order, 驳回起诉 in the 其他结果 slot', () => {
    const cols = '<td>结果维持</td><td>结果纠正</td><td>驳回起诉</td><td>尚未审结</td><td>总计</td>';
    const { ex } = readHtml(
      html(`<table>
        <tr><td colspan="10">行政诉讼</td><td colspan="5">行政复议</td></tr>
        <tr><td colspan="5">复议后起诉</td><td colspan="5">未经复议直接起诉</td>${cols.replace(/<td>/g, '<td rowspan="2">').replace('驳回起诉', '其他结果')}</tr>
        <tr>${cols}${cols}</tr>
        <tr>${'1 2 3 4 10 5 6 7 8 26 0 0 1 0 1'.split(' ').map((f) => `<td>${f}</td>`).join('')}</tr>
      </table>`),
    );
    expect(values(ex)).toEqual({
      'appeals.suitAfterReview.upheld': 1, 'appeals.suitAfterReview.corrected': 2, 'appeals.suitAfterReview.other': 3,
      'appeals.suitAfterReview.pending': 4, 'appeals.suitAfterReview.total': 10,
      'appeals.suitDirect.upheld': 5, 'appeals.suitDirect.corrected': 6, 'appeals.suitDirect.other': 7,
      'appeals.suitDirect.pending': 8, 'appeals.suitDirect.total': 26,
      'appeals.review.upheld': 0, 'appeals.review.corrected': 0, 'appeals.review.other': 1,
      'appeals.review.pending': 0, 'appeals.review.total': 1,
    });
  });

  it('reads a T2019 表二: signed changes, an amount in 元, the one-row （六）其他处理; the labels tell the template', () => {
    const block = (item: string, head: string[], rows: [string, ...string[]][]) =>
      `<tr><td colspan="4">第二十条第（${item}）项</td></tr><tr><td>信息内容</td>${head.map((h) => `<td>${h}</td>`).join('')}</tr>` +
      rows.map(([label, ...f]) => `<tr><td>${label}</td>${f.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('');
    const { ex } = readHtml(
      html(`<table>
        ${block('五', ['上一年项目数量', '本年增/减', '处理决定数量'], [['行政许可', '120', '-18', '4500'], ['其他对外管理服务事项', '3', '+5', '']])}
        ${block('九', ['采购项目数量', '采购总金额'], [['政府集中采购', '7', '394432.52元']])}
      </table>
      <table>${HEAD3}<tr><td>三、本年度办理结果</td><td colspan="2">（六）其他处理</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>`),
      '2021',
    );
    expect(values(ex)).toMatchObject({
      'active.licensing.previous': 120, 'active.licensing.change': -18, 'active.licensing.decisions': 4500,
      'active.otherServices.change': 5, 'active.otherServices.decisions': null,
      'active.procurement.projects': 7, 'active.procurement.amount': 394432.52,
      'requests.otherHandling.total.natural': 1, 'requests.otherHandling.total.total': 1,
    });
    expect(ex.figures.get('active.procurement.amount')!.unit).toBe('元');
    expect(ex.template).toBe('2019');
  });

  it('maps figures to headers that span other columns than they do (a 2019 report as printed)', () => {
    const td = (text: string, colspan = 1) => `<td colspan="${colspan}"><p align="center">${text}</p></td>`;
    const { ex } = readHtml(
      html(`<table>
        <tr>${td('第二十条第（一）项', 5)}</tr>
        <tr>${td('信息内容')}${td('本年新<br />制作数量')}${td('本年新<br />公开数量', 2)}${td('对外公开总数量')}</tr>
        <tr>${td('规章')}${td('13')}${td('13', 2)}${td('524')}</tr>
        <tr>${td('第二十条第（五）项', 5)}</tr>
        <tr>${td('信息内容')}${td('上一年项目数量')}${td('本年增/减', 2)}${td('处理决定数量')}</tr>
        <tr>${td('行政许可')}${td('40', 2)}${td('-2')}${td('900')}</tr>
        <tr>${td('第二十条第（八）项', 5)}</tr>
        <tr>${td('信息内容')}${td('上一年项目数量', 2)}${td('本年增/减', 2)}</tr>
        <tr>${td('行政事业性收费')}${td('3', 2)}${td('0', 2)}</tr>
      </table>
      <table>${HEAD3}<tr><td rowspan="2">三、本年度办理结果</td>${td('（六）其他处理', 2)}${'<td>&nbsp;</td>'.repeat(7)}</tr>
        <tr>${td('（七）总计', 2)}${td('767')}${td('35')}${td('&nbsp;')}${td('&nbsp;')}${td('2')}${td('1')}${td('805')}</tr></table>`),
      '2019',
    );
    expect(values(ex)).toMatchObject({
      'active.rules.made': 13, 'active.rules.published': 13, 'active.rules.totalPublic': 524,
      'active.licensing.previous': 40, 'active.licensing.change': -2, 'active.licensing.decisions': 900,
      'active.fees.previous': 3, 'active.fees.change': 0,
      'requests.otherHandling.total.natural': null, 'requests.otherHandling.total.total': null,
      'requests.totalProcessed.research': null, 'requests.totalProcessed.legal': 2, 'requests.totalProcessed.total': 805,
    });
    expect(ex.figures.size).toBe(3 + 3 + 2 + 7 + 7);
    expect(ex.figures.get('active.licensing.change')!.cell.col).toBe(3);
  });

  it('reads a traditional page with romanisation and labels split over spans', () => {
    const { ex } = readHtml(
      html(`<p>三、收到和處理政府信息公開(kāi)申請情況</p><table>
        <tr><td colspan="3">（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和）</td><td colspan="7">申請人情況</td></tr>
        <tr><td colspan="3"></td><td>自然人</td><td><span>商業</span><span>企業</span></td><td>科研機構</td><td>社會公益組織</td><td>法律服務機構</td><td>其他</td><td>總計</td></tr>
        ${row7('<span>二、上年結(jié)</span><span>轉(zhuǎn)政府信息公開申請數量</span>', '0 1 0 0 0 0 1')}
        <tr><td rowspan="2">三、本年度辦理結果</td><td rowspan="2">（四）無法提供</td><td>2.沒有現成信息需要另行製作</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>3.補正後申請內容仍不明確</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
      </table>`),
    );
    expect(values(ex)).toMatchObject({
      'requests.carriedOver.commercial': 1, 'requests.carriedOver.total': 1,
      'requests.unavailable.needsCreation.total': 0, 'requests.unavailable.unclear.natural': 2, 'requests.unavailable.unclear.total': 2,
    });
    expect(ex.figures.get('requests.unavailable.unclear.natural')!.cell.text).toBe('2');
    expect(ex.sections).toEqual(new Set(['requests']));
  });

  it('does not read a statistics table of section 一 as a national table, nor a 合计 row as 表三', () => {
    const { ex } = readHtml(
      html(`<p>一、总体情况</p><p>本年度办理情况如下：</p>
        <table><tr><td>事项</td><td>件数</td></tr><tr><td>行政许可</td><td>1234</td></tr><tr><td>行政复议</td><td>3</td></tr>
          <tr><td>信息内容</td><td>数量</td></tr><tr><td>规章</td><td>9</td></tr><tr><td>合计</td><td>1237</td></tr></table>
        <p>二、主动公开政府信息情况</p>
        <table><tr><td colspan="2">第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>26</td></tr></table>
        <p>四、政府信息公开行政复议、行政诉讼情况</p>
        <table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr>${'<td>0</td>'.repeat(15)}</tr></table>`),
    );
    expect(ex.figures.get('active.licensing.decisions')!.value).toBe(26);
    expect(ex.figures.get('appeals.review.upheld')!.value).toBe(0);
    expect([...ex.figures.keys()].filter((k) => !k.startsWith('appeals.'))).toEqual(['active.licensing.decisions']);
  });

  it('does not read a table of the report’s own, headed by labels of no national table, under section 二', () => {
    const { ex } = readHtml(
      html(`<p>二、主动公开政府信息情况</p>
        <table><tr><td>类别</td><td>数量</td></tr><tr><td>规章</td><td>5</td></tr><tr><td>行政许可</td><td>700</td></tr></table>
        <table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
          <tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table>`),
    );
    expect(values(ex)).toEqual({ 'active.rules.issued': 0, 'active.rules.repealed': 0, 'active.rules.inForce': 3 });
  });

  it('opens 表四 by a label only it has when its heading is missing', () => {
    const { ex } = readHtml(
      html(`<table>
        <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
        <tr><td colspan="5">&nbsp;</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
        <tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(3)}</tr>
        <tr>${'1 0 0 0 1 0 0 0 0 0 0 2 0 0 2'.split(' ').map((f) => `<td>${f}</td>`).join('')}</tr></table>`),
    );
    expect(values(ex)).toMatchObject({ 'appeals.review.upheld': 1, 'appeals.review.total': 1, 'appeals.suitAfterReview.corrected': 2 });
    expect(ex.figures.size).toBe(15);
  });

  it('keeps the first reading when a page shows a table twice', () => {
    const table = (n: string) => `<table>${HEAD3}${row7('一、本年新收政府信息公开申请数量', `${n} 0 0 0 0 0 ${n}`)}</table>`;
    const { ex, doc } = readHtml(html(table('4') + table('9')));
    expect(ex.figures.get('requests.newReceived.natural')).toMatchObject({ value: 4, cell: { table: 0 } });
    expect(ex.figures.get('requests.newReceived.natural')!.cell.element).toBe(doc.querySelectorAll('table')[0]!.querySelectorAll('tr')[3]!.children[1]);
  });

  it('takes a table’s title row for its section’s heading', () => {
    const { ex } = readHtml(
      html(`<p>一、总体情况</p><p>本年度……</p><table>
        <tr><td colspan="4">二、主动公开政府信息情况</td></tr>
        <tr><td colspan="4">第二十条第（一）项</td></tr>
        <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
        <tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr>
      </table><p>备注：规章由市政府制定。</p>`),
    );
    expect([...ex.sections]).toEqual(['overview', 'active']);
    expect(values(ex)).toEqual({ 'active.rules.issued': 1, 'active.rules.repealed': 0, 'active.rules.inForce': 5 });
    expect(ex.notes).toEqual([{ table: 'active', text: '备注:规章由市政府制定。' }]);
    expect(ex.narrativeText).toBe('本年度……');
  });

  it('keeps a note printed in a table’s last row with that table', () => {
    const { ex } = readHtml(html(`<table>${HEAD3}${row7('一、本年新收政府信息公开申请数量', '1 0 0 0 0 0 1')}<tr><td colspan="10">注：含转办件。</td></tr></table><p>注：数据截至12月31日。</p><p>${'四、'.repeat(40)}</p><p>注：这条不在表下。</p>`));
    expect(ex.notes).toEqual([
      { table: 'requests', text: '注:含转办件。' },
      { table: 'requests', text: '注:数据截至12月31日。' },
    ]);
  });
});

describe('reading tables from saved text', () => {
  const lines = (...cells: string[]) => cells.join('\n');

  it('takes exactly the figures a row expects; empty cells inside the run are blanks, stray ones are not', () => {
    const ex = readText(
      lines(
        '三、收到和处理政府信息公开申请情况', '申请人情况 |', '||||||||', '自然人 |', '总计 |', '|||||||',
        '一、本年新收政府信息公开申请数量 |', '3 |', '|', '0 |', '0 |', '0 |', '0 |', '3 |', '||',
        '二、上年结转政府信息公开申请数量 |', '1 |', '2 |', '(一)予以公开 |', '5 |',
      ),
    );
    expect(values(ex)).toEqual({
      'requests.newReceived.natural': 3, 'requests.newReceived.commercial': null, 'requests.newReceived.research': 0,
      'requests.newReceived.nonprofit': 0, 'requests.newReceived.legal': 0, 'requests.newReceived.other': 0,
      'requests.newReceived.total': 3,
      'requests.carriedOver.natural': 1, 'requests.carriedOver.commercial': 2,
      'requests.granted.natural': 5,
    });
    expect(ex.figures.get('requests.newReceived.commercial')!.cell).toMatchObject({ table: 8, text: '' });
  });

  it('one cell per line: a row cut short keeps no figure, for its blank cells left no trace and its columns are unknown', () => {
    // As shuyang's 表三 would print in this layout: 26, five blank cells, 26.
    const page = ['三、收到和处理政府信息公开申请情况', '申请人情况', '一、本年新收政府信息公开申请数量', '26', '26', '二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0', '(一)予以公开', '5'];
    const ex = readText(page.join('\n\n'));
    expect(values(ex)).toEqual(Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c) => [`requests.carriedOver.${c}`, 0])));
    expect(ex.tablesFound).toEqual(new Set(['requests']));
  });

  it('reads rows printed one per line with tab-parted cells (innerText of a table)', () => {
    const rows = [
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t申请人情况',
      '自然人\t法人或其他组织\t总计',
      '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
      '三、本年度办理结果\t(一)予以公开\t43\t\t0\t0\t0\t0\t43',
      '(三)不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1',
      '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0',
    ];
    const ex = readText(rows.join('\n'));
    expect(values(ex)).toMatchObject({
      'requests.granted.natural': 43, 'requests.granted.commercial': null, 'requests.granted.total': 43,
      'requests.denied.stateSecret.natural': 1, 'requests.denied.stateSecret.total': 1, 'requests.denied.lawForbidden.total': 0,
    });
    expect(ex.figures.size).toBe(21);
  });

  it('uses the header to place a subtotal column, read and ignored', () => {
    const ex = readText(
      lines('申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计', '(七)总计', '1', '2', '3', '4', '5', '6', '20', '21'),
    );
    expect(values(ex)).toEqual({
      'requests.totalProcessed.natural': 1, 'requests.totalProcessed.commercial': 2, 'requests.totalProcessed.research': 3,
      'requests.totalProcessed.nonprofit': 4, 'requests.totalProcessed.legal': 5, 'requests.totalProcessed.other': 6,
      'requests.totalProcessed.total': 21,
    });
  });

  it('reads 表二 by the columns its block header names, and by the template’s when there is none', () => {
    const ex = readText(
      lines('第二十条第(八)项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '2', '-1', '第二十条第(五)项', '行政许可', '7'),
      '2021',
    );
    expect(values(ex)).toEqual({ 'active.fees.previous': 2, 'active.fees.change': -1, 'active.licensing.decisions': 7 });
  });

  it('marks a misprinted figure bad inside a run instead of ending the row', () => {
    const ex = readText(lines('(七)总计', '1', '2件以上', '0', '0', '0', '0', '3'));
    expect(ex.figures.get('requests.totalProcessed.commercial')).toMatchObject({ value: null, bad: true, raw: '2件以上' });
    expect(ex.figures.get('requests.totalProcessed.total')!.value).toBe(3);
  });

  it('a bare "总计" or "其他" in a header is a column, never a row that swallows the next cells', () => {
    const ex = readText(lines('四、政府信息公开行政复议、行政诉讼情况', '行政复议', '其他', '结果', '总计', ...'0 1 0 0 1 0 0 0 0 0 0 0 0 0 0'.split(' ')));
    expect(values(ex)).toMatchObject({ 'appeals.review.corrected': 1, 'appeals.review.total': 1, 'appeals.suitAfterReview.total': 0 });
    expect(ex.figures.size).toBe(15);
  });

  it('without any national table: the recognised template (legacy stays legacy; a 2024 report with images stays 2021)', () => {
    expect(readText(readFileSync(seed('004').file, 'utf8'), '2021').template).toBe('2021');
    expect(readText('一、概述\n本年度共主动公开信息90条。', 'legacy').template).toBe('legacy');
  });
});
