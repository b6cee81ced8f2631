import { expect, test, type Page, type WebSocketRoute } from './fixtures.ts';
import { openLab, runExample, runnable, watchConsole } from './helpers.ts';

const t = {
  en: {
    nick: 'Nickname', join: 'Join', leave: 'Leave', message: 'Message', send: 'Send', transcript: 'Chat messages',
    you: '(you)', tools: "Break the server's rules", burst: 'Send 60 messages at once', server: 'Server URL',
  },
  vi: {
    nick: 'Biệt danh', join: 'Vào phòng', leave: 'Rời phòng', message: 'Tin nhắn', send: 'Gửi', transcript: 'Tin nhắn trong phòng',
    you: '(bạn)', tools: 'Thử phạm luật của server', burst: 'Gửi 60 tin nhắn cùng lúc', server: 'Địa chỉ server',
  },
} as const;

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 7)}`;

/** Fails the test if anything on the page opens a dialog (an injected alert would). */
function noDialogs(page: Page): () => void {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return () => expect(seen, 'dialogs opened by the page').toEqual([]);
}

async function joinChat(page: Page, lang: 'en' | 'vi', nick: string) {
  await page.goto(`/${lang}/real-time-patterns/`);
  const lab = await openLab(page, '#chat-lab');
  await lab.getByRole('textbox', { name: t[lang].nick }).fill(nick);
  await lab.getByRole('button', { name: t[lang].join, exact: true }).click();
  const transcript = lab.getByRole('log', { name: t[lang].transcript });
  await expect(transcript.locator('li.notice', { hasText: nick }).first()).toBeVisible();
  return { lab, transcript };
}

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: two tabs chat; joins, messages and markup shown as text`, async ({ context }) => {
    const pageA = await context.newPage();
    const pageB = await context.newPage();
    const checks = [watchConsole(pageA), watchConsole(pageB), noDialogs(pageA), noDialogs(pageB)];
    const nickA = unique('Lan');
    const nickB = unique('Minh');
    const a = await joinChat(pageA, lang, nickA);
    const b = await joinChat(pageB, lang, nickB);

    // A sees B arrive, with a member count.
    await expect(a.transcript.locator('li.notice', { hasText: nickB })).toContainText(/\d/);
    await expect(a.lab.getByRole('status').filter({ hasText: nickA })).toBeVisible();

    // The room is shared with every other test running at the same time: a message unique to this test.
    const hello = `xin chào từ ${nickA}`;
    await a.lab.getByRole('textbox', { name: l.message, exact: true }).fill(hello);
    await a.lab.getByRole('button', { name: l.send, exact: true }).click();
    const fromA = b.transcript.locator('li.msg', { hasText: hello });
    await expect(fromA.locator('.who')).toHaveText(nickA);
    await expect(fromA).not.toHaveClass(/own/);
    await expect(a.transcript.locator('li.msg.own', { hasText: hello })).toContainText(l.you);

    const markup = '<img src=x onerror=alert(1)>';
    await b.lab.getByRole('textbox', { name: l.message, exact: true }).fill(markup);
    await b.lab.getByRole('button', { name: l.send, exact: true }).click();
    const injected = a.transcript.locator('li.msg', { hasText: nickB }).last();
    await expect(injected.locator('.text')).toHaveText(markup);
    await expect(a.transcript.locator('img')).toHaveCount(0);
    await expect(b.transcript.locator('li.msg.own .text')).toHaveText(markup);

    // B leaves: A is told, and the count drops.
    await b.lab.getByRole('button', { name: l.leave, exact: true }).click();
    await expect(a.transcript.locator('li.notice.leave', { hasText: nickB })).toBeVisible();
    for (const check of checks) check();
  });
}

