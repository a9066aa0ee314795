// @vitest-environment happy-dom
// Which report file a page links or embeds, and which one the pill offers to read.
import { describe, expect, it } from 'vitest';
import { findAttachments, reportAttachment } from './attachment';

function page(body: string, url = 'http://www.huaian.gov.cn/zwgk/ndbg/202502/t20250225_1.html'): Document {
  const doc = document.implementation.createHTMLDocument('');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.append(base);
  doc.body.innerHTML = body;
  return doc;
}

describe('findAttachments', () => {
  it('links, iframes, embeds and objects to PDF/DOC/DOCX, resolved and each once, in page order', () => {
    const doc = page(`
      <p>附件：<a href="P020250225.pdf"> 2024年 年度报告.pdf </a></p>
      <a href="/files/table.DOCX">表格</a>
      <a href="P020250225.pdf">下载</a>
      <a href="/news/1.html">新闻</a>
      <a href="mailto:x@huaian.gov.cn">邮件</a>
      <iframe src="https://cdn.huaian.gov.cn/view/report.pdf"></iframe>
      <embed src="old.doc">
      <object data="/p/annual.pdf?v=2"></object>`);
    expect(findAttachments(doc)).toEqual([
      { url: 'http://www.huaian.gov.cn/zwgk/ndbg/202502/P020250225.pdf', name: '2024年 年度报告.pdf' },
      { url: 'http://www.huaian.gov.cn/files/table.DOCX', name: '表格' },
      { url: 'https://cdn.huaian.gov.cn/view/report.pdf', name: 'report.pdf' },
      { url: 'http://www.huaian.gov.cn/zwgk/ndbg/202502/old.doc', name: 'old.doc' },
      { url: 'http://www.huaian.gov.cn/p/annual.pdf?v=2', name: 'annual.pdf' },
    ]);
  });
});

describe('reportAttachment', () => {
  it('the file named as an annual report, by its link text or its address', () => {
    expect(reportAttachment(page('<a href="a.pdf">解读图示</a><a href="b.pdf">2024年政府信息公开工作年度报告</a>'))?.name).toBe('2024年政府信息公开工作年度报告');
    expect(reportAttachment(page('<a href="a.pdf">图解</a><a href="/gknb/年报2024.pdf">下载</a>'))?.url).toBe('http://www.huaian.gov.cn/gknb/%E5%B9%B4%E6%8A%A52024.pdf');
  });

  it('the only file when none is named; none among several unnamed ones, and none at all', () => {
    expect(reportAttachment(page('<a href="P0202.pdf">附件1</a>'))?.name).toBe('附件1');
    expect(reportAttachment(page('<a href="a.pdf">附件1</a><a href="b.pdf">附件2</a>'))).toBeNull();
    expect(reportAttachment(page('<a href="a.html">正文</a>'))).toBeNull();
  });
});
