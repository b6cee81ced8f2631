// Screenshots for looking at pages by eye: every page given, in light and dark, desktop and phone width.
// Usage: node scripts/screenshots.ts http://127.0.0.1:8080 /en/what-is-websocket/ /vi/what-is-websocket/
// Writes PNGs to screenshots/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { browserPath, chromiumArgs } from './browser/host.ts';

const [base = 'http://127.0.0.1:8080', ...paths] = process.argv.slice(2);
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: browserPath(),
  args: chromiumArgs,
});
const viewports = { desktop: { width: 1440, height: 1000 }, phone: { width: 360, height: 780 } };
for (const path of paths.length ? paths : ['/en/']) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, viewport] of Object.entries(viewports)) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const file = `${outDir}/${path.replace(/^\/|\/$/g, '').replace(/[/#?=&]/g, '_') || 'root'}-${scheme}-${name}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
      await page.close();
    }
  }
}
await browser.close();
