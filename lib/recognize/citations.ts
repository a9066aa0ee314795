// Documents cited by name (《XX省人民政府办公厅关于…》, 〈…〉) are not the page's own words. Dropped
// with a scan, not /《[^》]*》/g: on a line of many 《 and no 》 that regex reads the rest of
// the line from every 《 (a 160 KB line took seconds).

/**
 * `text` with each bracketed citation, from an opening bracket to the first closing one after it,
 * replaced by `replacement`; an opening bracket never closed is kept as it is.
 * `pairs` maps each opening bracket to its closing one.
 */
export function withoutCitations(text: string, pairs: Readonly<Record<string, string>>, replacement: string): string {
  const out: string[] = [];
  // Where each closing bracket is next found; -1 once none is left (then never searched again).
  const nextClose = new Map<string, number>();
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const close = pairs[text[i]!];
    if (close === undefined) continue;
    let j = nextClose.get(close);
    if (j === undefined || (j !== -1 && j <= i)) {
      j = text.indexOf(close, i + 1);
      nextClose.set(close, j);
    }
    if (j === -1) continue;
    out.push(text.slice(kept, i), replacement);
    kept = j + close.length;
    i = j + close.length - 1;
  }
  if (kept === 0) return text;
  out.push(text.slice(kept));
  return out.join('');
}
