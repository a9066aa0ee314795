// Per-tab verdicts for the badge and the popup. The MV3 service worker can be stopped at any time,
// so every verdict is also kept in `storage.session` (cleared when the browser closes) and read
// back on the first use after a restart. Each verdict remembers the document that sent it, so a
// navigation can tell whether it still holds.
import { storage } from '#imports';
import { z } from 'zod';
import type { Verdict } from './messages';
import { hasSessionStorage } from './browser-differences';

z.config({ jitless: true });

/** What an analyzer may report; anything else is dropped (a content script runs in the page's process). */
export const VerdictSchema = z.object({
  isReport: z.boolean(),
  errors: z.int().min(0),
  warnings: z.int().min(0),
  infos: z.int().min(0),
  agency: z.string().max(200).nullable(),
  year: z.int().min(1990).max(2100).nullable(),
});

const TabVerdictSchema = z.object({
  verdict: VerdictSchema,
  /** The frame the analyzer runs in (a report may sit in an iframe). */
  frameId: z.int().min(0),
  /** Chromium's id of the document that sent the verdict (absent in Firefox). */
  documentId: z.string().optional(),
});
export type TabVerdict = z.infer<typeof TabVerdictSchema> & { verdict: Verdict };

// Where the browser has no storage.session (utils/browser-differences), in memory only.
const saved = hasSessionStorage() ? storage.defineItem<Record<string, unknown>>('session:verdicts', { fallback: {} }) : null;
const byTab = new Map<number, TabVerdict>();
let restored: Promise<void> | undefined;

function restore(): Promise<void> {
  if (!saved) return (restored ??= Promise.resolve());
  restored ??= saved.getValue().then((entries) => {
    for (const [tab, value] of Object.entries(entries)) {
      const entry = TabVerdictSchema.safeParse(value);
      if (entry.success && !byTab.has(Number(tab))) byTab.set(Number(tab), entry.data);
    }
  });
  return restored;
}

export async function tabVerdict(tabId: number): Promise<TabVerdict | null> {
  await restore();
  return byTab.get(tabId) ?? null;
}

/** Remembers (or, with null, forgets) the verdict of a tab. */
export async function setTabVerdict(tabId: number, entry: TabVerdict | null): Promise<void> {
  await restore();
  if (entry) byTab.set(tabId, entry);
  else if (!byTab.delete(tabId)) return;
  await saved?.setValue(Object.fromEntries(byTab));
}
