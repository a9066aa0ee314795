// Content identity of a saved report. crypto.subtle is missing in content scripts on plain-http
// pages (not a secure context), so a small synchronous non-cryptographic hash is used: it only has
// to tell "same tables" from "changed tables", not resist an attacker.
import type { Report } from '../../lib/report/schema';

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, as 14 hex digits. */
export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Hash of the three tables only: findings and meta may change with the engine, the figures not. */
export const tablesHash = (report: Pick<Report, 'active' | 'requests' | 'appeals'>): string =>
  cyrb53(canonicalJson({ active: report.active, requests: report.requests, appeals: report.appeals }));

/** The page a report or flag belongs to: the URL without its #fragment (an anchor is the same page). */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Deterministic, so two tabs saving the same content write the same key. */
export const snapshotId = (url: string, hash: string): string => `${cyrb53(pageKey(url))}-${hash}`;
