// @vitest-environment happy-dom
// The popup in Chinese (the real-browser tests run in Chromium's English): what it says of the tab,
// and "always check this site", whose permission prompt headless Chromium cannot answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from './Popup';
import { useLocale } from '../../components/testing/i18n';
import type { Message, Verdict } from '../../utils/messages';

let root: HTMLElement;
/** What the fake background received, in order. */
let received: Message[];
let verdict: Verdict | null;

const REPORT: Verdict = { isReport: true, errors: 7, warnings: 1, infos: 2, agency: '盘锦市双台子区人民政府办公室', year: 2023 };

beforeEach(async () => {
  fakeBrowser.reset();
  await useLocale('zh_CN');
  received = [];
  verdict = null;
  fakeBrowser.runtime.onMessage.addListener((message: Message, _sender, sendResponse) => {
    received.push(message);
    if (message.type === 'gkl:get-verdict') sendResponse(verdict);
    else if (message.type === 'gkl:check-tab') sendResponse({ ok: true });
    else return;
    return true;
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(url: string): Promise<number> {
  const { id } = await fakeBrowser.tabs.create({ url });
  await act(async () => {
    render(<Popup tabId={id!} />, root);
  });
  await act(() => new Promise((r) => setTimeout(r, 20)));
  return id!;
}

const text = (selector: string) => root.querySelector(selector)?.textContent;
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('Popup', () => {
  it('shows the verdict in Chinese: agency, year and counts', async () => {
    verdict = REPORT;
    await show('http://www.shuangtaizi.gov.cn/zwgk/zfxxgknb/202401/t20240126_001.html');
    expect(text('h1')).toBe('公开年报核对');
    expect(text('.report-name')).toBe('盘锦市双台子区人民政府办公室 · 2023 年度');
    expect([...root.querySelectorAll('.counts li')].map((li) => li.textContent)).toEqual(['7 处错误', '1 处提醒', '2 条说明']);
    // A checked report: its panel is shown, not checked again.
    expect(text('button.check')).toBe('显示核对面板');
    expect(button('总是检查 www.shuangtaizi.gov.cn 上的年报')).toBeUndefined();
  });

  it('says a clean report has no problems; a page without verdict, why nothing was checked', async () => {
    verdict = { ...REPORT, errors: 0, warnings: 0, agency: null, year: null };
    await show('http://www.xjjh.gov.cn/a.html');
    expect(text('.report-name')).toBe('未识别出发布机关 · 年份未知');
    expect(text('.count.clean')).toBe('未发现问题');
    verdict = null;
    render(null, root);
    await show('http://news.example.com/');
    expect(text('section p')).toBe('news.example.com 不在 gov.cn，此页没有自动核对。如是年报，请点“检查此页”。');
    expect(text('button.check')).toBe('检查此页');
    render(null, root);
    await show('http://www.hegang.gov.cn/xwzx/a.html');
    expect(text('section p')).toBe('已自动查看过此页：它不像政府信息公开工作年度报告。如确是年报，请点“检查此页”。');
  });

  it('takes the verdict as soon as the analyzer of its tab sends it', async () => {
    const tabId = await show('http://10.1.2.3/gknb/2023/a.html');
    const onMessage = fakeBrowser.runtime.onMessage;
    await act(async () => {
      await onMessage.trigger({ type: 'gkl:verdict', verdict: REPORT }, { tab: { id: tabId + 1 } } as never, () => {});
    });
    expect(root.querySelector('.counts')).toBeNull();
    await act(async () => {
      await onMessage.trigger({ type: 'gkl:verdict', verdict: REPORT }, { tab: { id: tabId } } as never, () => {});
    });
    expect(text('.counts li')).toBe('7 处错误');
  });

  it('asks for the site inside the click, then checks the page', async () => {
    const request = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request });
    const tabId = await show('http://10.1.2.3/gknb/2023/a.html');
    const always = button('总是检查 10.1.2.3 上的年报')!;
    act(() => always.click());
    // Synchronously, in the click: a prompt requested after an await would be refused.
    expect(request).toHaveBeenCalledWith({ origins: ['http://10.1.2.3/*'] });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(received).toContainEqual({ type: 'gkl:check-tab', tabId });
    expect(text('[role=status]')).toBe('已设为总是检查 10.1.2.3。');
  });

  it('changes nothing when the reader declines', async () => {
    Object.assign(fakeBrowser.permissions, { request: async () => false });
    const tabId = await show('http://10.1.2.3/gknb/2023/a.html');
    await act(async () => button('总是检查 10.1.2.3 上的年报')!.click());
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(received).not.toContainEqual({ type: 'gkl:check-tab', tabId });
    expect(text('[role=status]')).toBe('没有得到访问 10.1.2.3 的许可，未作更改。');
  });

  it('labels every setting for screen readers', async () => {
    await show('http://www.hegang.gov.cn/');
    const labels = [...root.querySelectorAll('label')].map((l) => [l.textContent, l.querySelector('select, input')?.localName]);
    expect(labels).toEqual([
      ['在 www.hegang.gov.cn 上隐藏核对标签（快捷键仍可打开面板）', 'input'],
      ['从不检查 www.hegang.gov.cn', 'input'],
      ['核对面板的位置右下角左下角右上角左上角右侧侧栏左侧侧栏', 'select'],
      ['在页面上标出有问题的单元格', 'input'],
      ['自动保存看过的年报', 'input'],
    ]);
    expect(root.querySelector('section')!.getAttribute('aria-labelledby')).toBe('page-heading');
    expect(text('#page-heading')).toBe('当前页面');
  });
});
