// Recognition: is this page a 政府信息公开工作年度报告, of which body and year, published when?
// Everything is read from normalised text (simplified, ASCII digits, no whitespace: Cell.norm), so
// traditional pages, romanisation and spans that split "20 23" read like any other page.
import type { Block, PageMeta, Recognition } from '../types';
import type { TemplateId } from '../report/keys';
import type { SectionId } from '../report/schema';
import type { Normalizer } from '../normalize';
import { agencyFromBody, agencyKindOf } from './agency';
import { withoutCitations } from './citations';
import { dateFromMetas, dateFromTop } from './dates';
import { sectionOf } from '../formats';
import { ENDS_WITH_YEAR, firstSegment, parseReportTitle, plausibleYear, type ReportTitle } from './title';

export { agencyKindOf } from './agency';
export { parseReportTitle } from './title';

/** The format a report of this year should follow (spec §1): T2021 from 2021, T2019 for 2019–2020. */
export function templateOf(year: number | null): TemplateId {
  if (year === null) return 'unknown';
  return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
}

/**
 * The publication deadline (spec §1, 条例 art. 49): departments by 31 January of Y+1, whole
 * governments by 31 March; before 2019 everyone by 31 March. Null when the year, or (from 2019)
 * the kind of body, is unknown.
 */
export function deadlineOf(rec: Pick<Recognition, 'year' | 'agencyKind'>): string | null {
  if (rec.year === null) return null;
  if (rec.year < 2019) return `${rec.year + 1}-03-31`;
  if (rec.agencyKind === null) return null;
  return rec.agencyKind === 'department' ? `${rec.year + 1}-01-31` : `${rec.year + 1}-03-31`;
}

// Meta fields that carry the article's own title, best first; <title> (with the site's suffix) last.
const TITLE_METAS = ['ArticleTitle', 'articletitle', '标题', 'title', 'Title'];
// Short lines only: a report title is a heading, not a paragraph that cites the report format.
const MAX_HEADING = 60;
// A page listing this many different report titles, and built like no report, lists reports.
const LIST_TITLES = 3;

