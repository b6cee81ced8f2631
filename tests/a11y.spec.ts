// axe-core on every built page, both languages, light and dark: first the page with every lab hydrated, then
// each lab in its live states — connected (with a message sent and its result shown), after a close, and
// after a failed connection — so what only appears when a lab runs is checked too.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { pagePaths } from '../scripts/site-pages.ts';
import { expect, test } from './fixtures.ts';
import { labels } from './helpers.ts';

const pages = pagePaths(process.env.OUT_DIR || 'dist');
const UNREACHABLE = 'ws://127.0.0.1:9';

/** axe's violations as short lines ("color-contrast: .btn > span (3 nodes)"), so a failure says what and where. */
async function violations(page: Page, include?: string): Promise<string[]> {
  // Only violations are collected: gathering every passing node is most of axe's time on a long lesson.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const { violations: found } = await builder.analyze();
  return found.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} (${v.nodes.length})`);
}

/**
 * Lesson blocks away from the viewport are not rendered until the reader nears them (content-visibility: auto,
 * src/styles/global.css), and axe cannot see the colours of what is not painted (it takes such text to be on
 * white). The check renders every block, as the reader sees each one on reaching it.
 */
async function renderEveryBlock(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.prose > *')) block.style.contentVisibility = 'visible';
  });
}

async function hydrateLabs(page: Page): Promise<Locator[]> {
  const labs = await page.locator('section.lab').all();
  for (const lab of labs) {
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.locator('astro-island[ssr]')).toHaveCount(0);
  }
  return labs;
}

/** Clicks a lab's button by name if it has one that is enabled; true if it did. */
async function press(lab: Locator, name: string): Promise<boolean> {
  const button = lab.getByRole('button', { name, exact: true }).first();
  if ((await button.count()) === 0 || !(await button.isEnabled())) return false;
  await button.click();
  return true;
}

/** axe in light and then dark: the colours are the only difference, so one state is checked in both. */
async function inBothSchemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    // Settled states are what is measured: a highlight mid-animation passes through low-contrast colours.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const v of await violations(page, include)) found.push(`${scheme}: ${v}`);
  }
  return found;
}

for (const path of pages) {
  const lang = path.startsWith('/vi/') ? 'vi' : 'en';
  const l = labels[lang];
  test(`axe: ${path}, light and dark, every lab live`, async ({ page }) => {
    test.setTimeout(240_000); // a page with several labs is checked several times over, on a machine others share
    await page.goto(path);
    await renderEveryBlock(page);
    const labs = await hydrateLabs(page);
    expect(await inBothSchemes(page), 'the page with its labs hydrated').toEqual([]);

    for (const [i, lab] of labs.entries()) {
      const id = (await lab.getAttribute('id')) ?? `lab-${i}`;
      const where = `#${id}`;
      await lab.evaluate((el, value) => (el.id = value), id);
      if (await press(lab, l.connect)) {
        await expect(lab.getByTestId('ready-state').first()).toContainText(/1 OPEN|3 CLOSED/, { timeout: 5_000 }).catch(() => {});
        const message = lab.getByRole('textbox', { name: l.message });
        if ((await message.count()) > 0 && (await message.first().isEditable())) await message.first().fill('xin chào');
        await press(lab, l.send);
        await page.waitForTimeout(300); // the echo and its log entry
        expect(await inBothSchemes(page, where), `${id}: connected, a message sent`).toEqual([]);
        if (await press(lab, l.close)) {
          await page.waitForTimeout(300);
          expect(await inBothSchemes(page, where), `${id}: after a close`).toEqual([]);
        }
      }
      const server = lab.getByRole('textbox', { name: l.server });
      if ((await server.count()) > 0 && (await server.first().isEditable())) {
        await server.first().fill(UNREACHABLE);
        if (await press(lab, l.connect)) {
          await expect(lab.getByRole('alert').first()).toBeVisible({ timeout: 5_000 }).catch(() => {});
          expect(await inBothSchemes(page, where), `${id}: after a failed connection`).toEqual([]);
        }
      }
    }
  });
}
