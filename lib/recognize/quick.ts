// The always-on check, run on every *.gov.cn page by the tiny detector: is this page worth
// injecting the analyzer into? No imports (no opencc, no normalizer), so the forms are spelled out:
// simplified, traditional (公開, 報告) and romanised by site converters (公開(kāi), 報(bào)告).
// A miss hides the tool, a false alarm only costs an injection; recognize() makes the final call.

// Pinyin left after a character by 繁體 converters (公開(kāi)), and spaces.
const NOISE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)|\s+/g;
const DISCLOSURE = /政府信息公[开開]|信息公[开開]/;
// Ends as a report title ends ("…年度报告", "…年报", "…工作报告(2020年)"); a notice about
// reports ("关于做好…年度报告…的通知") or an interpretation ("…年度报告解读") does not.
const REPORT_END = /(?:年度|工作)?[报報]告(?:[(（](?:19|20)\d\d年?度?[)）])?$|年[报報]$/;
const YEAR = /(?:19|20)\d\d/;
// Section 三 of the national format names itself exactly; it heads nothing else.
const SECTION_THREE = /收到和[处處]理政府信息公[开開]申[请請]/;
// Paths are lower-cased once instead of /i regexes: compiling those showed up in the detector's cost.
const PATH_HINT = /gknb|ndbg/;
// An index of reports ("/zfxxgknb/", "index_2.html", "list.shtml") lists reports; it is not one.
const LIST_PATH = /\/$|\/(?:index|list|default)(?:_\d+)?\.\w+$/;

/**
 * Most gov pages are not reports and mention neither 报告/年报 nor section 三: plain string searches
 * turn them away before a single regex is compiled (the first compile is most of the check's cost).
 */
function mayNameReport(text: string): boolean {
  // 報( is 報(bào)告 as site converters romanise it; a bare 告 would let every 公告 through.
  return text.includes('报告') || text.includes('報告') || text.includes('報(') || text.includes('年报') || text.includes('年報') || text.includes('收到和');
}

function clean(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(NOISE, '');
}

/** A title or heading that names a report of one year: "{机关}2024年政府信息公开工作年度报告". */
function reportTitle(text: string): boolean {
  return text.split(/[_|｜\-–—]+/).some((s) => DISCLOSURE.test(s) && REPORT_END.test(s) && YEAR.test(s));
}

export function looksLikeReport(page: { title: string; headings: string[]; path: string }): boolean {
  const path = page.path.toLowerCase();
  const pathHint = PATH_HINT.test(path);
  if (!pathHint && !mayNameReport(page.title) && !page.headings.some(mayNameReport)) return false;
  const title = clean(page.title);
  if (reportTitle(title)) return true;
  // The detector caps how many headings it collects; section 三 may come after dozens of them.
  const headings = page.headings.map(clean);
  // A title broken over two headings ("鹤岗市人民政府办公室2024年" / "政府信息公开工作年度报告").
  if (headings.some((h, i) => reportTitle(h) || reportTitle(h + (headings[i + 1] ?? '')))) return true;
  if (headings.some((h) => SECTION_THREE.test(h))) return true;
  // A report's address with a title that mentions disclosure or reports but lost its year.
  return pathHint && !LIST_PATH.test(path) && (DISCLOSURE.test(title) || /年[报報]|[报報]告/.test(title));
}
