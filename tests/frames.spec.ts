import { expect, test, type Locator, type Page, type WebSocketRoute } from './fixtures.ts';
import { labels, runExample, runnable, watchConsole } from './helpers.ts';

const t = {
  en: {
    sendText: 'Send text',
    sendBinary: 'Send as binary',
    frames: 'Frames on the wire',
    client: 'client → server',
    server: 'server → client',
    masked: 'masked',
    text: 'Text',
    decode: 'Decode bytes',
    build: 'Build a frame',
    hexInput: 'Frame bytes in hex',
    accepted: 'A receiver would accept this frame.',
    fails: 'A receiver would fail the connection',
    reserved: 'Opcode 0x3 is reserved',
    maskExplained: 'the payload is masked with the key in this header',
    lenExplained: 'the payload is 5 bytes',
    unreachable: 'Could not open the inspector stream',
    fragments: 'replies in N fragments',
    fragmentCount: 'Number of fragments (2–16)',
    deflate: '/echo-deflate',
    lastFragment: 'the last fragment',
    compressed: 'marks a compressed message',
    negotiated: 'Negotiated extensions: permessage-deflate',
  },
  vi: {
    sendText: 'Gửi dạng văn bản',
    sendBinary: 'Gửi dạng nhị phân',
    frames: 'Các khung trên đường truyền',
    client: 'client → server',
    server: 'server → client',
    masked: 'có mặt nạ',
    text: 'Text (văn bản)',
    decode: 'Giải mã byte',
    build: 'Tạo khung',
    hexInput: 'Các byte của khung, dạng hex',
    accepted: 'Bên nhận sẽ chấp nhận khung này.',
    fails: 'Bên nhận sẽ coi đây là lỗi giao thức',
    reserved: 'Opcode 0x3 được dành riêng',
    maskExplained: 'payload được áp mặt nạ bằng khoá trong header này',
    lenExplained: 'payload dài 5 byte',
    unreachable: 'Không mở được luồng quan sát',
    fragments: 'trả lời bằng N mảnh',
    fragmentCount: 'Số mảnh (2–16)',
    deflate: '/echo-deflate',
    lastFragment: 'mảnh cuối cùng',
    compressed: 'đánh dấu tin nhắn đã nén',
    negotiated: 'Extension đã thương lượng: permessage-deflate',
  },
} as const;

/** The inspector lab, scrolled into view so its island hydrates, with Connect enabled. */
async function inspector(page: Page, lang: 'en' | 'vi'): Promise<Locator> {
  await page.goto(`/${lang}/frames/`);
  const lab = page.locator('#frame-inspector');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.getByRole('button', { name: labels[lang].connect, exact: true })).toBeEnabled();
  return lab;
}

/**
 * The frame rows, without pings and pongs: the demo server's heartbeat may ping at any moment, and the
 * browser answers, so those frames can land anywhere in the list.
 */
function dataRows(frames: Locator): Locator {
  return frames.getByRole('listitem').filter({ hasNotText: /Ping|Pong/ });
}

