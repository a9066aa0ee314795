// The reader's settings, in extension storage. Read back through zod: a stored value that does not
// fit (an older or a corrupted one) falls back field by field, never throws in the page.
import { storage } from '#imports';
import { z } from 'zod';

z.config({ jitless: true });

/** Four floating corners, and the two sides (the panel as a full-height side panel). */
export const DOCKS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'side-right', 'side-left'] as const;
/** The panel's width the reader chose by dragging its edge (px); absent: the default for the window. */
export const PANEL_WIDTH = { min: 280, max: 1200 } as const;

export const SettingsSchema = z.object({
  /** Origins (e.g. "http://10.1.2.3") the reader chose to check always, besides *.gov.cn. */
  alwaysCheckSites: z.array(z.string()).catch([]),
  panel: z
    .object({
      expanded: z.boolean().catch(false),
      dock: z.enum(DOCKS).catch('bottom-right'),
      width: z.number().int().min(PANEL_WIDTH.min).max(PANEL_WIDTH.max).optional().catch(undefined),
    })
    .catch({ expanded: false, dock: 'bottom-right' }),
  /** Origins where the pill stays hidden (the checker still runs; the toolbar badge still counts). */
  hiddenPillSites: z.array(z.string()).catch([]),
  /** Origins never checked, gov.cn ones included (the reader's choice, undone in the settings). */
  neverCheckSites: z.array(z.string()).catch([]),
  /** Outline offending cells in the page. */
  marks: z.boolean().catch(true),
  /** Save every report visited as a snapshot. */
  autoSave: z.boolean().catch(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

export async function getSettings(): Promise<Settings> {
  return SettingsSchema.parse(await settingsItem.getValue());
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(SettingsSchema.parse(value)));
}
