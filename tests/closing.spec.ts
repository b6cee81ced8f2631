import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectLines, openLab, runExample, runnable, watchConsole } from './helpers.ts';

// The close lab on /<lang>/closing/: every way a connection ends, as the page sees it.
const l = {
  en: {
    connect: 'Connect', call: 'Call close()', code: 'Code', reason: 'Reason', result: 'The close event', log: 'Event log',
    client: 'You: close(code, reason)', server: 'The server closes', drop: 'The server drops TCP', fault: 'The server breaks the protocol',
    vi: 'Vietnamese', over: '124 bytes', customCode: 'Or any code 3000–4999', after: 'Close after', faultSelect: 'Fault',
  },
  vi: {
    connect: 'Kết nối', call: 'Gọi close()', code: 'Mã', reason: 'Lý do', result: 'Sự kiện close', log: 'Nhật ký sự kiện',
    client: 'Bạn: close(code, reason)', server: 'Server đóng', drop: 'Server cắt ngang TCP', fault: 'Server vi phạm giao thức',
    vi: 'Tiếng Việt', over: '124 byte', customCode: 'Hoặc mã bất kỳ từ 3000 đến 4999', after: 'Đóng sau', faultSelect: 'Lỗi',
  },
} as const;
type Lang = keyof typeof l;

// Chromium reports failed connections in the console; those are what some tests provoke.
const expectedConsole = [/WebSocket connection to .* failed/];

async function open(page: Page, lang: Lang) {
  await page.goto(`/${lang}/closing/`);
  return openLab(page, '#close-lab');
}

function result(lab: Locator, lang: Lang) {
  return lab.getByRole('region', { name: l[lang].result });
}

async function connectEcho(lab: Locator, lang: Lang) {
  await lab.getByRole('button', { name: l[lang].connect, exact: true }).click();
  await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
}

for (const lang of ['en', 'vi'] as const) {
  const s = l[lang];

  test(`${lang}: close(1000) is a clean close`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await expect(result(lab, lang).getByRole('status')).not.toContainText('1000');
    await connectEcho(lab, lang);
    await lab.getByRole('spinbutton', { name: s.code, exact: true }).fill('1000');
    await lab.getByRole('textbox', { name: s.reason }).fill('done');
    await expect(lab.getByText('socket.close(1000, "done")')).toBeVisible();
    await lab.getByRole('button', { name: s.call }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    const status = result(lab, lang).getByRole('status');
    await expect(status).toContainText('1000');
    await expect(status).toContainText('Normal Closure');
    await expect(status).toContainText('"done"');
    await expect(status).toContainText(/wasClean\s*true/);
    await expect(lab.getByRole('log', { name: s.log }).locator('li.close')).toContainText('1000');
    noErrors();
  });

  test(`${lang}: close(3001) with a Vietnamese reason, and its byte count`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await connectEcho(lab, lang);
    await lab.getByRole('button', { name: '3001', exact: true }).click();
    await lab.getByRole('button', { name: s.vi, exact: true }).click();
    const reason = lab.getByRole('textbox', { name: s.reason });
    await expect(reason).toHaveValue('Tạm biệt, hẹn gặp lại!');
    // 22 characters, 32 bytes: the live count says so, and names the 3-byte letters.
    await expect(lab.getByText(/^32 \/ 123/)).toBeVisible();
    await expect(lab.getByText('E1 BA A1')).toBeVisible();
    await lab.getByRole('button', { name: s.call }).click();
    const status = result(lab, lang).getByRole('status');
    await expect(status).toContainText('3001');
    await expect(status).toContainText('"Tạm biệt, hẹn gặp lại!"');
    await expect(status).toContainText(/wasClean\s*true/);
    noErrors();
  });

  test(`${lang}: close(1001) from a page throws InvalidAccessError and leaves the connection open`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await connectEcho(lab, lang);
    await lab.getByRole('button', { name: '1001', exact: true }).click();
    await expect(lab.getByText(/InvalidAccessError: 1001/)).toBeVisible(); // the prediction, before the call
    await lab.getByRole('button', { name: s.call }).click();
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText('InvalidAccessError');
    await expect(alert).toContainText('1001'); // the browser's own message names the code
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await expect(lab.getByRole('log', { name: s.log }).locator('li.exception')).toContainText('InvalidAccessError');
    noErrors();
  });

  test(`${lang}: a 124-byte reason makes close() throw SyntaxError`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await connectEcho(lab, lang);
    await lab.getByRole('button', { name: '1000', exact: true }).click();
    await lab.getByRole('button', { name: s.over, exact: true }).click();
    await expect(lab.getByText(/^124 \/ 123/)).toBeVisible();
    await lab.getByRole('button', { name: s.call }).click();
    await expect(lab.getByRole('alert')).toContainText('SyntaxError');
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    noErrors();
  });

  test(`${lang}: the server closes with 4000 and a reason`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await lab.getByRole('radio', { name: s.server }).check();
    await lab.getByRole('spinbutton', { name: s.customCode }).fill('4000');
    await lab.getByRole('textbox', { name: s.reason }).fill('hết giờ');
    await lab.getByRole('combobox', { name: s.after }).selectOption({ index: 0 });
    await expect(lab.getByText('/close?code=4000&reason=h%E1%BA%BFt+gi%E1%BB%9D')).toBeVisible();
    await lab.getByRole('button', { name: s.connect, exact: true }).click();
    const status = result(lab, lang).getByRole('status');
    await expect(status).toContainText('4000');
    await expect(status).toContainText('"hết giờ"');
    await expect(status).toContainText(/wasClean\s*true/);
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    noErrors();
  });

  test(`${lang}: a dropped TCP connection is 1006, wasClean false`, async ({ page }) => {
    const noErrors = watchConsole(page, expectedConsole);
    const lab = await open(page, lang);
    await lab.getByRole('radio', { name: s.drop }).check();
    await lab.getByRole('button', { name: s.connect, exact: true }).click();
    const status = result(lab, lang).getByRole('status');
    await expect(status).toContainText('1006');
    await expect(status).toContainText(/wasClean\s*false/);
    // The connection did open first (OPEN can be shorter than one of the test's polls on a loaded machine: the log keeps it).
    await expect(lab.getByRole('log', { name: s.log }).locator('li.open')).toHaveCount(1);
    // Not the "server unreachable" message: the connection did open.
    await expect(lab.getByRole('alert')).toHaveCount(0);
    noErrors();
  });
}