async function connectAndSend(lab: Locator, lang: 'en' | 'vi', text = 'Hello'): Promise<Locator> {
  await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
  await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
  await lab.getByRole('textbox', { name: labels[lang].message }).fill(text);
  await lab.getByRole('button', { name: t[lang].sendText, exact: true }).click();
  return lab.getByRole('region', { name: new RegExp(t[lang].frames) });
}

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: sending Hello shows a masked client frame and an unmasked server frame`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await inspector(page, lang);
    const frames = await connectAndSend(lab, lang);
    const rows = dataRows(frames);
    await expect(rows).toHaveCount(2);

    const client = rows.nth(0).getByRole('button');
    await expect(client).toContainText(l.client);
    await expect(client).toContainText(`${l.text} (1)`);
    await expect(client).toContainText(`5 ${lang === 'en' ? 'bytes' : 'byte'} · ${l.masked}`);
    await expect(client).toContainText('“Hello”');
    const server = rows.nth(1).getByRole('button');
    await expect(server).toContainText(l.server);
    await expect(server).toContainText(`${l.text} (1)`);
    await expect(server).not.toContainText(l.masked);
    await expect(server).toContainText('“Hello”');

    // The client frame, chosen: opcode 1, MASK 1, length 5, a 4-byte key, and the unmasking of "Hello".
    await client.click();
    await expect(client).toHaveAttribute('aria-pressed', 'true');
    const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${l.client}`) });
    const diagram = detail.getByRole('group', { name: /#\d+/ });
    await expect(diagram.getByRole('button', { name: 'opcode = 1' })).toBeVisible();
    await expect(diagram.getByRole('button', { name: 'MASK = 1' })).toBeVisible();
    await expect(diagram.getByRole('button', { name: 'Payload len = 5' })).toBeVisible();
    await expect(diagram.getByRole('button', { name: /\(Masking-key = ([0-9a-f]{2} ){3}[0-9a-f]{2}\)$/ })).toBeVisible();
    await expect(detail.locator('.mask-steps tbody tr')).toHaveCount(5);
    await expect(detail.locator('.mask-steps tbody tr').first()).toContainText(/48 01001000\s*H/);
    await expect(detail.locator('.payload-view pre.text')).toHaveText('Hello');

    // The echo: same text, no mask, no key.
    await server.click();
    const echo = lab.getByRole('region', { name: new RegExp(`#\\d+, ${l.server}`) });
    await expect(echo.getByRole('button', { name: 'MASK = 0' })).toBeVisible();
    await expect(echo.getByRole('button', { name: /\(Masking-key/ })).toHaveCount(0);
    await expect(echo.locator('.payload-view pre.text')).toHaveText('Hello');
    await expect(echo.locator('.payload-view pre.hex')).toContainText('48 65 6c 6c 6f');
    noErrors();
  });

  test(`${lang}: a header field can be chosen by keyboard and explains itself`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await inspector(page, lang);
    const frames = await connectAndSend(lab, lang);
    await expect(dataRows(frames)).toHaveCount(2);
    // Keyboard only: focus the client's frame, move down one row and back, then into the diagram.
    const first = dataRows(frames).nth(0).getByRole('button');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(first).not.toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-pressed', 'true');

    const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${l.client}`) });
    const fin = detail.getByRole('button', { name: 'FIN = 1' });
    await fin.focus();
    const explanation = detail.getByTestId('field-explanation');
    await expect(explanation).toContainText('FIN');
    // Arrow keys walk the fields: FIN, RSV1, RSV2, RSV3, opcode, MASK.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const mask = detail.getByRole('button', { name: 'MASK = 1' });
    await expect(mask).toBeFocused();
    await expect(mask).toHaveAttribute('aria-pressed', 'true');
    await expect(explanation).toContainText(l.maskExplained);
    await expect(explanation).toContainText('RFC 6455 §5.2, §5.1');
    await page.keyboard.press('Tab');
    await expect(explanation).toContainText(l.lenExplained);
    // The explanation links to the field's section of the lesson, which exists.
    const more = explanation.getByRole('link');
    await expect(more).toHaveAttribute('href', '#frame-field-payload-len');
    await expect(page.locator('#frame-field-payload-len')).toHaveCount(1);
    noErrors();
  });

  test(`${lang}: a fragmented reply and a compressed one are shown and explained`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await inspector(page, lang);
    await lab.getByRole('radio', { name: new RegExp(l.fragments) }).check();
    await lab.getByRole('spinbutton', { name: l.fragmentCount }).fill('3');
    const frames = await connectAndSend(lab, lang, 'abcdef');
    const rows = dataRows(frames);
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('FIN 0');
    await expect(rows.nth(2)).toContainText('(0)');
    await expect(rows.nth(3)).toContainText('(0)');
    await expect(rows.nth(3)).not.toContainText('FIN 0');
    await rows.nth(3).getByRole('button').click();
    await expect(lab.locator('.frame-details').first()).toContainText(l.lastFragment);

    await lab.getByRole('button', { name: labels[lang].close, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    await lab.getByRole('radio', { name: new RegExp(l.deflate) }).check();
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await expect(lab.getByText(l.negotiated)).toBeVisible();
    await lab.getByRole('button', { name: l.sendText, exact: true }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('RSV1');
    await rows.nth(1).getByRole('button').click();
    await expect(lab.getByRole('button', { name: 'RSV1 = 1' })).toBeVisible();
    await expect(lab.locator('.frame-details').first()).toContainText(l.compressed);
    noErrors();
  });

  test(`${lang}: close frames show their code and reason`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await inspector(page, lang);
    const frames = await connectAndSend(lab, lang);
    await expect(dataRows(frames)).toHaveCount(2);
    await lab.getByRole('button', { name: labels[lang].close, exact: true }).click();
    const rows = dataRows(frames);
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(2)).toContainText('Close');
    await expect(rows.nth(2)).toContainText('1000 “done”');
    await rows.nth(3).getByRole('button').click();
    const details = lab.locator('.frame-details').first();
    await expect(details).toContainText('1000 (Normal Closure)');
    await expect(details).toContainText('“done”');
    noErrors();
  });

  test(`${lang}: says plainly when the inspector cannot be reached`, async ({ page }) => {
    const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
    const lab = await inspector(page, lang);
    await lab.getByRole('textbox', { name: labels[lang].server }).fill('ws://127.0.0.1:9');
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText(l.unreachable);
    await expect(alert).toContainText('ws://127.0.0.1:9/inspect?session=');
    await expect(alert).toContainText('npm start');
    await expect(lab.getByTestId('ready-state')).toContainText('—');
    noErrors();
  });

  test(`${lang}: the builder makes the RFC's masked Hello, decodes the unmasked one, and explains a bad frame`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/frames/`);
    const lab = page.locator('#frame-builder');
    await lab.scrollIntoViewIfNeeded();
    const decodeMode = lab.getByRole('radio', { name: l.decode });
    await expect(decodeMode).toBeEnabled();
    await expect(lab.getByTestId('hex-strip')).toHaveText(/^\s*81 85 37 fa 21 3d 7f 9f 4d 51 58\s*$/);
    await expect(lab.getByRole('status').filter({ hasText: l.accepted })).toBeVisible();

    await decodeMode.check();
    const input = lab.getByRole('textbox', { name: l.hexInput });
    await input.fill('81 05 48 65 6c 6c 6f');
    await expect(lab.getByRole('status').filter({ hasText: l.accepted })).toBeVisible();
    await expect(lab.getByRole('button', { name: 'FIN = 1' })).toBeVisible();
    await expect(lab.getByRole('button', { name: 'opcode = 1' })).toBeVisible();
    await expect(lab.getByRole('button', { name: 'MASK = 0' })).toBeVisible();
    await expect(lab.getByRole('button', { name: 'Payload len = 5' })).toBeVisible();
    await expect(lab.locator('.payload-view pre.text')).toHaveText('Hello');

    await input.fill('83 00');
    const verdict = lab.getByRole('status').filter({ hasText: l.fails });
    await expect(verdict).toContainText('1002');
    await expect(verdict).toContainText(l.reserved);
    await expect(verdict).toContainText('RFC 6455 §5.2');
    // The diagram marks the opcode, the field at fault.
    await expect(lab.getByRole('button', { name: 'opcode = 3' })).toHaveClass(/bad/);

    await input.fill('81 0');
    await expect(lab.getByRole('alert')).toBeVisible();
    noErrors();
  });
}

