// Publication dates: "2025-03-10 15:35", "2020/3/25", "2025年1月24日" → 'YYYY-MM-DD'.
import type { Block } from '../types';

const DATE = /((?:19|20)\d{2})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})(?!\d)日?/;

function iso(m: RegExpExecArray): string | null {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in a text, or null. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  return m ? iso(m) : null;
}

// Meta tags (TRS/Hanweb CMS) and saved-text header fields that carry the publication date; 成文日期
// is the date line closing a PDF report (under its signature), the only date such a file states.
const DATE_METAS = /^(?:pubdate|publishdate|publishtime|firstpublishedtime|发布时间|发布日期|公开日期|公开时间|成文日期)$/i;

export function dateFromMetas(metas: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(metas)) {
    if (DATE_METAS.test(name)) {
      const date = parseDate(value);
      if (date) return date;
    }
  }
  return null;
}

// "发布时间：2020-03-25 17:05", "来源：… 时间：2025-03-10". A bare 时间/日期 must not follow another
// character, so 采集时间 (crawl time), 生成时间, 统计时间 never count. A range ("…至…") is a
// statistics period, not a date of publication.
const LABELLED = new RegExp(
  `(?:发布时间|发布日期|公开日期|公开时间|发文日期|(?<![\\u3400-\\u9fff])(?:时间|日期))\\s*[:：]?\\s*${DATE.source}(?!\\s*(?:起|至|到|[-—~]\\s*\\d))`,
);
const DATE_LABEL_CELL = /^(?:发布|公开|发文)(?:时间|日期)[:：]?$/;
// A line that is only a date (and time): "2025-01-24 09:44". A date with 星期 is the site's "today".
const BARE_DATE = new RegExp(`^${DATE.source}(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?$`);

/**
 * The publication date stated near the top of the page (the blocks before the report's first
 * section): a labelled field in a line or in a page-info table (公开日期 | 2024-01-17), or a line
 * that is only a date. `plain` normalises a line that keeps its spaces (labels need them).
 */
export function dateFromTop(blocks: readonly Block[], plain: (text: string) => string): string | null {
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.grid.rows) {
        const at = row.findIndex((c) => DATE_LABEL_CELL.test(c.norm));
        const value = at >= 0 ? row.slice(at + 1).find((c) => c.norm !== row[at]!.norm) : undefined;
        const date = value && parseDate(value.norm);
        if (date) return date;
      }
      continue;
    }
    const { norm, text } = block.cell;
    if (!/\d/.test(norm)) continue;
    const bare = norm.length <= 24 && /^(?:19|20)\d{2}/.test(norm) ? BARE_DATE.exec(plain(text)) : null;
    if (bare) {
      const date = iso(bare);
      if (date) return date;
    }
    if (norm.length <= 200 && /时间|日期/.test(norm)) {
      const m = LABELLED.exec(plain(text));
      const date = m && iso(m);
      if (date) return date;
    }
  }
  return null;
}
