import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectLines, openLab, runExample, runnable, watchConsole } from './helpers.ts';

// WebSocket next to WebSocketStream (issue 13): three ways to send a burst to /slow, and where the bytes wait
// when a page reads /firehose slowly. Chromium has WebSocketStream; the fallback is tested by deleting it.

const text = {
  en: { three: 'All three, side by side', two: /Naive and backpressure/, read: 'Read slowly, both ways', size: 'Burst size', unsupported: 'This browser has no WebSocketStream.' },
  vi: { three: 'Cả ba, đặt cạnh nhau', two: /Vòng lặp gửi liền và backpressure/, read: 'Đọc chậm, theo cả hai cách', size: 'Kích thước đợt gửi', unsupported: 'Trình duyệt này không có WebSocketStream.' },
} as const;

const MiB = 1024 * 1024;
const bytes = async (table: Locator, run: string, row: string) => Number(await table.locator(`td[data-run="${run}"][data-row="${row}"]`).getAttribute('data-bytes'));

async function lab(page: Page, lang: 'en' | 'vi') {
  await page.goto(`/${lang}/websocketstream/`);
  return openLab(page, '#stream-lab');
}

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: one burst three ways — only the naive loop holds the burst; the stream holds one message`, async ({ page }) => {
    test.setTimeout(60_000);
    const done = watchConsole(page);
    const l = await lab(page, lang);
    await l.getByLabel(text[lang].size).selectOption({ index: 1 }); // 4 MiB
    await l.getByRole('button', { name: text[lang].three }).click();
    const cells = l.locator('td[data-run][data-bytes]');
    // all three done: the server read everything each time
    await expect(l.locator('table').first().locator('td[data-run]').filter({ hasText: /^(done|xong)$/ })).toHaveCount(3, { timeout: 40_000 });
    const peak = async (run: string) => Number(await cells.and(l.locator(`td[data-run="${run}"]`)).nth(1).getAttribute('data-bytes'));
    expect(await peak('naive')).toBeGreaterThan(1 * MiB);
    expect(await peak('paced')).toBeLessThanOrEqual(1 * MiB + 64 * 1024);
    expect(await peak('stream')).toBeLessThanOrEqual(64 * 1024);
    await expect(l.getByRole('img', { name: /WebSocketStream/ })).toBeVisible();
    done();
  });

  test(`${lang}: a slow reader — WebSocket piles up in the page, WebSocketStream in the server`, async ({ page }) => {
    test.setTimeout(60_000);
    const done = watchConsole(page);
    const l = await lab(page, lang);
    await l.getByRole('button', { name: text[lang].read }).click();
    const table = l.locator('table').last();
    await expect(table.locator('td[data-row="phase"]').filter({ hasText: /^(done|xong)$/ })).toHaveCount(2, { timeout: 40_000 });
    expect(await bytes(table, 'websocket', 'peakPage')).toBeGreaterThan(2 * MiB);
    expect(await bytes(table, 'websocket', 'peakServer')).toBeLessThan(256 * 1024);
    expect(await bytes(table, 'stream', 'peakPage')).toBeLessThanOrEqual(2048);
    expect(await bytes(table, 'stream', 'peakServer')).toBeGreaterThan(1 * MiB);
    done();
  });

  test(`${lang}: without WebSocketStream the lab says so, shows the recording and still runs WebSocket live`, async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as { WebSocketStream?: unknown }).WebSocketStream;
    });
    const done = watchConsole(page);
    const l = await lab(page, lang);
    await expect(l.getByRole('note')).toContainText(text[lang].unsupported);
    await expect(l.getByRole('note')).toContainText('Chromium 156');
    // the recorded runs, all three ways and both readers
    await expect(l.locator('table').first().locator('th[scope=col]')).toHaveCount(3);
    await expect(l.locator('table').last().locator('th[scope=col]')).toHaveCount(2);
    // live: the two WebSocket ways replace the recording
    await l.getByLabel(text[lang].size).selectOption({ index: 0 }); // 1 MiB
    await l.getByRole('button', { name: text[lang].two }).click();
    await expect(l.locator('table').first().locator('th[scope=col]')).toHaveCount(2);
    await expect(l.locator('table').first().locator('td[data-run]').filter({ hasText: /^(done|xong)$/ })).toHaveCount(2, { timeout: 20_000 });
    done();
  });

  test(`${lang}: the runnable example opens, echoes and closes through WebSocketStream`, async ({ page }) => {
    await page.goto(`/${lang}/websocketstream/`);
    const output = await runExample(runnable(page, 'websocketstream-basics'), lang);
    await expectLines(output, [
      'echo: Hello',
      'echo: Xin chào',
      /(closed|đã đóng): 1000 "done"/,
      /opened (rejected|bị từ chối): WebSocketError closeCode null/,
    ]);
  });
}
