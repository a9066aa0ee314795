// Pure queries over loaded snapshots: filters of the Snapshots page, comparison of two versions,
// and one agency's reports year by year.
import { countOf, type Finding, type Report } from '../../lib/report/schema';
import { figureKeys } from '../../lib/report/keys';
import { cellLabel } from '../../lib/formats/labels';
import { reportValue } from '../../lib/checks/figures';
import { canonicalJson } from './hash';
import type { Snapshot } from './schema';

export const VERDICTS = ['errors', 'warnings', 'ok'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What the verdict is read from: a report, or a snapshot's summary in the index (./catalog.ts). */
type WithFindings = { findings: readonly { severity: Finding['severity'] }[] };

/** What the list's filters read: a whole snapshot, or its summary in the index. */
export interface Listed {
  url: string;
  title: string | null;
  flags: readonly { note: string }[];
  report: WithFindings & Pick<Report, 'agency' | 'year' | 'title'>;
}

export { countOf };

/** errors if any error, else warnings if any warning, else ok (infos do not count against a report). */
export function verdictOf(report: WithFindings): Verdict {
  if (countOf(report, 'error') > 0) return 'errors';
  return countOf(report, 'warning') > 0 ? 'warnings' : 'ok';
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export interface SnapshotFilter {
  agency?: string;
  year?: number;
  host?: string;
  verdict?: Verdict;
  /** Words that must all appear in the agency, titles, URL or flag notes (case-insensitive). */
  text?: string;
}

export function filterSnapshots<T extends Listed>(snapshots: readonly T[], filter: SnapshotFilter): T[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return snapshots.filter((s) => {
    if (filter.agency !== undefined && s.report.agency !== filter.agency) return false;
    if (filter.year !== undefined && s.report.year !== filter.year) return false;
    if (filter.host !== undefined && hostOf(s.url) !== filter.host) return false;
    if (filter.verdict !== undefined && verdictOf(s.report) !== filter.verdict) return false;
    if (words.length === 0) return true;
    const haystack = [s.report.agency, s.report.title, s.title, s.url, ...s.flags.map((f) => f.note)].join('\n').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The values the filters can take, sorted, for the page's selects. */
export function facets(snapshots: readonly Listed[]) {
  const distinct = <T,>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null && v !== ''))];
  return {
    agencies: distinct(snapshots.map((s) => s.report.agency)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: distinct(snapshots.map((s) => s.report.year)).sort((a, b) => b - a),
    hosts: distinct(snapshots.map((s) => hostOf(s.url))).sort(),
  };
}

export interface FigureChange {
  key: string;
  /** Blank and absent both read as null. */
  before: number | null;
  after: number | null;
  label: string;
  labelEn: string;
}

/** The figure keys a report can have, in table order (both templates when the two differ). */
const keysOf = (...reports: Report[]) => [...new Set(reports.flatMap((r) => figureKeys(r.template)))];

/** A finding's identity across two analyses: what it says about which cells, not its wording. */
const findingId = (f: Finding) => canonicalJson([f.rule, f.cells, f.expected, f.actual, f.section]);

/** What changed from `a` (before) to `b` (after): figures, and findings added or removed. */
export function compareSnapshots(a: Snapshot, b: Snapshot) {
  const figures: FigureChange[] = [];
  for (const key of keysOf(a.report, b.report)) {
    const before = reportValue(a.report, key) ?? null;
    const after = reportValue(b.report, key) ?? null;
    if (before !== after) figures.push({ key, before, after, label: cellLabel(key, 'zh'), labelEn: cellLabel(key, 'en') });
  }
  const beforeIds = new Set(a.report.findings.map(findingId));
  const afterIds = new Set(b.report.findings.map(findingId));
  return {
    figures,
    findingsAdded: b.report.findings.filter((f) => !beforeIds.has(findingId(f))),
    findingsRemoved: a.report.findings.filter((f) => !afterIds.has(findingId(f))),
  };
}

/** The totals an agency's reports are compared by, year by year. */
export const KEY_TOTALS = [
  'requests.newReceived.total',
  'requests.carriedOver.total',
  'requests.totalProcessed.total',
  'requests.carriedForward.total',
  'appeals.review.total',
  'appeals.suitDirect.total',
  'appeals.suitAfterReview.total',
  'active.normativeDocs.inForce',
] as const;

export interface AgencyYear {
  year: number;
  /** The latest saved snapshot of that year. */
  snapshot: Snapshot;
  /** KEY_TOTALS → figure (null: blank, or not in this report's template). */
  totals: Record<(typeof KEY_TOTALS)[number], number | null>;
}

/** One agency's reports, one per year (the latest saved), oldest year first. */
export function agencyYears(snapshots: readonly Snapshot[], agency: string): AgencyYear[] {
  const byYear = new Map<number, Snapshot>();
  for (const s of snapshots) {
    if (s.report.agency !== agency || s.report.year === null) continue;
    const kept = byYear.get(s.report.year);
    if (!kept || s.savedAt > kept.savedAt) byYear.set(s.report.year, s);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, snapshot]) => ({
      year,
      snapshot,
      totals: Object.fromEntries(KEY_TOTALS.map((k) => [k, reportValue(snapshot.report, k) ?? null])) as AgencyYear['totals'],
    }));
}
