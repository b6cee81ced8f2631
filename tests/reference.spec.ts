// The reference pages (issue 8): the cheat sheet and the glossary, in both languages — every link lands on a page
// and anchor that exist, nothing is wider than a 375 px phone, the glossary shows every term of terms.json under
// its own anchor, in alphabetical order, and the cheat sheet prints on a few A4 pages without the site's chrome.
import type { Page } from '@playwright/test';
import { sortKey } from '../src/i18n/glossary.ts';
import { terms } from '../src/i18n/terms.ts';
import { expect, test } from './fixtures.ts';
import { watchConsole } from './helpers.ts';

const langs = ['en', 'vi'] as const;
const pages = langs.flatMap((lang) => [`/${lang}/cheat-sheet/`, `/${lang}/glossary/`]);

/** Every link in the page's content: internal ones must load with 200 and hold their #anchor. */
async function brokenLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(10);
  const broken: string[] = [];
  const bodies = new Map<string, string>();
  for (const href of new Set(hrefs)) {
    if (/^https:\/\//.test(href)) continue;
    if (!href.startsWith('/') && !href.startsWith('#')) {
      broken.push(`${href} (neither an https: link nor a path on this site)`);
      continue;
    }
    const url = new URL(href, page.url());
    const path = url.pathname;
    if (!bodies.has(path)) {
      const response = await page.request.get(path);
      bodies.set(path, response.ok() ? await response.text() : '');
      if (!response.ok()) broken.push(`${href} (${response.status()})`);
    }
    const id = decodeURIComponent(url.hash.slice(1));
    if (id && !bodies.get(path)!.includes(`id="${id}"`)) broken.push(`${href} (no such anchor)`);
  }
  return broken;
}

for (const path of pages) {
  test(`${path}: every link resolves, ids are unique, no console errors`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(path);
    expect(await brokenLinks(page)).toEqual([]);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    noErrors();
  });

  test(`${path}: nothing overflows a 375 px phone`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(path);
    const wide = await page.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > innerWidth) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
      for (const el of document.querySelectorAll<HTMLElement>('main table, main td, main dl, main dd, main dt')) {
        const box = el.getBoundingClientRect();
        if (box.right > innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} "${el.textContent!.slice(0, 40)}" is ${Math.round(box.right)}px wide`);
      }
      return out;
    });
    expect(wide).toEqual([]);
  });
}

for (const lang of langs) {
  test(`${lang}: the glossary lists every term of terms.json under its anchor, alphabetically`, async ({ page }) => {
    await page.goto(`/${lang}/glossary/`);
    const other = lang === 'en' ? 'vi' : 'en';
    for (const term of terms) {
      const entry = page.locator(`[id="${term.id}"]`);
      await expect(entry.locator('dfn'), term.id).toHaveText(term[lang]);
      if (term[other] !== term[lang]) await expect(entry.locator(`dt [lang="${other}"]`), term.id).toHaveText(term[other]);
      await expect(entry.locator('dd a').last(), term.id).toHaveAttribute('href', new RegExp(`^/${lang}/${term.taught.split('#')[0]}/`));
    }
    const shown = await page.locator('.glossary dfn').allTextContents();
    expect(shown).toHaveLength(terms.length);
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    expect(shown).toEqual(shown.toSorted((a, b) => collator.compare(sortKey(a), sortKey(b))));
  });

  test(`${lang}: a lesson can link straight to a glossary entry`, async ({ page }) => {
    await page.goto(`/${lang}/glossary/#frame`);
    const entry = page.locator('#frame');
    await expect(entry).toBeInViewport();
    expect(await entry.evaluate((el) => el.matches(':target'))).toBe(true);
    // The letter index jumps to its group.
    const letter = page.getByRole('navigation', { name: lang === 'en' ? 'Terms by letter' : 'Thuật ngữ theo chữ cái' }).getByRole('link').first();
    await letter.click();
    await expect(page.getByRole('heading', { level: 2, name: (await letter.textContent())!, exact: true })).toBeInViewport();
  });

  test(`${lang}: the cheat sheet holds every row of the seed's tables, each linked to a lesson`, async ({ page }) => {
    await page.goto(`/${lang}/cheat-sheet/`);
    const firstCells = (await page.locator('.ref-table tbody td:first-child').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    for (const name of ['new WebSocket(url, protocols?)', 'url', 'protocols', 'readyState', 'bufferedAmount', 'protocol', 'extensions', 'binaryType', 'onopen onmessage onerror onclose', 'open · onopen', 'message · onmessage', 'error · onerror', 'close · onclose', 'send(data)', 'close(code?, reason?)', '1000 Normal Closure', '1006 Abnormal Closure', '4000–4999 Private Use', 'FIN', 'opcode', 'MASK']) {
      expect(firstCells, name).toContain(name);
    }
    const readyState = page.locator('.ref-table tr', { has: page.locator('td:first-child', { hasText: /^readyState$/ }) });
    for (const [value, name] of [['0', 'CONNECTING'], ['1', 'OPEN'], ['2', 'CLOSING'], ['3', 'CLOSED']]) await expect(readyState).toContainText(`${value} ${name}`);
    await expect(page.locator('.ref-table tr', { hasText: 'close · onclose' })).toContainText(/code.*reason.*wasClean/s);
    await expect(page.locator('.ref-table tr', { hasText: 'message · onmessage' })).toContainText(/data.*origin.*lastEventId.*source.*ports/s);
    await expect(page.locator('.ref-table tr', { hasText: 'send(data)' })).toContainText('InvalidStateError');
    await expect(page.locator('.ref-table tr', { hasText: 'close(code?, reason?)' })).toContainText(/InvalidAccessError.*123.*SyntaxError/s);
    // Every row of every table links to a lesson of this language.
    const rows = page.locator('.ref-table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(30);
    for (let i = 0; i < count; i++) await expect(rows.nth(i).locator('td:last-child a').first()).toHaveAttribute('href', new RegExp(`^/${lang}/[a-z-]+/`));
    // …and every API and frame row (the close codes aside) to the lab where it can be tried.
    const apiRows = rows.filter({ has: page.locator('td:first-child', { hasNotText: /^\d/ }) });
    expect(await apiRows.count()).toBeGreaterThan(20);
    for (const row of await apiRows.all()) await expect(row.locator('td:last-child a').nth(1)).toHaveAttribute('href', new RegExp(`^/${lang}/[a-z-]+/#(.+-lab|frame-builder|frame-inspector)$`));
  });

  test(`${lang}: the cheat sheet prints on a few A4 pages, without the site's chrome, in light colours`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/${lang}/cheat-sheet/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    for (const chrome of ['.site-header', '.site-footer', '.lessons-nav', '.toc', '.prev-next']) await expect(page.locator(chrome)).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(26, 31, 41)');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pageCount = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(5);
  });
}
