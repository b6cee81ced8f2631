import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectLines, openLab, runExample, runnable, watchConsole } from './helpers.ts';

// The Messages lab on /<lang>/sending-and-receiving/: every kind of data through /echo, binaryType, and
// the two cases where send() does not send.
const l = {
  en: {
    connect: 'Connect', close: 'Close', send: 'Call send()', text: 'Message text', list: 'What you sent, and what came back',
    log: 'Event log', connectAndSend: 'Connect and send at once', closeThenSend: 'Close, then send',
    kinds: { string: 'string → text message', arraybuffer: 'ArrayBuffer → binary', typedarray: 'Uint8Array → binary', blob: 'Blob → binary' },
    discarded: 'discarded: it never left the browser', threw: 'send() threw InvalidStateError.', props: 'Properties, live',
  },
  vi: {
    connect: 'Kết nối', close: 'Đóng', send: 'Gọi send()', text: 'Nội dung tin nhắn', list: 'Bạn đã gửi gì, và nhận lại gì',
    log: 'Nhật ký sự kiện', connectAndSend: 'Kết nối và gửi ngay', closeThenSend: 'Đóng rồi gửi',
    kinds: { string: 'string → tin nhắn văn bản', arraybuffer: 'ArrayBuffer → nhị phân', typedarray: 'Uint8Array → nhị phân', blob: 'Blob → nhị phân' },
    discarded: 'bị bỏ đi: chưa hề rời khỏi trình duyệt', threw: 'send() ném ra InvalidStateError.', props: 'Thuộc tính, trực tiếp',
  },
} as const;
type Lang = keyof typeof l;

// Chromium reports a send() after close in the console; the lab provokes exactly that.
const discardWarning = /WebSocket is already in CLOSING or CLOSED state/;

async function open(page: Page, lang: Lang) {
  await page.goto(`/${lang}/sending-and-receiving/`);
  return openLab(page, '#messages-lab');
}

async function connect(lab: Locator, lang: Lang) {
  await lab.getByRole('button', { name: l[lang].connect, exact: true }).click();
  await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
}

/** The n-th exchange (1-based) in the lab's list. */
function exchange(lab: Locator, lang: Lang, n: number) {
  return lab.getByRole('region', { name: l[lang].list }).getByTestId('exchange-item').nth(n - 1);
}

function prop(lab: Locator, name: string) {
  return lab.locator(`[data-prop="${name}"] .value`);
}

