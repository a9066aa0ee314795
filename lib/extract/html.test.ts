import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlBlocks, htmlMeta, htmlPage } from './html';
import { createNormalizer, detectScript } from '../normalize';
import { buildGridWithin } from '../grid';
import type { Block } from '../types';
import { SHARED } from '../../test/fixtures/seeds';

const simplified = createNormalizer('simplified');
const page = (body: string, head = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

/** Blocks as short strings: text blocks as their text, tables as "[table N: rows×cols]". */
const outline = (blocks: Block[]) =>
  blocks.map((b) => (b.kind === 'text' ? b.cell.text : `[table ${b.grid.index}: ${b.grid.rows.length}×${b.grid.rows[0]?.length ?? 0}]`));

describe('htmlBlocks', () => {
  it('gives one block per visual paragraph, not one per span, and splits at <br>', () => {
    const doc = page(`
      <p class=MsoNormal><b><span>一、</span><span>总体</span><span>情况</span></b><o:p></o:p></p>
      <p>第一行<br>第二行</p>
      <div>开头<p>段落</p>结尾</div>
      <ul><li>甲</li><li>乙</li></ul>`);
    expect(outline(htmlBlocks(doc, simplified))).toEqual(['一、总体情况', '第一行', '第二行', '开头', '段落', '结尾', '甲', '乙']);
  });

  it('keeps the paragraph element and the normalised text with each text block', () => {
    const doc = page('<p id="h"><strong>五、存在的主要问题及</strong><span>整改措施</span></p>');
    const [block] = htmlBlocks(doc, simplified);
    expect(block).toMatchObject({ kind: 'text', cell: { text: '五、存在的主要问题及整改措施', norm: '五、存在的主要问题及整改措施', table: -1, row: 0, col: 0 } });
    expect(block!.kind === 'text' && block!.cell.element!.id).toBe('h');
  });

  it('skips scripts, styles, templates, forms and elements hidden inline', () => {
    const doc = page(`
      <script>var a = "一、总体情况";</script><style>p{}</style><noscript>请启用</noscript><template><p>模板</p></template>
      <p style="color:red; display: none">隐藏</p><div hidden>也隐藏</div><p style="visibility:hidden">看不见</p>
      <select><option>选项</option></select><p>正文</p>`);
    expect(outline(htmlBlocks(doc, simplified))).toEqual(['正文']);
  });

  it('reads data tables as grids in reading order, indexed like querySelectorAll("table")', () => {
    const doc = page(`
      <p>二、主动公开政府信息情况</p>
      <table><caption>表二</caption><tr><td>规章</td><td>0</td></tr></table>
      <p>三、收到和处理政府信息公开申请情况</p>
      <table style="display:none"><tr><td>隐藏表</td></tr></table>
      <table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr></table>`);
    const blocks = htmlBlocks(doc, simplified);
    expect(outline(blocks)).toEqual(['二、主动公开政府信息情况', '表二', '[table 0: 1×2]', '三、收到和处理政府信息公开申请情况', '[table 2: 1×3]']);
    const last = blocks[4]!;
    expect(last.kind === 'table' && last.grid.element).toBe(doc.querySelectorAll('table')[2]);
  });

  it('reads through layout tables: their text flows as paragraphs, their inner tables become grids', () => {
    const doc = page(`
      <table class="frame"><tr><td>网站首页</td><td>
        <p>一、总体情况</p><p>本年度……</p>
        <table><tr><td>行政许可</td><td>26493</td></tr></table>
        <p>注：单位为件。</p>
      </td></tr></table>`);
    expect(outline(htmlBlocks(doc, simplified))).toEqual(['网站首页', '一、总体情况', '本年度……', '[table 1: 1×2]', '注：单位为件。']);
  });

  it('reads through a CMS frame whose cell holds the article: its paragraphs become text blocks', () => {
    const article = Array.from({ length: 4 }, (_, i) => `<p>${'本机关认真贯彻落实政府信息公开条例。'.repeat(6)}${i}</p>`).join('');
    const doc = page(`<table><tr><td>网站首页</td></tr><tr><td><p>一、总体情况</p>${article}</td></tr></table>`);
    const blocks = htmlBlocks(doc, simplified);
    expect(blocks.every((b) => b.kind === 'text')).toBe(true);
    expect(outline(blocks).slice(0, 3)).toEqual(['网站首页', '一、总体情况', `${'本机关认真贯彻落实政府信息公开条例。'.repeat(6)}0`]);
    expect(blocks[1]!.kind === 'text' && blocks[1]!.cell.element!.localName).toBe('p');
  });

  it('reads a saved fragment (no <html>, several top-level nodes) and an empty document', () => {
    const fragment = parseHTML('<p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table><p>注：无。</p>').document;
    expect(outline(htmlBlocks(fragment, simplified))).toEqual(['一、总体情况', '[table 0: 1×2]', '注：无。']);
    expect(htmlBlocks(parseHTML('').document, simplified)).toEqual([]);
  });

  it('reads a real CMS page: the article paragraphs, its three tables, and the chrome around them', () => {
    const html = readFileSync(path.join(SHARED, 'corpus', 'pingtan-2024.html'), 'utf8');
    const doc = parseHTML(html).document;
    const blocks = htmlBlocks(doc, createNormalizer(detectScript(doc.body.textContent ?? '')));
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables.map((b) => b.kind === 'table' && [b.grid.index, b.grid.rows.length, b.grid.rows[0]!.length])).toEqual([
      [0, 14, 4],
      [1, 28, 10],
      [2, 4, 15],
    ]);
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.cell.norm] : []));
    expect(texts).toContain('一、总体情况');
    expect(texts).toContain('六、其他需要报告的事项');
    expect(texts).toContain('扫一扫在手机上查看当前页面');
    // Nothing from the page's scripts.
    expect(texts.some((t) => t.includes('function'))).toBe(false);
  });
});