const STATISTICS_PERIOD = /统计(?:期限|时限|时间|期间|区间|周期)[^。;]{0,12}?((?:19|20)\d{2})年(?:度|\d{1,2}月)/;
const CITES_FORMAT = /统计(?:期限|时限)|年度报告格式|国办公开办函/;
const REPORT_MENTION = /((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const CITATION_BRACKETS = { '《': '》', '〈': '〉' };
const LEADING_YEAR = /^((?:19|20)\d{2})年度?(?:,|以来)/;

interface Survey {
  sections: Set<SectionId>;
  /** Index of the first section heading (the end of the page's top), or -1. */
  firstSection: number;
  /** Index of the first heading after section 一: preamble and section 一 end there. */
  narrativeEnd: number;
  /** Titles read from the headings above the first section, with the block they start at. */
  headingTitles: { parsed: ReportTitle; at: number }[];
  /** Different report titles among the page's short lines (a list page has many). */
  distinctTitles: number;
}

function survey(blocks: readonly Block[]): Survey {
  const sections = new Set<SectionId>();
  let firstSection = -1;
  let narrativeEnd = blocks.length;
  const titles = new Set<string>();
  blocks.forEach((block, i) => {
    if (block.kind !== 'text') return;
    const norm = block.cell.norm;
    const section = sectionOf(norm);
    if (section) {
      sections.add(section);
      if (firstSection < 0) firstSection = i;
      if (section !== 'overview' && narrativeEnd === blocks.length) narrativeEnd = i;
    }
    if (norm.length <= MAX_HEADING && norm.includes('信息公开')) {
      const parsed = parseReportTitle(norm);
      if (parsed?.year) titles.add(parsed.title);
    }
  });
  const top = firstSection >= 0 ? firstSection : blocks.length;
  const headingTitles: Survey['headingTitles'] = [];
  for (let i = 0; i < top; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'text' || block.cell.norm.length > MAX_HEADING) continue;
    const norm = block.cell.norm;
    const next = blocks[i + 1];
    const joined = ENDS_WITH_YEAR.test(norm) && next?.kind === 'text' ? parseReportTitle(norm + next.cell.norm) : null;
    const parsed = joined ?? parseReportTitle(norm);
    if (parsed) headingTitles.push({ parsed, at: i });
  }
  return { sections, firstSection, narrativeEnd, headingTitles, distinctTitles: titles.size };
}

function firstMatch(texts: readonly string[], pattern: RegExp): RegExpExecArray | null {
  for (const text of texts) {
    const m = pattern.exec(text);
    if (m) return m;
  }
  return null;
}

/** The report year from the body: the statistics period, a mention of the report, section 一's first words. */
function yearFromBody(texts: readonly string[], blocks: readonly Block[], s: Survey): number | null {
  const outsideCitations = texts.map((t) => withoutCitations(t, CITATION_BRACKETS, ''));
  const m = firstMatch(texts, STATISTICS_PERIOD) ?? firstMatch(outsideCitations, REPORT_MENTION);
  if (m) return Number(m[1]);
  if (s.firstSection < 0) return null;
  const lead = blocks.slice(s.firstSection + 1, s.narrativeEnd).find((b) => b.kind === 'text');
  const y = lead?.kind === 'text' ? LEADING_YEAR.exec(lead.cell.norm) : null;
  return y ? Number(y[1]) : null;
}

export function recognize(meta: PageMeta, blocks: Block[], normalizer: Normalizer): Recognition {
  const s = survey(blocks);

  const metaTitles = [...TITLE_METAS.map((name) => meta.metas[name]), meta.title]
    .filter((t): t is string => !!t && t.trim() !== '')
    .map((t) => normalizer.label(t));
  const fromMetas = metaTitles.map(parseReportTitle).filter((t): t is ReportTitle => t !== null);

  const citesFormat = blocks
    .slice(0, s.narrativeEnd)
    .some((b) => b.kind === 'text' && CITES_FORMAT.test(b.cell.norm));
  const builtLikeReport = s.sections.size >= 2 || citesFormat;
  // Many report titles and no report structure: an index of reports (a report may link to others).
  const isList = s.distinctTitles >= LIST_TITLES && !builtLikeReport;
  // A report title among the lines counts only on a page built like a report: elsewhere it is a link.
  const headings = builtLikeReport ? s.headingTitles : [];
  const fromHeadings = headings.map((h) => h.parsed);
  const all = [...fromMetas, ...fromHeadings];
  const chosen = all.find((t) => t.year) ?? all[0] ?? null;
  const isReport =
    (citesFormat && s.sections.size >= 3) ||
    (!isList && fromMetas.length > 0 && (fromMetas.some((t) => t.year) || builtLikeReport)) ||
    fromHeadings.length > 0;

  // Body text of the report: from its title heading (not the site's navigation) to the end of section 一.
  const texts = blocks
    .slice(headings[0]?.at ?? 0, s.narrativeEnd)
    .flatMap((b) => (b.kind === 'text' ? [b.cell.norm] : []));

  // The title's year is the report year; publication (in Y+1) never is.
  const stated = chosen?.year ?? yearFromBody(texts, blocks, s);
  const year = stated !== null && plausibleYear(stated) ? stated : null;
  const agency = chosen?.agency ?? all.find((t) => t.agency)?.agency ?? agencyFromBody(texts);

  const top = blocks.slice(0, s.firstSection >= 0 ? s.firstSection : Math.min(blocks.length, 80));
  const published = dateFromMetas(meta.metas) ?? dateFromTop(top, normalizer.plain);
  // Published before the report year began is not this report's publication.
  const publishedAt = published && year !== null && Number(published.slice(0, 4)) < year ? null : published;

  return {
    isReport,
    template: templateOf(year),
    script: normalizer.script,
    title: chosen?.title ?? (metaTitles.length ? firstSegment(metaTitles[0]!) : null),
    agency,
    agencyKind: agencyKindOf(agency),
    year,
    publishedAt,
  };
}
