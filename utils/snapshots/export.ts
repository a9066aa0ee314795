// Exports the reader takes elsewhere: JSON (the import format; each `report` exactly the engine's
// schema) and CSV for Excel/WPS (UTF-8 with BOM so they detect the encoding, CRLF, RFC 4180 quoting).
import { figureKeys } from '../../lib/report/keys';
import { cellLabel } from '../../lib/formats/labels';
import { reportValue } from '../../lib/checks/figures';
import type { Quarantined, Snapshot } from './schema';
import { countOf } from './query';
import { localDateTime } from './snapshots';

export const EXPORT_FORMAT = 'gongkai-lens/snapshots';
export const EXPORT_VERSION = 1;

export function exportJson(snapshots: readonly Snapshot[], now = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), snapshots }, null, 2);
}

/** Quarantined values as they were found, for the reader to keep or repair by hand. */
export function exportQuarantineJson(entries: readonly Quarantined[], now = new Date()): string {
  return JSON.stringify({ format: `${EXPORT_FORMAT}-quarantine`, version: EXPORT_VERSION, exportedAt: now.toISOString(), entries }, null, 2);
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Text from web pages must not run as a formula when the sheet opens (CSV injection); numbers,
  // including T2019's negative changes, are written as numbers.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_META_HEADERS = ['机关', '年度', '格式', '网址', '保存时间', '错误数', '提醒数'] as const;

/**
 * One row per snapshot: the meta columns, then one column per figure key of the snapshots'
 * templates (T2021 first when both occur), headed by the cell's Chinese label.
 */
export function exportCsv(snapshots: readonly Snapshot[]): string {
  const templates = (['2021', '2019'] as const).filter((t) => snapshots.some((s) => s.report.template === t));
  const keys = [...new Set(templates.flatMap((t) => figureKeys(t)))];
  const rows: (string | number | null)[][] = [[...CSV_META_HEADERS, ...keys.map((k) => cellLabel(k, 'zh'))]];
  for (const s of snapshots) {
    const r = s.report;
    rows.push([
      r.agency, r.year, r.template, s.url, localDateTime(s.savedAt), countOf(r, 'error'), countOf(r, 'warning'),
      ...keys.map((k) => reportValue(r, k) ?? null),
    ]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
