// Runs the consistency rules of spec §6 that fit the report's format, shows the report's own note
// (注：…) beside every finding about its table, and orders errors → warnings → info.
import type { CheckContext } from '../types';
import type { TableId, TemplateId } from '../report/keys';
import type { Finding, Severity } from '../report/schema';
import type { Rule } from './rule';
import { t3Row } from './t3-row';
import { t3Sum } from './t3-sum';
import { t3Bal } from './t3-bal';
import { t4Sum } from './t4-sum';
import { t2Stock } from './t2-stock';
import { valBlank } from './val-blank';
import { valBad } from './val-bad';
import { tblMissing } from './tbl-missing';
import { secMissing } from './sec-missing';
import { tblUnreadable } from './tbl-unreadable';
import { tmplYear } from './tmpl-year';
import { dateLate } from './date-late';
import { txtT3 } from './txt-t3';
import { txtT4 } from './txt-t4';
import { yoyCarry } from './yoy-carry';
import { yoyStock } from './yoy-stock';

export type { Rule } from './rule';

/** Every rule, in the order of spec §6 (which is also the order within a severity). */
export const RULES: readonly Rule[] = [
  t3Row, t3Sum, t3Bal, t4Sum, t2Stock, valBlank, valBad, tblMissing,
  secMissing, tblUnreadable, tmplYear, dateLate, txtT3, txtT4, yoyCarry, yoyStock,
];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TABLES = new Set<string>(['active', 'requests', 'appeals']);

/** The format the rules go by: the tables' when any were read, else the one of the report year. */
export function ruleTemplate(ctx: CheckContext): TemplateId {
  return ctx.extraction.template !== 'unknown' ? ctx.extraction.template : ctx.recognition.template;
}

/** The table a finding is about: the table of its checked cell (TBL-MISSING names the table itself). */
function tableOfFinding(finding: Finding): TableId | undefined {
  const first = finding.cells[0];
  const table = first?.split('.')[0];
  return table !== undefined && TABLES.has(table) ? (table as TableId) : undefined;
}

export function runChecks(ctx: CheckContext): Finding[] {
  const template = ruleTemplate(ctx);
  const notes = new Map<TableId, string>();
  for (const { table, text } of ctx.extraction.notes) {
    const before = notes.get(table);
    notes.set(table, before ? `${before}\n${text}` : text);
  }
  const findings = RULES.filter((rule) => rule.appliesTo.includes(template)).flatMap((rule) => rule.run(ctx));
  for (const finding of findings) {
    const table = tableOfFinding(finding);
    const note = table && notes.get(table);
    if (note) finding.note = note;
  }
  // Array.prototype.sort is stable: rule order, then each rule's table order, survive within a severity.
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