for (const fault of ['bad-utf8', 'masked', 'reserved-bit', 'bad-opcode', 'long-ping']) {
  test(`en: protocol fault ${fault} → error, then close 1006`, async ({ page }) => {
    const noErrors = watchConsole(page, expectedConsole);
    const lab = await open(page, 'en');
    await lab.getByRole('radio', { name: l.en.fault }).check();
    await lab.getByRole('combobox', { name: l.en.faultSelect }).selectOption(fault);
    await lab.getByRole('button', { name: l.en.connect, exact: true }).click();
    const log = lab.getByRole('log', { name: l.en.log });
    await expect(log.locator('li.close')).toContainText('1006');
    await expect(log.locator('li.error')).toHaveCount(1);
    const status = result(lab, 'en').getByRole('status');
    await expect(status).toContainText(/wasClean\s*false/);
    await expect(status).toContainText('An error event came first');
    await expect(status).toContainText(fault === 'bad-utf8' ? 'suggests 1007' : 'suggests 1002');
    noErrors();
  });
}

test('vi: a protocol fault is explained in Vietnamese', async ({ page }) => {
  const lab = await open(page, 'vi');
  await lab.getByRole('radio', { name: l.vi.fault }).check();
  await lab.getByRole('button', { name: l.vi.connect, exact: true }).click();
  const status = result(lab, 'vi').getByRole('status');
  await expect(status).toContainText('1006');
  await expect(status).toContainText('Sự kiện error đến trước');
});

test('close() without a code reports 1005, which never travels on the wire', async ({ page }) => {
  const lab = await open(page, 'en');
  await connectEcho(lab, 'en');
  await lab.getByRole('checkbox', { name: 'Pass a code' }).uncheck();
  await expect(lab.getByText('socket.close()', { exact: true })).toBeVisible();
  await lab.getByRole('button', { name: l.en.call }).click();
  const status = result(lab, 'en').getByRole('status');
  await expect(status).toContainText('1005');
  await expect(status).toContainText('never travels on the wire');
});

test('the server rejects a reason over 123 bytes, so the lab says so instead of connecting', async ({ page }) => {
  const lab = await open(page, 'en');
  await lab.getByRole('radio', { name: l.en.server }).check();
  await lab.getByRole('button', { name: l.en.over, exact: true }).click();
  await expect(lab.getByRole('alert')).toContainText('124 bytes');
  await expect(lab.getByRole('button', { name: l.en.connect, exact: true })).toBeDisabled();
});

test('the close-code table renders without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [lang, caption, text] of [
    ['en', 'Close status codes', 'Abnormal Closure'],
    ['vi', 'Mã trạng thái đóng', 'wasClean là false'],
  ] as const) {
    await page.goto(`/${lang}/closing/`);
    const table = page.getByRole('table', { name: caption });
    await expect(table).toBeVisible();
    await expect(table.locator('#close-code-1006')).toContainText(text);
    await expect(table.locator('#close-code-1000').getByRole('cell').last()).toHaveText(lang === 'en' ? 'yes' : 'có');
    // The lab says it needs JavaScript; the runnable examples still show their code.
    await expect(page.locator('#close-lab')).toContainText(lang === 'en' ? 'needs JavaScript' : 'JavaScript');
    await expect(page.locator('figure.runnable').first()).toContainText('socket.close(');
  }
  await context.close();
});

test('the runnable example of the lesson runs', async ({ page }) => {
  await page.goto('/en/closing/');
  const out = await runExample(runnable(page, 'close-arguments'));
  await expectLines(out, [
    'close(1001, 10 bytes) threw InvalidAccessError',
    'close(4000, 140 bytes) threw SyntaxError',
    'still open: readyState = 1',
    'after close(): readyState = 2',
    'close: 4000 "Tạm biệt!" wasClean = true',
  ]);
});

test('vi: the runnable example speaks Vietnamese', async ({ page }) => {
  await page.goto('/vi/closing/');
  const args = runnable(page, 'close-arguments');
  await expect(args).toContainText('close() kiểm tra đối số');
  const out = await runExample(args, 'vi');
  await expectLines(out, [
    'close(1001, 10 byte) ném InvalidAccessError',
    'close(4000, 140 byte) ném SyntaxError',
    'vẫn mở: readyState = 1',
    'close: 4000 "Tạm biệt!" wasClean = true',
  ]);
});

test('a server address that is not a WebSocket URL is flagged and Connect waits', async ({ page }) => {
  const lab = await open(page, 'en');
  const field = lab.getByRole('textbox', { name: 'Server URL' });
  await field.fill('ftp://example');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.getByText('Enter the demo server as ws://host:port')).toBeVisible();
  await expect(lab.getByRole('button', { name: 'Connect', exact: true })).toBeDisabled();
  await field.fill(new URL(page.url()).origin.replace('http', 'ws'));
  await expect(lab.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled();
});