for (const [lang, text, count] of [
  ['en', 'one message, four frames', 'message events: 1'],
  ['vi', 'một tin nhắn, bốn khung', 'số sự kiện message: 1'],
] as const) {
  test(`${lang}: the runnable example gets one message event for four frames`, async ({ page }) => {
    await page.goto(`/${lang}/frames/`);
    const out = await runExample(runnable(page, 'frames-fragments'), lang);
    await expect(out).toContainText(`message #1: ${text}`);
    await expect(out).toContainText(`close: 1000 done - ${count}`);
    await expect(out).not.toContainText('message #2');
  });
}

test('the static annotated frame reads without JavaScript, with deep links to its fields', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/frames/#frame-field-mask');
  const mask = page.locator('#frame-field-mask');
  await expect(mask).toBeVisible();
  await expect(mask).toHaveText('MASK');
  for (const id of ['fin', 'rsv', 'opcode', 'payload-len', 'extended-payload-len', 'masking-key', 'payload']) {
    await expect(page.locator(`#frame-field-${id}`)).toHaveCount(1);
  }
  await expect(page.locator('.frame-anatomy')).toContainText('1: the payload is masked with the key in this header');
  await expect(page.locator('#frame-inspector')).toContainText('This lab needs JavaScript');
  await context.close();
});

