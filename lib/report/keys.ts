// Canonical keys of the spec (shared/spec/report-format.md §3–§5). Everything that names a figure
// (JSON, checks, UI, CLI) uses these paths, e.g. `requests.denied.stateSecret.natural`.

export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
/** The six applicant columns whose sum is `total` (T3-ROW). */
export const APPLICANT_PARTS = APPLICANT_COLUMNS.slice(0, 6) as readonly Exclude<ApplicantColumn, 'total'>[];

/** 表三 rows in table order. `otherHandling.total` is the T2019 single （六）其他处理 row. */
export const REQUEST_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partlyGranted',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSecurities',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.inquiry',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclear',
  'notProcessed.petition',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
  'otherHandling.overdueCorrection',
  'otherHandling.overdueFee',
  'otherHandling.other',
  'otherHandling.total',
  'totalProcessed',
  'carriedForward',
] as const;
export type RequestRow = (typeof REQUEST_ROWS)[number];

/** Rows whose sum is （七）总计 (T3-SUM): （一）–（六）. `otherHandling.total` only when the parts are absent. */
export const RESULT_ROWS = REQUEST_ROWS.filter((r) => !['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(r));

export const APPEAL_GROUPS = ['review', 'suitDirect', 'suitAfterReview'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];

/** 表二 rows and their columns, per template. */
export const ACTIVE_T2021 = {
  rules: ['issued', 'repealed', 'inForce'],
  normativeDocs: ['issued', 'repealed', 'inForce'],
  licensing: ['decisions'],
  penalty: ['decisions'],
  enforcement: ['decisions'],
  fees: ['amount'],
} as const;
export const ACTIVE_T2019 = {
  rules: ['made', 'published', 'totalPublic'],
  normativeDocs: ['made', 'published', 'totalPublic'],
  licensing: ['previous', 'change', 'decisions'],
  otherServices: ['previous', 'change', 'decisions'],
  penalty: ['previous', 'change', 'decisions'],
  enforcement: ['previous', 'change', 'decisions'],
  fees: ['previous', 'change'],
  procurement: ['projects', 'amount'],
} as const;

export type TemplateId = '2021' | '2019' | 'legacy' | 'unknown';

/** All figure keys of a template's three tables, in table order. */
export function figureKeys(template: TemplateId): string[] {
  if (template !== '2021' && template !== '2019') return [];
  const active = template === '2021' ? ACTIVE_T2021 : ACTIVE_T2019;
  const keys: string[] = [];
  for (const [row, cols] of Object.entries(active)) for (const c of cols) keys.push(`active.${row}.${c}`);
  for (const row of REQUEST_ROWS) {
    if (template === '2021' && row === 'otherHandling.total') continue;
    if (template === '2019' && row.startsWith('otherHandling.') && row !== 'otherHandling.total') continue;
    for (const c of APPLICANT_COLUMNS) keys.push(`requests.${row}.${c}`);
  }
  for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) keys.push(`appeals.${g}.${c}`);
  return keys;
}

export type TableId = 'active' | 'requests' | 'appeals';
export const tableOf = (key: string): TableId => key.slice(0, key.indexOf('.')) as TableId;