test('en: nickname checks match the server and are announced', async ({ page }) => {
  await page.goto('/en/real-time-patterns/');
  const lab = await openLab(page, '#chat-lab');
  const join = lab.getByRole('button', { name: 'Join', exact: true });
  await join.click();
  await expect(lab.getByRole('alert')).toHaveText(/Choose a nickname/);
  await lab.getByRole('textbox', { name: 'Nickname' }).fill('x'.repeat(25));
  await join.click();
  await expect(lab.getByRole('alert')).toHaveText(/at most 24 characters/);
  await expect(lab.getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('aria-invalid', 'true');
});

test('en: the server’s error messages and its rate-limit close are shown', async ({ page }) => {
  const noErrors = watchConsole(page);
  const { lab, transcript } = await joinChat(page, 'en', unique('Burst'));
  await lab.getByText(t.en.tools).click();
  await lab.getByRole('button', { name: 'Send text that is not JSON' }).click();
  await expect(transcript.locator('li.server-error').last()).toContainText('Server error: Not JSON');
  await lab.getByRole('button', { name: t.en.burst }).click();
  await expect(lab.getByRole('alert')).toContainText('1008');
  await expect(lab.getByRole('alert')).toContainText('Rate limit');
  await expect(transcript.locator('li.server-error', { hasText: 'Unknown message' })).toContainText(/×\d+/);
  // Reconnecting rejoins the room under the same name.
  await lab.getByRole('button', { name: 'Reconnect', exact: true }).click();
  await expect(lab.getByRole('status').filter({ hasText: 'In the room as Burst-' })).toBeVisible();
  await expect(lab.getByRole('alert')).toHaveCount(0);
  noErrors();
});

test('en: the chat says plainly when the server cannot be reached', async ({ page }) => {
  const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
  await page.goto('/en/real-time-patterns/');
  const lab = await openLab(page, '#chat-lab');
  await lab.getByText('Server URL:').click();
  await lab.getByRole('textbox', { name: 'Server URL' }).fill('ws://127.0.0.1:9');
  await lab.getByRole('textbox', { name: 'Nickname' }).fill('Nobody');
  await lab.getByRole('button', { name: 'Join', exact: true }).click();
  const alert = lab.getByRole('alert');
  await expect(alert).toContainText('ws://127.0.0.1:9/chat');
  await expect(alert).toContainText('npm start');
  noErrors();
});

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: the ticker streams quotes, shows a rate and latency, pauses`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/real-time-patterns/`);
    const lab = await openLab(page, '#ticker-lab');
    await lab.getByRole('combobox').selectOption('10');
    await lab.getByRole('button', { name: lang === 'en' ? 'Start' : 'Bắt đầu', exact: true }).click();
    await expect.poll(async () => Number(await lab.getByTestId('ticker-received').textContent()), { timeout: 10_000 }).toBeGreaterThan(10);
    await expect.poll(async () => Number(await lab.getByTestId('ticker-rate').textContent())).toBeGreaterThan(4);
    await expect(lab.getByTestId('ticker-latency')).toHaveText(/^-?\d+ ms$/);
    await expect(lab.getByRole('img', { name: /^ACME:/ })).toBeVisible();

    await lab.getByRole('button', { name: lang === 'en' ? 'Pause charts' : 'Tạm dừng biểu đồ' }).click();
    await expect(lab.getByRole('status').filter({ hasText: lang === 'en' ? 'Charts paused' : 'Biểu đồ đang tạm dừng' })).toBeVisible();
    await lab.getByRole('button', { name: lang === 'en' ? 'Stop' : 'Dừng', exact: true }).click();
    await expect.poll(async () => Number(await lab.getByTestId('ticker-rate').textContent()), { timeout: 5000 }).toBe(0);
    noErrors();
  });
}

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: the comparison lab measures all four methods`, async ({ page }) => {
    test.setTimeout(40_000);
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/alternatives/`);
    const lab = await openLab(page, '#compare-lab');
    await lab.getByRole('combobox', { name: lang === 'en' ? 'Measure for' : 'Đo trong' }).selectOption('5');
    await lab.getByRole('combobox', { name: lang === 'en' ? 'Server updates' : 'Tốc độ cập nhật của server' }).selectOption('5');
    await lab.getByRole('button', { name: lang === 'en' ? 'Run all four' : 'Chạy cả bốn' }).click();
    await expect(lab.getByRole('status').filter({ hasText: lang === 'en' ? 'Done' : 'Xong' })).toBeVisible({ timeout: 15_000 });
    await expect(lab.getByRole('alert')).toHaveCount(0);
    const rows = lab.locator('table').first().locator('tbody tr');
    await expect(rows).toHaveCount(4);
    for (const method of ['poll', 'longPoll', 'sse', 'ws']) {
      const cells = rows.and(lab.locator(`[data-method="${method}"]`)).locator('td');
      const requests = Number(await cells.nth(0).textContent());
      const updates = Number(await cells.nth(1).textContent());
      expect(requests, `${method} requests`).toBeGreaterThan(0);
      expect(updates, `${method} updates`).toBeGreaterThan(5);
      await expect(cells.nth(3), `${method} bytes per update`).toHaveText(/^[\d,.]+ B$/);
      await expect(cells.nth(5), `${method} median latency`).toHaveText(/ms$/);
    }
    // Long-polling pays for a request and a response per update; a WebSocket update costs its frame.
    const perUpdate = async (method: string) =>
      Number((await lab.locator(`[data-method="${method}"] td`).nth(3).textContent())!.replace(/[^\d]/g, ''));
    const ws = await perUpdate('ws');
    expect(await perUpdate('longPoll')).toBeGreaterThan(3 * ws);
    expect(await perUpdate('poll')).toBeGreaterThan(1.5 * ws);
    noErrors();
  });
}

