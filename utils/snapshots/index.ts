// Keep and compare: the reader's flags and saved snapshots in storage.local. The panel, the popup
// and the Snapshots page use only what is exported here. Every change is run by one writer, the
// background (./writer.ts); an index by agency and year (./catalog.ts) is kept in step with it.
// Every write returns a Result: on failure
// `{ ok: false, reason: 'quota' | 'write' | 'invalid' | 'missing', message }`, message ready to show.
//
// Wiring in the analyzer (content script):
//   const previous = report.agency && report.year ? await findPreviousYear(report.agency, report.year) : null;
//   analyzeDocument(document, { source: url, previous: previous ?? undefined })   // YOY-CARRY / YOY-STOCK
//   watchSnapshotsOf(agency, year - 1, recheck)   // last year's report saved (or removed) later, in another tab
//   const flags = await listFlags(url);  watchFlags(url, rerender);
//   items = [...findingItems(report, lang), ...flagItems(flags, figures.keys(), lang)]  // orphaned listed, not outlined
//   "Save" (or settings.autoSave): saveSnapshot({ report, url, title: document.title, flags: await listFlags(url) })
//     → { ok, status: 'saved' | 'updated' | 'unchanged', snapshot }
//   context menu "flag this cell": addFlag(url, { key, kind: 'wrong' | 'doubtful', note }); undo of removeFlag: restoreFlags(url, [removed])
//   link to the page: browser.runtime.getURL('/snapshots.html') + `#snapshot=${snapshot.id}`
//   the Snapshots list: listSummaries() (the index, one read) → filterSnapshots / facets / verdictOf(s.report);
//     getSnapshot(id) for a whole one (open, compare, export)
export { listFlags, addFlag, updateFlag, removeFlag, restoreFlags, resolveFlags, watchFlags, type FlagInput } from './flags';
export {
  saveSnapshot, getSnapshot, getSnapshots, checkIndex, listSnapshots, listSummaries, deleteSnapshot, restoreSnapshot, versionsOf, findPreviousYear, watchSnapshotsOf, localDate, localDateTime,
  type SaveInput, type SaveStatus,
} from './snapshots';
export { filterSnapshots, facets, verdictOf, countOf, hostOf, compareSnapshots, agencyYears, KEY_TOTALS, VERDICTS, type SnapshotFilter, type Verdict, type FigureChange, type AgencyYear, type Listed } from './query';
export type { SnapshotSummary } from './catalog';
export { exportJson, exportCsv, exportQuarantineJson } from './export';
export { readImportFile, planImport, applyImport, type ImportFile, type ImportPlan, type ImportConflict } from './import';
export { listQuarantine, type Result, type StorageFailure } from './store';
export { FLAG_KINDS, type Flag, type FlagKind, type Snapshot, type Quarantined } from './schema';
export { pageKey } from './hash';
export { flagItems, flagItemId } from './items';
