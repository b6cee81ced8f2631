import { createHash } from 'node:crypto';
import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectLines, labels, openLab, runExample, runnable, watchConsole } from './helpers.ts';

const t = {
  en: {
    request: 'Request: your browser → server',
    response: 'Response: server → your browser',
    accept: 'Sec-WebSocket-Accept, recomputed in your browser',
    checks: 'What your browser checked before open',
    yours: 'Your handshake',
    match: 'Match',
    mismatch: 'Mismatch',
    serverSent: 'The server sent:',
    rfcGives: 'RFC 6455 §1.3 gives:',
    offer: 'Subprotocols to offer',
    key: 'Sec-WebSocket-Key',
    random: 'Random key',
    useLive: "Use my handshake's key",
    explain: 'Explain every header',
    required: 'required',
    unreachable: 'npm install && npm start',
    refused: 'then close with code 1006',
    body: "Body: the server's reason, as plain text",
    noAccept: 'The server sent no Sec-WebSocket-Accept',
    extensionsOk: 'The accepted extension permessage-deflate was offered',
    protocolOk: 'The server chose json, one of those offered (json, echo)',
    noProtocol: 'No subprotocol offered, none chosen',
    exampleRequest: 'Request (RFC 6455 §1.3)',
  },
  vi: {
    request: 'Request: trình duyệt của bạn → server',
    response: 'Phản hồi: server → trình duyệt của bạn',
    accept: 'Sec-WebSocket-Accept, tính lại ngay trong trình duyệt của bạn',
    checks: 'Những gì trình duyệt đã kiểm tra trước khi mở',
    yours: 'Lần bắt tay của bạn',
    match: 'Khớp',
    mismatch: 'Không khớp',
    serverSent: 'Server đã gửi:',
    rfcGives: 'RFC 6455 §1.3 ghi:',
    offer: 'Các subprotocol đề xuất',
    key: 'Sec-WebSocket-Key',
    random: 'Khoá ngẫu nhiên',
    useLive: 'Dùng khoá vừa gửi',
    explain: 'Giải thích từng header',
    required: 'bắt buộc',
    unreachable: 'npm install && npm start',
    refused: 'rồi close với mã 1006',
    body: 'Body: lý do server đưa ra, dạng văn bản thuần',
    noAccept: 'Server không gửi Sec-WebSocket-Accept',
    extensionsOk: 'Extension được chấp nhận, permessage-deflate, nằm trong số đã đề xuất',
    protocolOk: 'Server chọn json, một trong các subprotocol đã đề xuất (json, echo)',
    noProtocol: 'Không đề xuất subprotocol nào, server cũng không chọn',
    exampleRequest: 'Request (RFC 6455 §1.3)',
  },
} as const;

type Lang = keyof typeof t;

