import { expect, test, type Locator } from './fixtures.ts';
import { openLab, watchConsole } from './helpers.ts';

// The error lab (lesson errors). Its runnable examples, and every other one, run in runnable-all.spec.ts.
const t = {
  en: {
    refused: 'Refused port',
    blockedPort: 'A port the browser blocks',
    unknownHost: 'Unknown host',
    wrongPath: 'Wrong path',
    httpScheme: 'http:// instead of ws://',
    ftpScheme: 'ftp:// scheme',
    custom: 'Your own URL',
    customField: 'URL to try',
    same: '4 different failures',
    thrown: 'SyntaxError thrown',
  },
  vi: {
    refused: 'Cổng từ chối kết nối',
    blockedPort: 'Cổng bị trình duyệt chặn',
    unknownHost: 'Tên máy không tồn tại',
    wrongPath: 'Sai đường dẫn',
    httpScheme: 'http:// thay cho ws://',
    ftpScheme: 'Scheme ftp://',
    custom: 'URL của bạn',
    customField: 'URL muốn thử',
    same: '4 kiểu thất bại khác nhau',
    thrown: 'ném SyntaxError',
  },
} as const;

// Exactly the failures the lab provokes; any other console error still fails the test.
const expectedFailures = [
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:2\/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED/,
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:9\/' failed: Error in connection establishment: net::ERR_UNSAFE_PORT/,
  /^WebSocket connection to 'ws:\/\/does-not-exist\.invalid\/' failed: /,
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/no-such-endpoint' failed: Error during WebSocket handshake: Unexpected response code: 404/,
];

function card(lab: Locator, id: string) {
  return lab.locator(`li.case[data-case="${id}"]`);
}

async function tryCase(lab: Locator, title: string, tryLabel: string) {
  await lab.getByRole('button', { name: `${tryLabel}: ${title}`, exact: true }).click();
}

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];
  const tryLabel = lang === 'en' ? 'Try it' : 'Thử';

  test(`${lang}: four network failures look exactly alike to the page: error, then close 1006`, async ({ page }) => {
    const noErrors = watchConsole(page, expectedFailures);
    await page.goto(`/${lang}/errors/`);
    const lab = await openLab(page, '#error-lab');
    const ids = ['refused', 'blockedPort', 'unknownHost', 'wrongPath'] as const;
    for (const id of ids) {
      await tryCase(lab, l[id], tryLabel);
      const steps = card(lab, id).locator('.sequence > li');
      // new WebSocket() → error → close 1006 · wasClean false, in that order, and nothing else.
      await expect(steps).toHaveCount(3, { timeout: 10_000 });
      await expect(steps.nth(0)).toContainText('new WebSocket()');
      await expect(steps.nth(1)).toContainText('error');
      await expect(steps.nth(2)).toContainText('close');
      await expect(steps.nth(2)).toContainText('1006 · wasClean false');
    }
    await expect(lab.getByRole('status').filter({ hasText: l.same })).toBeVisible();
    const rows = lab.locator('table tbody tr');
    await expect(rows).toHaveCount(4);
    for (const row of await rows.all()) {
      await expect(row.locator('td')).toHaveText(['error → close', '1006 · false']);
    }
    noErrors();
  });

  test(`${lang}: http:// is turned into ws:// and opens; ftp:// throws SyntaxError with no events`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/errors/`);
    const lab = await openLab(page, '#error-lab');
    const host = new URL(page.url()).host;

    await tryCase(lab, l.httpScheme, tryLabel);
    const http = card(lab, 'httpScheme').locator('.sequence > li');
    await expect(http).toHaveCount(4);
    await expect(http.nth(1)).toContainText('open');
    await expect(http.nth(3)).toContainText('1000 · wasClean true');
    await expect(lab.locator('[data-prop="url"]')).toContainText(`"ws://${host}/echo"`);

    await tryCase(lab, l.ftpScheme, tryLabel);
    const ftp = card(lab, 'ftpScheme').locator('.sequence > li');
    await expect(ftp).toHaveCount(2);
    await expect(ftp.nth(1)).toContainText(l.thrown);
    await expect(ftp.nth(1)).toContainText("The URL's scheme must be either 'http', 'https', 'ws', or 'wss'");
    await expect(lab.locator('table tbody tr[data-case="ftpScheme"] td')).toHaveText([l.thrown, '—']);
    await expect(lab.locator('table tbody tr[data-case="httpScheme"] td')).toHaveText(['open → close', '1000 · true']);
    await expect(lab.locator('[data-prop="readyState"]')).toContainText(lang === 'en' ? '(empty)' : '(trống)');
    noErrors();
  });
}

test('error lab: your own URL — a #fragment throws before any connection exists', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto('/en/errors/');
  const lab = await openLab(page, '#error-lab');
  const tryCustom = lab.getByRole('button', { name: `Try it: ${t.en.custom}`, exact: true });
  await expect(tryCustom).toBeDisabled();
  await lab.getByRole('textbox', { name: t.en.customField }).fill(`ws://${new URL(page.url()).host}/echo#chat`);
  await tryCustom.click();
  await expect(card(lab, 'custom')).toContainText(t.en.thrown);
  await expect(card(lab, 'custom')).toContainText('fragment');
  noErrors();
});
