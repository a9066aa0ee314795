// Messages between the parts of the extension. Every sender and listener uses these shapes.
export interface Verdict {
  isReport: boolean;
  errors: number;
  warnings: number;
  infos: number;
  agency: string | null;
  year: number | null;
}

export type Message =
  /** detector → background: this page looks like a report; inject the analyzer. */
  | { type: 'gkl:inject' }
  /** analyzer → background: the verdict for the badge (per tab). */
  | { type: 'gkl:verdict'; verdict: Verdict }
  /** popup → background: the verdict of a tab (answer: Verdict | null). */
  | { type: 'gkl:get-verdict'; tabId: number }
  /** popup/background → analyzer: show the panel expanded (e.g. after "check this page"). */
  | { type: 'gkl:open-panel' };