// Frames that break a rule, as the tap records them: the server's deliberate fault (/misbehave, reachable
// from the inspector's endpoint choice) and a client message over the server's MAX_PAYLOAD (65,536 bytes).
const refused = {
  en: {
    fault: 'the server breaks a rule on purpose',
    faultKind: 'Which rule the server breaks',
    badge: 'refused',
    title: 'Refused: this frame breaks a rule of the protocol',
    reserved: 'Opcode 0x3 is reserved for future data frames',
    field: 'Field at fault: opcode',
    calls: 'The rule calls for closing the connection with 1002 (Protocol Error).',
    browser: 'then a close event with code 1006',
    tooBig: 'too big for it to process',
    callsTooBig: 'with 1009 (Message Too Big)',
    answered: 'The server answered with a close frame: code 1009.',
    cut: 'only 2 of its 6 header bytes arrived',
    reservedControl: 'Opcode 0xB is reserved for future control frames',
    answered1002: 'The server answered with a close frame: code 1002.',
  },
  vi: {
    fault: 'server cố tình vi phạm quy tắc',
    faultKind: 'Server sẽ vi phạm quy tắc nào',
    badge: 'bị từ chối',
    title: 'Bị từ chối: khung này vi phạm một quy tắc của giao thức',
    reserved: 'Opcode 0x3 được dành riêng',
    field: 'Trường vi phạm: opcode',
    calls: 'Theo quy tắc này, bên nhận phải đóng kết nối với mã 1002 (Protocol Error).',
    browser: 'rồi sự kiện close với mã 1006',
    tooBig: 'quá lớn',
    callsTooBig: 'với mã 1009 (Message Too Big)',
    answered: 'Server đã trả lời bằng một khung Close: mã 1009.',
    cut: 'chỉ 2 trong 6 byte header đến nơi',
    reservedControl: 'Opcode 0xB được dành riêng',
    answered1002: 'Server đã trả lời bằng một khung Close: mã 1002.',
  },
} as const;

