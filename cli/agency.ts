// --agency: which reports to keep, by agency name. Both sides are read as simplified labels (a
// traditional page's 衡陽市人民政府辦公室 matches 衡阳), and a query matches when its characters
// appear in the agency's name in order: 衡阳 (a part), 衡阳市政府办 (the usual abbreviation of
// 衡阳市人民政府办公室) and the full name all match.
import type { Normalizer } from '../lib/normalize';

export function matchesAgency(normalizer: Normalizer, query: string, agency: string | null): boolean {
  if (agency === null) return false;
  const want = normalizer.label(query);
  const name = normalizer.label(agency);
  if (!want) return true;
  let at = 0;
  for (const ch of want) {
    at = name.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/** The matcher of one query; the traditional→simplified converter is built once. */
export async function agencyMatcher(query: string): Promise<(agency: string | null) => boolean> {
  const { createNormalizer } = await import('../lib/normalize');
  const normalizer = createNormalizer('traditional');
  return (agency) => matchesAgency(normalizer, query, agency);
}