describe('htmlMeta', () => {
  it('reads <title> and every <meta name>, the first of each name, in plain normalised form', () => {
    const doc = page(
      '<div><meta name="ColumnName" content="头部"><title>沭阳县人民政府</title></div>',
      `<title>平潭综合实验区２０２４年度政府信息公开工作年度报告_政府信息公开年报</title>
       <meta name="ArticleTitle" content="平潭综合实验区2024年度政府信息公开工作年度报告">
       <meta name="PubDate" content=" 2025-03-10 15:35 "><meta name="ColumnName" content="政府信息公开年报">
       <meta name="Author" content=""><meta charset="utf-8"><meta property="og:title" content="x">`,
    );
    expect(htmlMeta(doc, 'https://www.pingtan.gov.cn/a.htm', simplified)).toEqual({
      title: '平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报',
      metas: {
        ArticleTitle: '平潭综合实验区2024年度政府信息公开工作年度报告',
        PubDate: '2025-03-10 15:35',
        ColumnName: '政府信息公开年报',
      },
      source: 'https://www.pingtan.gov.cn/a.htm',
    });
  });

  it('gives title null when the page has none', () => {
    expect(htmlMeta(page('<p>正文</p>'), 'x.html', simplified)).toEqual({ title: null, metas: {}, source: 'x.html' });
  });

  it('simplifies a traditional page’s title and drops romanisation', () => {
    const doc = page('', '<title>2024年政府信息公開(kāi)工作年度報(bào)告</title>');
    expect(htmlMeta(doc, 'x', createNormalizer('traditional')).title).toBe('2024年政府信息公开工作年度报告');
  });
});

describe('htmlPage on huge and deep pages', () => {
  it('reads a table over the cell cap in part and lists it as unreadable, with the reason', () => {
    const spans = '<tr><td rowspan="65534" colspan="1000">1</td></tr>'.repeat(40);
    const read = htmlPage(page(`<p>一、总体情况</p><table><tr><td>甲</td><td>乙</td></tr>${spans}</table>`), 'x.html', simplified);
    expect(outline(read.blocks)).toEqual(['一、总体情况', '[table 0: 1×2]']);
    expect(read.unreadable).toEqual([{
      table: null,
      reason: '表格过大（超过 20000 个单元格），只读取了前 2 个',
      reasonEn: 'a table too large (over 20000 cells): only its first 2 were read',
    }]);
    expect(read).toMatchObject({ form: 'html', script: 'simplified', meta: { source: 'x.html' } });
  });

  it('stops reading tables once the page cap is spent, and says so once', () => {
    const full = `<table>${'<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>'.repeat(5000)}</table>`;
    const read = htmlPage(page(full.repeat(11)), 'x.html', simplified);
    expect(outline(read.blocks)).toEqual(Array.from({ length: 10 }, (_, i) => `[table ${i}: 5000×4]`));
    expect(read.unreadable.map((u) => u.reason)).toEqual(['页面表格过大（合计超过 200000 个单元格），其后的表格未能完整读取']);
  }, 60_000);

  it('reads the first 1000 tables of a page of more, and says so once', () => {
    const read = htmlPage(page('<table><tr><td>1</td></tr></table>'.repeat(1002)), 'x.html', simplified);
    expect(read.blocks).toHaveLength(1000);
    expect(read.unreadable.map((u) => u.reason)).toEqual(['页面表格过多（超过 1000 个），其后的表格未读取']);
  });

  it('keeps at most the cell cap of rows, also rows without cells', () => {
    const built = buildGridWithin(page(`<table>${'<tr>'.repeat(30)}</table>`).getElementsByTagName('table')[0]!, 0, simplified, 20);
    expect(built).toMatchObject({ truncated: true, cells: 0 });
    expect(built.grid.rows).toHaveLength(20);
  });

  it('reads text and tables nested 20,000 elements deep (recursion overflowed the stack)', () => {
    const doc = page(`${'<div>'.repeat(20_000)}正文<table><tr><td>${'<span>'.repeat(20_000)}1</td></tr></table>`);
    expect(outline(htmlBlocks(doc, simplified))).toEqual(['正文', '[table 0: 1×1]']);
  }, 60_000);
});