for (const lang of ['en', 'vi'] as const) {
  const s = l[lang];

  test(`${lang}: every kind of data round-trips, arriving as string or Blob by default`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await connect(lab, lang);
    await expect(prop(lab, 'binaryType')).toHaveText('"blob"');
    await lab.getByRole('textbox', { name: s.text }).fill('xin chào');
    await expect(lab.getByText(/9 (bytes|byte)/).first()).toBeVisible();

    await lab.getByRole('radio', { name: s.kinds.string }).check();
    await expect(lab.getByText('socket.send("xin chào")')).toBeVisible();
    await lab.getByRole('button', { name: s.send }).click();
    const first = exchange(lab, lang, 1);
    await expect(first.locator('.arrived-type')).toHaveText('string');
    await expect(first).toContainText('"xin chào"');
    await expect(first).toContainText('bufferedAmount 0 → 9');

    for (const [n, kind, label] of [[2, 'arraybuffer', 'ArrayBuffer'], [3, 'typedarray', 'Uint8Array'], [4, 'blob', 'Blob']] as const) {
      await lab.getByRole('radio', { name: s.kinds[kind] }).check();
      await lab.getByRole('button', { name: s.send }).click();
      const item = exchange(lab, lang, n);
      await expect(item.locator('.sent .kind')).toHaveText(label);
      // Binary, whatever object was sent: a Blob, whose bytes the lab read with arrayBuffer().
      await expect(item.locator('.arrived-type')).toHaveText('Blob');
      await expect(item).toContainText('78 69 6e 20 63 68 c3 a0 6f');
      await expect(item).toContainText('size 9, type ""');
    }
    // The log names what was sent, a typed array included.
    await expect(lab.getByRole('log', { name: s.log })).toContainText('Uint8Array');
    noErrors();
  });

  test(`${lang}: with binaryType "arraybuffer", binary arrives as an ArrayBuffer and text as a string`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await lab.getByRole('radio', { name: '"arraybuffer"' }).check();
    await connect(lab, lang);
    await expect(prop(lab, 'binaryType')).toHaveText('"arraybuffer"');
    await lab.getByRole('textbox', { name: s.text }).fill('ạ');
    await lab.getByRole('radio', { name: s.kinds.typedarray }).check();
    await lab.getByRole('button', { name: s.send }).click();
    await expect(exchange(lab, lang, 1).locator('.arrived-type')).toHaveText('ArrayBuffer');
    await expect(exchange(lab, lang, 1)).toContainText('e1 ba a1');
    await lab.getByRole('radio', { name: s.kinds.string }).check();
    await lab.getByRole('button', { name: s.send }).click();
    await expect(exchange(lab, lang, 2).locator('.arrived-type')).toHaveText('string');
    // Switching back applies to the next binary message.
    await lab.getByRole('radio', { name: '"blob"' }).check();
    await lab.getByRole('radio', { name: s.kinds.arraybuffer }).check();
    await lab.getByRole('button', { name: s.send }).click();
    await expect(exchange(lab, lang, 3).locator('.arrived-type')).toHaveText('Blob');
    noErrors();
  });

  test(`${lang}: send() while CONNECTING throws InvalidStateError, visibly`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await lab.getByRole('button', { name: s.connectAndSend }).click();
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText(s.threw);
    await expect(alert).toContainText('CONNECTING'); // the browser's own message
    await expect(exchange(lab, lang, 1)).toHaveClass(/threw/);
    await expect(lab.getByRole('log', { name: s.log }).locator('li.exception')).toContainText('InvalidStateError');
    // The connection itself is fine and opens.
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    noErrors();
  });

  test(`${lang}: after close(), send() discards without an exception while bufferedAmount grows`, async ({ page }) => {
    const noErrors = watchConsole(page, [discardWarning]);
    const lab = await open(page, lang);
    await connect(lab, lang);
    await lab.getByRole('textbox', { name: s.text }).fill('hello');
    await lab.getByRole('button', { name: s.closeThenSend }).click();
    const first = exchange(lab, lang, 1);
    await expect(first).toContainText(s.discarded);
    await expect(first).toContainText('bufferedAmount 0 → 5');
    await expect(lab.getByRole('status').filter({ hasText: '2 CLOSING' })).toBeVisible();
    await expect(lab.getByRole('alert')).toHaveCount(0);

    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    await lab.getByRole('button', { name: s.send }).click();
    const second = exchange(lab, lang, 2);
    await expect(second).toContainText(s.discarded);
    await expect(second).toContainText('bufferedAmount 5 → 10');
    await expect(prop(lab, 'bufferedAmount')).toHaveText('10');
    await lab.getByRole('radio', { name: s.kinds.blob }).check();
    await lab.getByRole('button', { name: s.send }).click();
    await expect(prop(lab, 'bufferedAmount')).toHaveText('15');
    // Nothing came back, and nothing was logged as an exception.
    await expect(lab.locator('.arrived-type')).toHaveCount(0);
    await expect(lab.getByRole('log', { name: s.log }).locator('li.exception')).toHaveCount(0);
    noErrors();
  });
}

test('en: the runnable example sends each kind and prints what comes back', async ({ page }) => {
  const noErrors = watchConsole(page, [discardWarning]);
  await page.goto('/en/sending-and-receiving/');
  const output = await runExample(runnable(page, 'sending-and-receiving-kinds'));
  await expectLines(output, [
    'send() while CONNECTING threw InvalidStateError',
    'queued: bufferedAmount = 33',
    'string: "xin chào"',
    'ArrayBuffer, 6 bytes: 1 0 2 0 3 0',
    'after close: bufferedAmount = 11',
  ]);
  noErrors();
});
