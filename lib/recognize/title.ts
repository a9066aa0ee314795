// Report titles: "{机关}{YYYY}年(度)政府信息公开(工作)年度报告", also "…年报", "…工作2020年度报告",
// "…年度报告(2020年)", and the year first ("2020年XX区…"). Sites append their name after a separator:
// "…-沭阳县发改局", "…_政府信息公开年报_平潭综合实验区党工委管委会".
import { issuerBeforeDisclosure } from './agency';

export interface ReportTitle {
  title: string;
  agency: string | null;
  year: number | null;
}

const SITE_SEPARATOR = /[_|｜]|[-–—]+/;
// Anchored at the end: "关于做好…年度报告编制工作的通知" and "…年度报告解读" are not reports.
const REPORT_TITLE =
  /^(.*?)政府信息公开(?:工作)?(?:((?:19|20)\d{2})年度?)?(?:年度)?(?:报告|年报)(?:\(((?:19|20)\d{2})年?度?\))?$/;
const YEAR_IN_PREFIX = /((?:19|20)\d{2})年?度?/g;

export function plausibleYear(y: number): boolean {
  return y >= 2007 && y <= 2100;
}

function parseSegment(segment: string): ReportTitle | null {
  const m = REPORT_TITLE.exec(segment);
  if (!m) return null;
  // A breadcrumb or label before the title ("当前位置:首页>…>") is not part of the name.
  let prefix = m[1]!.replace(/^.*[:>»]/, '');
  let year = Number(m[2] ?? m[3] ?? NaN);
  for (const y of prefix.matchAll(YEAR_IN_PREFIX)) year = Number(y[1]);
  prefix = prefix.replace(YEAR_IN_PREFIX, '').replace(/^关于|关于$|的$/g, '');
  const agency = prefix ? issuerBeforeDisclosure(prefix) : null;
  return { title: segment, agency, year: plausibleYear(year) ? year : null };
}

/**
 * Reads a title (normalised: simplified, ASCII, no whitespace) as a report title; null when it is
 * not one. The site's suffix is dropped from `title`.
 */
export function parseReportTitle(text: string): ReportTitle | null {
  for (const segment of text.split(SITE_SEPARATOR)) {
    const parsed = parseSegment(segment);
    if (parsed) return parsed;
  }
  return null;
}

/** The title without the site's suffix: the first segment that says something. */
export function firstSegment(text: string): string | null {
  return text.split(SITE_SEPARATOR).find((s) => s.length > 0) ?? null;
}

/** A heading broken after its year ("鹤岗市人民政府办公室2024年" / "政府信息公开工作年度报告"). */
export const ENDS_WITH_YEAR = /(?:19|20)\d{2}年?度?$/;
