// Renders the extension's icons (toolbar, store, pages) from the one drawing, assets/icon.svg, to
// public/icon/{16,32,48,128}.png with Chromium, so every size is the same picture. Run after
// changing the SVG, and commit the PNGs: `npx tsx scripts/render-icons.ts`.
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './serve';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const OUT = path.join(REPO_ROOT, 'public/icon');

const svg = await readFile(path.join(REPO_ROOT, 'assets/icon.svg'), 'utf8');
await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`);
    await page.screenshot({ path: path.join(OUT, `${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
