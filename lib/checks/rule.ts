// The shape every consistency rule shares (spec §6): an id, a severity, the templates it runs on,
// and a pure function of the CheckContext. Rules never touch the DOM.
import type { CheckContext } from '../types';
import type { TemplateId } from '../report/keys';
import type { Finding, RuleId, Severity } from '../report/schema';

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** Templates (extraction's, or the year's when no table was read) this rule runs on. */
  appliesTo: readonly TemplateId[];
  run(ctx: CheckContext): Finding[];
}

/** What a rule states about one problem; `rule` and `severity` come from the rule itself. */
export type Issue = Omit<Finding, 'rule' | 'severity'>;

export function defineRule(
  id: RuleId,
  severity: Severity,
  appliesTo: readonly TemplateId[],
  find: (ctx: CheckContext) => Issue[],
): Rule {
  return { id, severity, appliesTo, run: (ctx) => find(ctx).map((issue) => ({ rule: id, severity, ...issue })) };
}

/** National-format rules also run when the format is unknown: a table that was read gets checked. */
export const NATIONAL: readonly TemplateId[] = ['2021', '2019', 'unknown'];
export const ALL_TEMPLATES: readonly TemplateId[] = ['2021', '2019', 'legacy', 'unknown'];
