import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, updateSettings, DEFAULT_SETTINGS } from './settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());
  it('falls back to defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ alwaysCheckSites: [], panel: { expanded: false, dock: 'bottom-right' }, marks: true, autoSave: false, hiddenPillSites: [], neverCheckSites: [] });
  });
  it('keeps valid fields of a corrupted stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { alwaysCheckSites: ['http://10.0.0.1'], panel: { expanded: 'yes', dock: 'middle' }, marks: 7 } });
    expect(await getSettings()).toEqual({ alwaysCheckSites: ['http://10.0.0.1'], panel: { expanded: false, dock: 'bottom-right' }, marks: true, autoSave: false, hiddenPillSites: [], neverCheckSites: [] });
  });
  it('updates one field and keeps the others', async () => {
    await updateSettings({ autoSave: true });
    await updateSettings({ marks: false });
    expect(await getSettings()).toMatchObject({ autoSave: true, marks: false });
  });
});
