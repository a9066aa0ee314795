// Keep and compare: the reader's flags and saved snapshots in storage.local. The panel, the popup
// and the Snapshots page use only what is exported here.
export { listFlags, addFlag, updateFlag, removeFlag, restoreFlags, resolveFlags, watchFlags, type FlagInput } from './flags';
export {
  saveSnapshot, getSnapshot, listSnapshots, deleteSnapshot, restoreSnapshot, versionsOf, findPreviousYear, localDate, localDateTime,
  type SaveInput, type SaveStatus,
} from './snapshots';
export { filterSnapshots, facets, verdictOf, hostOf, compareSnapshots, agencyYears, KEY_TOTALS, VERDICTS, type SnapshotFilter, type Verdict, type FigureChange, type AgencyYear } from './query';
export { exportJson, exportCsv, exportQuarantineJson } from './export';
export { readImportFile, planImport, applyImport, type ImportFile, type ImportPlan, type ImportConflict } from './import';
export { listQuarantine, type Result, type StorageFailure } from './store';
export { FLAG_KINDS, type Flag, type FlagKind, type Snapshot, type Quarantined } from './schema';
export { pageKey } from './hash';
export { flagItems, flagItemId } from './items';
