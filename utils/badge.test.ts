import { describe, expect, it } from 'vitest';
import { badgeOf } from './badge';
import type { Verdict } from './messages';

const verdict = (counts: Partial<Verdict>): Verdict => ({ isReport: true, errors: 0, warnings: 0, infos: 0, agency: '精河县', year: 2024, ...counts });

describe('badgeOf', () => {
  it('counts errors in red, whatever the warnings', () => {
    expect(badgeOf(verdict({ errors: 7, warnings: 1 }))).toEqual({ text: '7', background: '#C5221F', color: '#FFFFFF', tone: 'error' });
  });
  it('counts warnings in amber, with dark text, when there is no error', () => {
    expect(badgeOf(verdict({ warnings: 3, infos: 2 }))).toEqual({ text: '3', background: '#F9AB00', color: '#202124', tone: 'warning' });
  });
  it('shows a green tick on a report without errors or warnings (notes do not count)', () => {
    expect(badgeOf(verdict({ infos: 4 }))).toEqual({ text: '✓', background: '#188038', color: '#FFFFFF', tone: 'clean' });
  });
  it('shows nothing on a page that is not a report, or before any verdict', () => {
    expect(badgeOf(verdict({ isReport: false, errors: 2 }))).toBeNull();
    expect(badgeOf(null)).toBeNull();
  });
  it('keeps to the four characters a badge has room for', () => {
    expect(badgeOf(verdict({ errors: 999 }))?.text).toBe('999');
    expect(badgeOf(verdict({ errors: 1000 }))?.text).toBe('999+');
  });
});
