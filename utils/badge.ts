// The toolbar badge of a tab: the number of errors (red), else of warnings (amber), else a green
// tick for a report that passed every check; nothing at all on a page that is not a report.
import type { Verdict } from './messages';

export interface Badge {
  text: string;
  background: string;
  color: string;
  tone: 'error' | 'warning' | 'clean';
}

// Badges have room for about four characters.
const count = (n: number) => (n > 999 ? '999+' : String(n));

export function badgeOf(verdict: Verdict | null): Badge | null {
  if (!verdict?.isReport) return null;
  if (verdict.errors > 0) return { text: count(verdict.errors), background: '#C5221F', color: '#FFFFFF', tone: 'error' };
  // Amber needs dark text to stay readable.
  if (verdict.warnings > 0) return { text: count(verdict.warnings), background: '#F9AB00', color: '#202124', tone: 'warning' };
  return { text: '✓', background: '#188038', color: '#FFFFFF', tone: 'clean' };
}
