import { expect, test } from './fixtures.ts';
import { watchConsole } from './helpers.ts';

test('the language switch keeps the reader on the same lesson', async ({ page }) => {
  await page.goto('/en/what-is-websocket/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\/vi\/what-is-websocket\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WebSocket là gì?');
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\/en\/what-is-websocket\/$/);
});

test.describe('the root picks the reader’s language', () => {
  test.use({ locale: 'vi-VN' });
  test('a Vietnamese browser lands on /vi/', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/vi\/$/);
  });
});

test('the root offers plain links when scripts are off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/');
  await expect(page.getByRole('link', { name: 'Tiếng Việt' })).toHaveAttribute('href', '/vi/');
  await context.close();
});

test('a lesson reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/vi/what-is-websocket/');
  await expect(page.getByRole('heading', { level: 2, name: 'Bắt đầu bằng HTTP, rồi rời khỏi HTTP' })).toBeVisible();
  await expect(page.getByText('Phần thực hành này cần JavaScript.').first()).toBeVisible();
  await context.close();
});

for (const path of ['/en/', '/vi/', '/en/what-is-websocket/', '/vi/what-is-websocket/', '/404.html']) {
  test(`${path} has no console errors and a lang attribute`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', /^(en|vi)$/);
    await page.waitForLoadState('networkidle');
    noErrors();
  });
}

test('an unknown page answers 404 in both languages', async ({ page }) => {
  const response = await page.goto('/en/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
});

test('the theme switch is remembered and applied before first paint', async ({ page }) => {
  await page.goto('/en/what-is-websocket/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // On the next page the inline head script must set the theme before any stylesheet paints.
  await page.goto('/vi/what-is-websocket/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Giao diện' })).toHaveValue('dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(15, 20, 25)');
});

test('a page without a lab loads no framework JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(req.url());
  });
  await page.goto('/en/');
  await page.waitForLoadState('networkidle');
  const bodies = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  for (const [i, body] of bodies.entries()) {
    expect(body, scripts[i]).not.toMatch(/svelte|astro-island/i);
  }
});

test('search finds lessons in the reader’s language', async ({ page }) => {
  await page.goto('/vi/what-is-websocket/');
  const box = page.getByRole('searchbox', { name: 'Tìm bài học' });
  await box.fill('mixed content');
  const result = page.locator('#site-search-results a').first();
  await expect(result).toHaveAttribute('href', /\/vi\/what-is-websocket\//);
});

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: the search index holds lesson prose, not lab controls or console text`, async ({ page }) => {
    await page.goto(`/${lang}/closing/`);
    // Every page of this language, as Pagefind stored it.
    const contents = await page.evaluate(async () => {
      const pagefind = await import('/pagefind/pagefind.js' as string);
      const all = await pagefind.search(null, { filters: {} });
      return Promise.all(all.results.map(async (r: { data: () => Promise<{ url: string; content: string }> }) => r.data()));
    });
    expect(contents.length).toBeGreaterThan(5);
    const chrome = lang === 'en' ? ['Console output', 'Press Run:', 'Live lab'] : ['Kết quả console', 'Bấm Chạy:', 'Thực hành'];
    for (const { url, content } of contents) for (const text of chrome) expect(content, url).not.toContain(text);
  });
}

test('code blocks get a copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/what-is-websocket/');
  // Located through its code block: once clicked, its accessible name changes to "Copied".
  const button = page.locator('.code-block').first().getByRole('button');
  await expect(button).toHaveText('Copy');
  await button.click();
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("new WebSocket('wss://example.com/echo')");
});

test('keyboard: the skip link moves focus to the content', async ({ page }) => {
  await page.goto('/en/what-is-websocket/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