test('en: the runnable examples run against the demo server', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto('/en/real-time-patterns/');
  const chatOut = await runExample(runnable(page, 'real-time-patterns-chat'));
  await expect(chatOut).toContainText('[Minh] as HTML that is: Lan: &lt;img src=x onerror=alert(1)&gt; xin chào');

  await expect(await runExample(runnable(page, 'real-time-patterns-envelope'))).toContainText('closed 1000 enough');

  await page.goto('/vi/alternatives/');
  await expect(await runExample(runnable(page, 'alternatives-overhead'), 'vi')).toContainText(/WebSocket, mỗi cập nhật: \d+(\.\d)? byte/);
  noErrors();
});

test('en: after a dropped connection the chat counts down, reconnects and rejoins', async ({ page }) => {
  // A stand-in for the server: the first connection is dropped with 1001 (going away), the next one stays.
  let connections = 0;
  await page.routeWebSocket(/\/chat\?nick=/, (ws) => {
    const n = ++connections;
    const nick = new URL(ws.url()).searchParams.get('nick');
    ws.send(JSON.stringify({ type: 'join', nick, count: n }));
    if (n === 1) setTimeout(() => ws.close({ code: 1001, reason: 'restarting' }), 300);
  });
  await page.goto('/en/real-time-patterns/');
  const lab = await openLab(page, '#chat-lab');
  await lab.getByRole('textbox', { name: 'Nickname' }).fill('Phoenix');
  await lab.getByRole('button', { name: 'Join', exact: true }).click();
  // One assertion for both parts: the wait is 0.5–1 s, so a second look could find the alert already gone.
  await expect(lab.getByRole('alert')).toContainText(/The connection dropped \(code 1001\)[^]*attempt 1 of 6/);
  await expect(lab.getByRole('status').filter({ hasText: 'In the room as Phoenix · 2 here' })).toBeVisible({ timeout: 5000 });
  await expect(lab.getByRole('alert')).toHaveCount(0);
  expect(connections).toBe(2);
});

