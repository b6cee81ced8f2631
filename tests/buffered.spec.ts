import { expect, test, type Locator, type Page } from './fixtures.ts';
import { openLab, runExample, runnable, watchConsole } from './helpers.ts';

// The bufferedAmount lab on /<lang>/buffered-amount/: bursts to /slow, naive and with backpressure.
const l = {
  en: {
    size: 'Burst size', threshold: 'Backpressure threshold', naive: 'Send it all at once', paced: 'Send with backpressure',
    both: 'Both, side by side', stop: 'Stop', table: 'What each run did', log: 'Run log', server: 'Server URL',
    peak: 'Peak bufferedAmount', now: 'bufferedAmount now', drained: 'bufferedAmount back to 0 after', read: 'Server read everything after',
    phase: 'Now', done: 'done', stopped: 'stopped', chart: /Chart of bufferedAmount over time/, unreachable: 'Could not connect',
  },
  vi: {
    size: 'Kích thước đợt gửi', threshold: 'Ngưỡng backpressure', naive: 'Gửi hết một lượt', paced: 'Gửi có backpressure',
    both: 'Chạy cả hai song song', stop: 'Dừng', table: 'Mỗi lần chạy đã làm gì', log: 'Nhật ký lần chạy', server: 'Địa chỉ server',
    peak: 'bufferedAmount cao nhất', now: 'bufferedAmount hiện tại', drained: 'bufferedAmount về 0 sau', read: 'Server đọc hết sau',
    phase: 'Hiện tại', done: 'xong', stopped: 'đã dừng', chart: /Biểu đồ bufferedAmount theo thời gian/, unreachable: 'Could not connect',
  },
} as const;
type Lang = keyof typeof l;
const MIB = 1024 * 1024;

async function open(page: Page, lang: Lang) {
  await page.goto(`/${lang}/buffered-amount/`);
  return openLab(page, '#buffered-lab');
}

/** The table cell for one row (by its header) and one run ('naive' | 'paced'). */
function cell(lab: Locator, lang: Lang, row: string, run: 'naive' | 'paced') {
  // A row's accessible name starts with its header ("Now …" and "bufferedAmount now …" both contain "now").
  const name = new RegExp(`^${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
  return lab.getByRole('table', { name: l[lang].table }).getByRole('row', { name }).locator(`td[data-run="${run}"]`);
}

async function bytesIn(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('data-bytes'));
}

for (const lang of ['en', 'vi'] as const) {
  const s = l[lang];

  test(`${lang}: on /slow, bufferedAmount grows and drains; backpressure keeps the peak near the threshold`, async ({ page }) => {
    test.setTimeout(90_000);
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await expect(lab.getByRole('combobox', { name: s.size })).toHaveValue(String(8 * MIB));
    await expect(lab.getByRole('combobox', { name: s.threshold })).toHaveValue(String(1 * MIB));
    await lab.getByRole('button', { name: s.both }).click();
    await expect(lab.getByRole('button', { name: s.both })).toBeDisabled();

    // Grows: the naive loop queues the whole 8 MiB at once.
    const naivePeak = cell(lab, lang, s.peak, 'naive');
    await expect.poll(() => bytesIn(naivePeak)).toBe(8 * MIB);
    // Drains: both queues come back to 0, and the server reads all 8 MiB (condition waits, no timing asserts).
    for (const run of ['naive', 'paced'] as const) {
      await expect(cell(lab, lang, s.drained, run)).not.toHaveText('—', { timeout: 45_000 });
      await expect(cell(lab, lang, s.read, run)).not.toHaveText('—', { timeout: 45_000 });
      await expect(cell(lab, lang, s.phase, run)).toHaveText(s.done);
      expect(await bytesIn(cell(lab, lang, s.now, run))).toBe(0);
    }
    const pacedPeak = await bytesIn(cell(lab, lang, s.peak, 'paced'));
    expect(pacedPeak).toBeGreaterThan(0);
    expect(pacedPeak).toBeLessThan(1 * MIB + 64 * 1024);
    await expect(lab.getByRole('img', { name: s.chart })).toBeVisible();
    const log = lab.getByRole('log', { name: s.log });
    await expect(log.locator('li.naive.drained')).toHaveCount(1);
    await expect(log.locator('li.paced.read')).toHaveCount(1);
    await expect(lab.getByRole('button', { name: s.both })).toBeEnabled();
    noErrors();
  });

  test(`${lang}: Stop ends a run, and the buttons come back`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await lab.getByRole('combobox', { name: s.size }).selectOption(String(16 * MIB));
    await lab.getByRole('button', { name: s.paced }).click();
    await expect.poll(() => bytesIn(cell(lab, lang, s.peak, 'paced'))).toBeGreaterThan(0);
    await lab.getByRole('button', { name: s.stop }).click();
    await expect(cell(lab, lang, s.phase, 'paced')).toHaveText(s.stopped);
    await expect(lab.getByRole('log', { name: s.log }).locator('li.paced.stopped')).toHaveCount(1);
    await expect(lab.getByRole('button', { name: s.paced })).toBeEnabled();
    noErrors();
  });
}

test('en: an unreachable server is said plainly', async ({ page }) => {
  const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
  const lab = await open(page, 'en');
  await lab.getByRole('textbox', { name: l.en.server }).fill('ws://127.0.0.1:9');
  await lab.getByRole('button', { name: l.en.naive }).click();
  await expect(lab.getByRole('alert')).toContainText(l.en.unreachable);
  await expect(cell(lab, 'en', l.en.phase, 'naive')).toHaveText('failed');
  noErrors();
});

test('vi: the runnable example sends 8 MiB with backpressure and closes cleanly', async ({ page }) => {
  test.setTimeout(90_000);
  const noErrors = watchConsole(page);
  await page.goto('/vi/buffered-amount/');
  const output = await runExample(runnable(page, 'buffered-amount-backpressure'), 'vi');
  await expect(output).toContainText('sau một lần send(): 9');
  await expect(output).toContainText('đã gửi 128/128', { timeout: 45_000 });
  await expect(output).toContainText('close 1000 bufferedAmount = 0', { timeout: 45_000 });
  noErrors();
});