/** What a server must answer for a key (RFC 6455 §4.2.2), computed here independently of the page. */
function acceptFor(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** The value of one header line in a message view (`Name: value`), read as the reader sees it. */
async function headerLine(message: Locator, name: string): Promise<string> {
  const line = message.locator('code.line', { hasText: new RegExp(`^${name}: `) });
  await expect(line).toHaveCount(1);
  return (await line.innerText()).slice(name.length + 2).trim();
}

async function inspector(page: Page, lang: Lang): Promise<Locator> {
  await page.goto(`/${lang}/handshake/`);
  const lab = await openLab(page, '#handshake-inspector');
  await expect(lab.getByRole('button', { name: labels[lang].connect, exact: true })).toBeEnabled();
  return lab;
}

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: connecting shows my own request and 101 response, and matching Accept values`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await inspector(page, lang);
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');

    const request = lab.getByRole('figure', { name: l.request });
    const response = lab.getByRole('figure', { name: l.response });
    await expect(request).toContainText(/GET \/echo\?session=[0-9a-f]{32} HTTP\/1\.1/);
    await expect(response).toContainText('HTTP/1.1 101 Switching Protocols');
    // Each header is explained; the required ones say so.
    await expect(request.locator('li', { hasText: 'Sec-WebSocket-Key:' })).toContainText(l.required);
    await expect(request.locator('li', { hasText: 'User-Agent:' })).toContainText('User-Agent');

    const key = await headerLine(request, 'Sec-WebSocket-Key');
    const sent = await headerLine(response, 'Sec-WebSocket-Accept');
    expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(sent).toBe(acceptFor(key));
    expect(await headerLine(request, 'Sec-WebSocket-Protocol')).toBe('json, echo');
    expect(await headerLine(response, 'Sec-WebSocket-Protocol')).toBe('json');

    // The browser-side computation: the key from the request, the digest, the base64, ✓ against the server's value.
    const accept = lab.getByRole('region', { name: l.accept });
    await expect(accept.getByRole('textbox', { name: l.key })).toHaveValue(key);
    const digestHex = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('hex');
    await expect(accept).toContainText(digestHex.match(/../g)!.join(' '));
    await expect(accept.locator('code.result')).toHaveText(sent);
    const verdict = accept.getByRole('status');
    await expect(verdict).toContainText(l.serverSent);
    await expect(verdict).toContainText(sent);
    await expect(verdict).toContainText(`✓ ${l.match}`);

    // Every check the browser made passed, subprotocol included.
    const checks = lab.getByRole('region', { name: l.checks });
    await expect(checks.getByRole('listitem')).toHaveCount(6);
    await expect(checks.locator('li.ok')).toHaveCount(6);
    await expect(checks).toContainText(l.protocolOk);
    await expect(lab).toContainText('socket.protocol = "json"');
    noErrors();
  });
}

test('en: /echo-deflate negotiates permessage-deflate; offering no subprotocol sends none', async ({ page }) => {
  const noErrors = watchConsole(page);
  const l = t.en;
  const lab = await inspector(page, 'en');
  await lab.getByRole('radio', { name: /echo-deflate/ }).check();
  await lab.getByRole('textbox', { name: l.offer }).fill('');
  await lab.getByRole('button', { name: 'Connect', exact: true }).click();
  const response = lab.getByRole('figure', { name: l.response });
  await expect(response).toContainText('Sec-WebSocket-Extensions: permessage-deflate');
  await expect(response).not.toContainText('Sec-WebSocket-Protocol');
  await expect(lab.getByRole('figure', { name: l.request })).not.toContainText('Sec-WebSocket-Protocol');
  const checks = lab.getByRole('region', { name: l.checks });
  await expect(checks.locator('li.ok')).toHaveCount(6);
  await expect(checks).toContainText(l.extensionsOk);
  await expect(checks).toContainText(l.noProtocol);
  await expect(lab).toContainText('socket.extensions = "permessage-deflate"');
  noErrors();
});

test('vi: changing the key breaks the match (✗), and the live key comes back', async ({ page }) => {
  const noErrors = watchConsole(page);
  const l = t.vi;
  const lab = await inspector(page, 'vi');
  await lab.getByRole('button', { name: labels.vi.connect, exact: true }).click();
  const accept = lab.getByRole('region', { name: l.accept });
  const verdict = accept.getByRole('status');
  // Before the handshake arrives the field holds the RFC's sample key (also a ✓ match), so take the live key
  // from the request the page shows, and wait for the field to carry it.
  const liveKey = await headerLine(lab.getByRole('figure', { name: l.request }), 'Sec-WebSocket-Key');
  const field = accept.getByRole('textbox', { name: l.key });
  await expect(field).toHaveValue(liveKey);
  await expect(verdict).toContainText(`✓ ${l.match}`);

  await accept.getByRole('button', { name: l.random }).click();
  await expect(field).not.toHaveValue(liveKey);
  await expect(verdict).toContainText(`✗ ${l.mismatch}`);
  await expect(accept.locator('code.result')).toHaveText(acceptFor(await field.inputValue()));

  await accept.getByRole('button', { name: l.useLive }).click();
  await expect(field).toHaveValue(liveKey);
  await expect(verdict).toContainText(`✓ ${l.match}`);
  noErrors();
});

test('en: usable by keyboard alone — connect, hide explanations, compute a typed key', async ({ page }) => {
  const noErrors = watchConsole(page);
  const l = t.en;
  const lab = await inspector(page, 'en');
  await lab.getByRole('textbox', { name: labels.en.server }).focus();
  // Server URL → endpoint radios → subprotocols → Connect.
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('radio', { name: '/echo', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('textbox', { name: l.offer })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('button', { name: 'Connect', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
  const request = lab.getByRole('figure', { name: l.request });
  await expect(request.locator('p.why').first()).toBeVisible();

  // Close is enabled once open, then comes the explanations checkbox.
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('button', { name: labels.en.close, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const explain = lab.getByRole('checkbox', { name: l.explain });
  await expect(explain).toBeFocused();
  await page.keyboard.press('Space');
  await expect(explain).not.toBeChecked();
  await expect(request.locator('p.why')).toHaveCount(0);

  const field = lab.getByRole('textbox', { name: l.key });
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('dGhlIHNhbXBsZSBub25jZQ==');
  await expect(lab.locator('code.result')).toHaveText('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  noErrors();
});

test('en: before connecting, the RFC key is computed and matches the RFC value', async ({ page }) => {
  const noErrors = watchConsole(page);
  const l = t.en;
  const lab = await inspector(page, 'en');
  await expect(lab.getByRole('region', { name: l.yours })).toContainText('Press Connect');
  const accept = lab.getByRole('region', { name: l.accept });
  await expect(accept.getByRole('textbox', { name: l.key })).toHaveValue('dGhlIHNhbXBsZSBub25jZQ==');
  await expect(accept.locator('code.result')).toHaveText('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  await expect(accept.getByRole('status')).toContainText(`${l.rfcGives} s3pPLMBiTxaQ9kYGzzhZRbK+xOo=`);
  await expect(accept.getByRole('status')).toContainText(`✓ ${l.match}`);
  noErrors();
});

test('en: an unreachable server is said plainly, with how to start it', async ({ page }) => {
  // The browser itself logs the failed connection attempt to the console; nothing else may appear there.
  const noErrors = watchConsole(page, [/WebSocket connection to 'ws:\/\/127\.0\.0\.1:9\/inspect/]);
  const lab = await inspector(page, 'en');
  await lab.getByRole('textbox', { name: labels.en.server }).fill('ws://127.0.0.1:9');
  await lab.getByRole('button', { name: 'Connect', exact: true }).click();
  const alert = lab.getByRole('alert');
  await expect(alert).toContainText('Could not reach the demo server');
  await expect(alert).toContainText(t.en.unreachable);
  await expect(alert.getByRole('link')).toHaveAttribute('href', '#handshake-example');
  // The static example is still there to read.
  await expect(page.getByRole('figure', { name: t.en.exampleRequest })).toContainText('Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
  noErrors();
});

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: a refused handshake: the page sees only error and 1006, the inspector shows the server's 400 and its reason`, async ({ page }) => {
    const noErrors = watchConsole(page, [/Error during WebSocket handshake: Unexpected response code: 400/, /WebSocket connection to .* failed/]);
    const l = t[lang];
    const lab = await inspector(page, lang);
    await lab.getByRole('textbox', { name: l.offer }).fill('chat');
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText(l.refused);
    await expect(alert).toContainText('HTTP/1.1 400 Bad Request');
    await expect(alert.getByRole('link')).toHaveAttribute('href', '#failed-handshakes');
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    // What the page could not see: the request as sent, and the server's answer with its reason, as text.
    const request = lab.getByRole('figure', { name: l.request });
    await expect(request).toContainText('Sec-WebSocket-Protocol: chat');
    const response = lab.getByRole('figure', { name: l.response });
    await expect(response.locator('code.line').first()).toHaveText('HTTP/1.1 400 Bad Request');
    await expect(response).toContainText(l.body);
    await expect(response.locator('pre')).toHaveText(/^Unsupported subprotocol: \/echo speaks only (echo, json|json, echo)$/);
    await expect(response).not.toContainText('Sec-WebSocket-Accept');
    // No accept value to compare, and the browser stopped at the status.
    await expect(lab).toContainText(l.noAccept);
    await expect(lab).not.toContainText(l.mismatch);
    const checks = lab.getByRole('region', { name: l.checks });
    await expect(checks.getByRole('listitem')).toHaveCount(1);
    await expect(checks).toContainText('400 Bad Request');
    noErrors();
  });
}