test('vi: the ticker reconnects after the server goes away, subscribes again, and counts no false gap', async ({ page }) => {
  // A stand-in for the server: the first stream sends seq 1–3 then closes with 1001; the next starts again at 1.
  let connections = 0;
  await page.routeWebSocket(/\/ticker\?hz=/, (ws) => {
    const n = ++connections;
    const hz = new URL(ws.url()).searchParams.get('hz');
    expect(hz).toBe('2');
    let seq = 0;
    const quote = () => ws.send(JSON.stringify({ type: 'quote', seq: ++seq, t: Date.now(), symbol: 'ACME', price: 100 + seq, change: seq }));
    for (let i = 0; i < 3; i++) quote();
    if (n === 1) setTimeout(() => ws.close({ code: 1001, reason: 'restarting' }), 200);
    else {
      const timer = setInterval(quote, 100);
      ws.onClose(() => clearInterval(timer));
    }
  });
  await page.goto('/vi/real-time-patterns/');
  const lab = await openLab(page, '#ticker-lab');
  await lab.getByRole('combobox').selectOption('2');
  await lab.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
  await expect(lab.getByRole('alert')).toContainText(/Kết nối bị ngắt \(mã 1001\)[^]*lần thử 1\/6/);
  await expect(lab.getByRole('status').filter({ hasText: 'Đã kết nối lại và đăng ký lại với tốc độ 2/giây' })).toBeVisible({ timeout: 5000 });
  await expect(lab.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => Number(await lab.getByTestId('ticker-received').textContent())).toBeGreaterThan(6);
  // seq restarted at 1 on the new connection: that is a new stream, not missed quotes.
  await expect(lab.locator('dd.bad')).toHaveCount(0);
  expect(connections).toBe(2);

  // The reader's own Stop is not a drop: no alert, and the "reconnected" note goes.
  await lab.getByRole('button', { name: 'Dừng', exact: true }).click();
  await expect(lab.getByRole('button', { name: 'Bắt đầu', exact: true })).toBeEnabled();
  await expect(lab.getByRole('alert')).toHaveCount(0);
  await expect(lab.getByRole('status').filter({ hasText: 'Đã kết nối lại' })).toHaveCount(0);
});

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: the ticker says when the demo servers lose their shared link, and when it is back`, async ({ page }) => {
    // A stand-in for one of several instances: quotes, then the notices the server sends when Redis goes and returns.
    let server: WebSocketRoute | undefined;
    await page.routeWebSocket(/\/ticker\?hz=/, (ws) => {
      server = ws;
      let seq = 0;
      const quote = () => ws.send(JSON.stringify({ type: 'quote', seq: ++seq, t: Date.now(), symbol: 'ACME', price: 100 + seq, change: 1 }));
      quote();
      ws.send(JSON.stringify({ type: 'notice', code: 'local', message: 'The link between the demo servers is down.' }));
      quote();
    });
    await page.goto(`/${lang}/real-time-patterns/`);
    const lab = await openLab(page, '#ticker-lab');
    await lab.getByRole('button', { name: lang === 'en' ? 'Start' : 'Bắt đầu', exact: true }).click();
    const down = lang === 'en' ? 'The demo servers have lost touch with each other' : 'Các server demo tạm mất liên lạc với nhau';
    const back = lang === 'en' ? 'The demo servers are connected again' : 'Các server demo đã nối lại với nhau';
    await expect(lab.getByRole('status').filter({ hasText: down })).toBeVisible();
    // The notice is not a quote, and not counted as an unexpected message either.
    await expect(lab.getByTestId('ticker-received')).toHaveText('2');
    server?.send(JSON.stringify({ type: 'notice', code: 'shared', message: 'The link between the demo servers is back.' }));
    await expect(lab.getByRole('status').filter({ hasText: back })).toBeVisible();
    await expect(lab.getByRole('status').filter({ hasText: down })).toHaveCount(0);
    await expect(lab.getByRole('alert')).toHaveCount(0);
  });
}

test('en: the comparison lab names every method the server could not serve', async ({ page }) => {
  const noErrors = watchConsole(page, [/WebSocket connection to .* failed/, /Failed to load resource/, /ERR_CONNECTION_REFUSED/, /EventSource/]);
  await page.goto('/en/alternatives/');
  const lab = await openLab(page, '#compare-lab');
  await lab.getByText('Server URL:').click();
  await lab.getByRole('textbox', { name: 'Server URL' }).fill('ws://127.0.0.1:9');
  await lab.getByRole('button', { name: 'Run all four' }).click();
  const alert = lab.getByRole('alert');
  for (const method of ['Polling', 'Long-polling', 'Server-Sent Events', 'WebSocket']) {
    await expect(alert).toContainText(`${method}: `);
  }
  await expect(alert).toContainText('WebSocket: could not connect to ws://127.0.0.1:9/ticker?hz=');
  await expect(alert).toContainText('http://127.0.0.1:9');
  await expect(alert).toContainText('npm start');
  await expect(lab.getByRole('status').filter({ hasText: 'Nothing measured' })).toBeVisible();
  await expect(lab.locator('table')).toHaveCount(0);
  noErrors();
});
