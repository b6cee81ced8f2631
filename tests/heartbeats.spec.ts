import { expect, test } from './fixtures.ts';
import { expectLines, runExample, runnable } from './helpers.ts';

// The heartbeats-and-reconnect lesson: its two runnable examples, in both languages.
const labels = {
  en: {
    connect: 'Connect', frames: 'Frames on the wire',
    heartbeat: /\/heartbeat\?interval=MS/, interval: 'Heartbeat interval in milliseconds (250–10000)',
    answered: 'ping 3 → pong 3', silent: 'ping 4: not answering',
    cut: 'closed by the server: 4000 "no pong for ping 4 within 1000 ms"',
  },
  vi: {
    connect: 'Kết nối', frames: 'Các khung trên đường truyền',
    heartbeat: /\/heartbeat\?interval=MS/, interval: 'Khoảng cách giữa các heartbeat, tính bằng mili giây (250–10000)',
    answered: 'ping 3 → pong 3', silent: 'ping 4: không trả lời',
    cut: 'server đã đóng kết nối: 4000 "no pong for ping 4 within 1000 ms"',
  },
} as const;

for (const lang of ['en', 'vi'] as const) {
  const l = labels[lang];

  test(`${lang}: the page answers three application pings, stops, and the server closes with 4000`, async ({ page }) => {
    await page.goto(`/${lang}/heartbeats-and-reconnect/`);
    const log = await runExample(runnable(page, 'heartbeat-pause'), lang);
    await expectLines(log, [l.answered, l.silent, l.cut], { timeout: 10_000 });
    // Pings kept coming until the cut, so the page's watchdog never fired.
    await expect(log.locator('li.warn')).toHaveCount(0);
  });

  test(`${lang}: the inspector shows the server's ping, the browser's own pong, and the cut for not answering`, async ({ page }) => {
    await page.goto(`/${lang}/heartbeats-and-reconnect/`);
    const lab = page.locator('#frame-inspector');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.getByRole('button', { name: l.connect, exact: true })).toBeEnabled();
    await lab.getByRole('radio', { name: l.heartbeat }).check();
    await lab.getByRole('spinbutton', { name: l.interval }).fill('1000');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    const frames = lab.getByRole('region', { name: new RegExp(l.frames) });
    const rows = frames.getByRole('listitem');
    await expect(rows.filter({ hasText: 'Ping' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: 'Pong' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: '"type":"ping","n":1' })).toHaveCount(1);
    // Nobody on this page answers the application ping: the server's Close frame carries 4000.
    await expect(rows.filter({ hasText: '4000' }).first()).toBeVisible({ timeout: 5_000 });
  });
}

test('en: reconnects with growing, jittered delays and stops on a final code', async ({ page }) => {
  await page.goto('/en/heartbeats-and-reconnect/');
  const log = await runExample(runnable(page, 'reconnect-backoff'));
  await expect(log).toContainText('attempt 1: open');
  await expect(log).toContainText(/reconnecting in \d+ ms/);
  await expect(log).toContainText('closed with 4003', { timeout: 15_000 });
  await expect(log).toContainText('not reconnecting');
});

test('closing points to the reconnect material instead of repeating it', async ({ page }) => {
  for (const lang of ['en', 'vi'] as const) {
    await page.goto(`/${lang}/closing/`);
    await expect(runnable(page, 'reconnect-backoff')).toHaveCount(0);
    await page.locator(`main a[href^="/${lang}/heartbeats-and-reconnect/"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/heartbeats-and-reconnect/`));
  }
});
