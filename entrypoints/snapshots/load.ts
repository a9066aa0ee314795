// What the Snapshots page reads, and when: its list, filters, sort and coverage from the index's
// summaries (listSummaries: one read, whatever the number saved); whole snapshots only for what
// needs their tables: the view of one, a comparison, an agency's totals, an export, and the
// "what changed" of a page saved more than once (its versions only, remembered between reloads).
import { useEffect, useRef, useState } from 'preact/hooks';
import { compareSnapshots, getSnapshots, type Snapshot, type SnapshotSummary } from '../../utils/snapshots';

/** A snapshot's identity and version: an "updated" save keeps the id and changes `updatedAt`. */
export const stampOf = (s: Pick<SnapshotSummary, 'id' | 'savedAt' | 'updatedAt'>) => `${s.id}@${s.updatedAt ?? s.savedAt}`;

/** What changed since the page's previous saved version, as the list says it. */
export type VersionChange = { kind: 'first' } | { kind: 'figures'; count: number } | { kind: 'findings' } | { kind: 'same' };

/** Comparisons made, by the two versions' stamps: a reload reads only versions it has not compared. */
const compared = new Map<string, VersionChange>();

/**
 * Each snapshot's change since its page's previous version (by time saved). Pages saved once read
 * nothing; the versions of the others are read once (one storage read for all of them).
 */
export async function versionChanges(summaries: readonly SnapshotSummary[]): Promise<Map<string, VersionChange>> {
  const changes = new Map<string, VersionChange>();
  const byUrl = new Map<string, SnapshotSummary[]>();
  for (const s of [...summaries].sort((a, b) => a.savedAt.localeCompare(b.savedAt))) byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s]);
  const pairs: [SnapshotSummary, SnapshotSummary][] = [];
  for (const list of byUrl.values()) {
    list.forEach((s, i) => {
      if (i === 0) return changes.set(s.id, { kind: 'first' });
      const known = compared.get(`${stampOf(list[i - 1]!)}>${stampOf(s)}`);
      if (known) changes.set(s.id, known);
      else pairs.push([list[i - 1]!, s]);
    });
  }
  if (!pairs.length) return changes;
  const loaded = new Map((await getSnapshots(pairs.flat().map((s) => s.id))).map((s) => [s.id, s]));
  for (const [before, after] of pairs) {
    const a = loaded.get(before.id);
    const b = loaded.get(after.id);
    if (!a || !b) continue;
    const { figures, findingsAdded, findingsRemoved } = compareSnapshots(a, b);
    const change: VersionChange = figures.length ? { kind: 'figures', count: figures.length } : findingsAdded.length + findingsRemoved.length ? { kind: 'findings' } : { kind: 'same' };
    compared.set(`${stampOf(a)}>${stampOf(b)}`, change);
    changes.set(after.id, change);
  }
  return changes;
}

/**
 * The whole snapshots of `wanted` (in its order), read when their ids or versions change; the last
 * ones read stay shown while newer ones load (a view keeps its state across a reload), and only the
 * newest read is applied. null until the first read ends.
 */
export function useSnapshots(wanted: readonly SnapshotSummary[]): Snapshot[] | null {
  const key = wanted.map(stampOf).join(' ');
  const [loaded, setLoaded] = useState<Snapshot[] | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const n = ++latest.current;
    void getSnapshots(wanted.map((s) => s.id)).then((snapshots) => {
      if (n === latest.current) setLoaded(snapshots);
    });
  }, [key]);
  return loaded;
}

/** One agency's latest saved summary of each year, oldest year first (what agencyYears picks, without the tables). */
export function latestByYear<T extends Pick<SnapshotSummary, 'savedAt'> & { report: Pick<SnapshotSummary['report'], 'agency' | 'year'> }>(
  summaries: readonly T[],
  agency: string,
): { year: number; snapshot: T }[] {
  const byYear = new Map<number, T>();
  for (const s of summaries) {
    if (s.report.agency !== agency || s.report.year === null) continue;
    const kept = byYear.get(s.report.year);
    if (!kept || s.savedAt > kept.savedAt) byYear.set(s.report.year, s);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, snapshot]) => ({ year, snapshot }));
}