test('the static example, accept steps and header reference read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const lang of ['en', 'vi'] as const) {
    await page.goto(`/${lang}/handshake/`);
    const example = page.locator('#handshake-example');
    await expect(example.getByRole('figure')).toHaveCount(2);
    await expect(example).toContainText('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    await expect(page.locator('#accept-example')).toContainText('b3 7a 4f 2c c0 62 4f 16 90 f6 46 06 cf 38 59 45 b2 be c4 ea');
    await expect(page.locator('#accept-example')).toContainText(`✓ ${t[lang].match}`);
    // Header names in the example deep-link to their reference entries.
    await example.getByRole('link', { name: 'Sec-WebSocket-Key' }).click();
    await expect(page).toHaveURL(/#header-sec-websocket-key$/);
    await expect(page.locator('#header-sec-websocket-key')).toContainText(t[lang].required);
    await expect(page.locator('#header-origin')).toContainText('RFC 6455 §10.2');
  }
  await context.close();
});

test('vi: on a 360 px phone, the lab after connecting fits without sideways scrolling', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 780 });
  const lab = await inspector(page, 'vi');
  await lab.getByRole('radio', { name: /echo-deflate/ }).check();
  await lab.getByRole('button', { name: labels.vi.connect, exact: true }).click();
  await expect(lab.getByRole('region', { name: t.vi.accept }).getByRole('status')).toContainText(`✓ ${t.vi.match}`);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  noErrors();
});

test('en: the runnable examples print what the server negotiated, and what a refused handshake leaves', async ({ page }) => {
  const noErrors = watchConsole(page, [/Error during WebSocket handshake: Unexpected response code: 400/, /WebSocket connection to .* failed/]);
  await page.goto('/en/handshake/');
  const out = await runExample(runnable(page, 'handshake-negotiation'));
  await expectLines(out, [
    'before open: "" ""',
    'protocol = "json"',
    'extensions = "permessage-deflate"',
    'close: 1000 wasClean = true',
  ]);

  const log = await runExample(runnable(page, 'handshake-refused'));
  await expect(log).toContainText('error event: error');
  await expect(log).toContainText('close: 1006 "" wasClean = false');
  await expect(log).not.toContainText('open — never happens');
  noErrors();
});