for (const lang of ['en', 'vi'] as const) {
  const r = refused[lang];

  test(`${lang}: the server's reserved-opcode frame is shown refused, with the rule, the field and the browser's 1006`, async ({ page }) => {
    const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
    const lab = await inspector(page, lang);
    await lab.getByRole('radio', { name: new RegExp(r.fault) }).check();
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    const frames = lab.getByRole('region', { name: new RegExp(t[lang].frames) });
    const bad = frames.getByRole('button', { name: new RegExp(` ${r.badge} `) });
    await expect(bad).toHaveCount(1);
    await expect(bad).toContainText(`✗ ${r.badge}`);
    await expect(bad).toContainText(t[lang].server);
    await expect(bad).toContainText('(3)');
    // The refused frame is chosen for the reader: why, which field, which rule, and what the page saw.
    await expect(bad).toHaveAttribute('aria-pressed', 'true');
    const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${t[lang].server}`) });
    await expect(detail).toContainText(r.title);
    await expect(detail).toContainText(r.reserved);
    await expect(detail).toContainText(r.field);
    await expect(detail).toContainText('RFC 6455 §5.2');
    await expect(detail).toContainText('WS_ERR_INVALID_OPCODE');
    await expect(detail).toContainText(r.calls);
    await expect(detail).toContainText(r.browser);
    await expect(detail.getByRole('button', { name: 'opcode = 3' })).toHaveClass(/bad/);
    // The page's side of it: error, then close 1006, in the event log that opened by itself.
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    const log = lab.getByRole('log');
    await expect(log).toBeVisible();
    await expect(log).toContainText('1006');
    // The greeting before it was accepted: not marked.
    await expect(frames.getByRole('listitem').filter({ hasText: '“{' })).not.toContainText(r.badge);
    noErrors();
  });

  test(`${lang}: every fault the server offers is shown refused, with the field or close code its rule names`, async ({ page }) => {
    const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
    const lab = await inspector(page, lang);
    await lab.getByRole('radio', { name: new RegExp(r.fault) }).check();
    const kinds = lab.getByRole('combobox', { name: r.faultKind });
    // fault → the frame's opcode, the field the bit diagram marks (if the rule names one), the close code it calls for
    const cases: Array<[string, number, string | null, number]> = [
      ['masked', 1, 'MASK = 1', 1002],
      ['reserved-bit', 1, 'RSV1 = 1', 1002],
      ['long-ping', 9, null, 1002],
      ['bad-utf8', 1, null, 1007],
    ];
    for (const [fault, opcode, field, code] of cases) {
      await kinds.selectOption(fault);
      await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
      await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
      const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${t[lang].server}`) });
      await expect(detail, fault).toContainText(r.title);
      await expect(detail.getByRole('button', { name: `opcode = ${opcode}` }), fault).toBeVisible();
      if (field) await expect(detail.getByRole('button', { name: field }), fault).toHaveClass(/bad/);
      await expect(detail, fault).toContainText(`${code} (`);
    }
    noErrors();
  });

  test(`${lang}: a message over the server's limit is refused from its header, and the server's close 1009 is shown`, async ({ page }) => {
    const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
    const lab = await inspector(page, lang);
    const frames = await connectAndSend(lab, lang, 'x'.repeat(70_000));
    const bad = frames.getByRole('button', { name: new RegExp(` ${r.badge} `) });
    await expect(bad).toHaveCount(1);
    await expect(bad).toContainText(t[lang].client);
    const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${t[lang].client}`) });
    await expect(detail).toContainText(r.title);
    await expect(detail).toContainText(r.tooBig);
    await expect(detail).toContainText('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
    await expect(detail).toContainText(r.callsTooBig);
    await expect(detail).toContainText(r.answered);
    await expect(detail.getByRole('button', { name: /\(Extended payload length = / })).toHaveClass(/bad/);
    noErrors();
  });
}

for (const lang of ['en', 'vi'] as const) {
  const r = refused[lang];

  // A browser cannot end a connection inside a frame header, so the record (as demo-server/test/inspect.test.ts
  // gets it from a raw client) is handed to the page by a stand-in for /inspect.
  test(`${lang}: a refused frame whose connection ended inside its header renders and says so`, async ({ page }) => {
    const noErrors = watchConsole(page);
    let inspect: WebSocketRoute | undefined;
    await page.routeWebSocket(/\/inspect\?session=/, (ws) => {
      inspect = ws;
    });
    const lab = await inspector(page, lang);
    await lab.getByRole('button', { name: labels[lang].connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    inspect!.send(
      JSON.stringify({
        kind: 'frame', dir: 'client', t: 1, fin: true, rsv: [false, false, false], opcode: 11, masked: true, maskKey: null,
        length: 1, headerHex: '8b81', payloadHex: '', text: null,
        error: { code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002, rule: 'RFC 6455 §5.2', field: 'opcode' },
        close: { code: 1002, reason: '' },
      }),
    );
    const frames = lab.getByRole('region', { name: new RegExp(t[lang].frames) });
    const bad = frames.getByRole('button', { name: new RegExp(` ${r.badge} `) });
    await expect(bad).toHaveAttribute('aria-pressed', 'true');
    const detail = lab.getByRole('region', { name: new RegExp(`#\\d+, ${t[lang].client}`) });
    await expect(detail).toContainText(r.reservedControl);
    await expect(detail).toContainText(r.cut);
    await expect(detail).toContainText(r.answered1002);
    // MASK 1 with no key yet: the headline says masked, as the header does.
    await expect(detail.locator('.headline')).toContainText(t[lang].masked);
    await expect(detail.locator('.headline')).not.toContainText(lang === 'en' ? 'not masked' : 'không có mặt nạ');
    await expect(detail.getByRole('button', { name: 'opcode = 11' })).toHaveClass(/bad/);
    await expect(detail.getByRole('button', { name: 'MASK = 1' })).toBeVisible();
    noErrors();
  });
}
