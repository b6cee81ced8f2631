import { expect, test, type Locator, type Page } from './fixtures.ts';
import { openLab, watchConsole } from './helpers.ts';

// The readyState lab (lesson ready-state) and the events lab (lesson events).
const t = {
  en: {
    connect: 'Connect to /echo',
    server: /^Server closes after 1\.5 s$/,
    drop: /^Connection drops after 1\.5 s$/,
    refused: 'Connect to a closed port',
    abort: 'close() while CONNECTING',
    diagram: 'The four values of readyState and the transitions between them',
    log: 'Event log',
    seenPoll: 'seen by polling',
    notCaught: 'not caught by any poll',
    eventsConnect: 'Connect',
    send: 'Send',
    wrongPath: /no-such-endpoint/,
    serverClose: /server closes with code 4000/,
    serverReason: 'see you',
  },
  vi: {
    connect: 'Kết nối tới /echo',
    server: /^Server đóng sau 1,5 giây$/,
    drop: /^Mất kết nối sau 1,5 giây$/,
    refused: 'Kết nối tới cổng không mở',
    abort: 'close() khi đang CONNECTING',
    diagram: 'Bốn giá trị của readyState và các bước chuyển giữa chúng',
    log: 'Nhật ký sự kiện',
    seenPoll: 'bắt được nhờ poll',
    notCaught: 'không lần poll nào bắt được',
    eventsConnect: 'Kết nối',
    send: 'Gửi',
    wrongPath: /no-such-endpoint/,
    serverClose: /server đóng kết nối với mã 4000/,
    serverReason: 'hẹn gặp lại',
  },
} as const;

// Chromium reports each failed connection on the console; only these expected ones are allowed.
const refusedMessage = /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:2\/' failed: /;
const notFoundMessage = /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/no-such-endpoint' failed: /;

async function readyStateLab(page: Page, lang: 'en' | 'vi') {
  await page.goto(`/${lang}/ready-state/`);
  return openLab(page, '#ready-state-lab');
}

/**
 * Presses one of the lab's cases and waits until the connection is CLOSED. Generous: OPEN can last less than
 * one of the test's polls on a loaded machine, so each case checks the timeline's edges to prove the path.
 */
async function runUntilClosed(lab: Locator, button: string | RegExp) {
  await lab.getByRole('button', { name: button }).click();
  await expect(lab.getByRole('status').filter({ hasText: 'readyState' })).toContainText('readyState 3 (CLOSED)', { timeout: 10_000 });
}

/** The timeline's rows as the edges they show ("start", "0-1", …, "unseen"), in order. */
async function edges(lab: Locator): Promise<string[]> {
  return lab.locator('li[data-edge]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-edge') ?? ''));
}

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: readyState lab walks CONNECTING → OPEN → CLOSING → CLOSED on a client close`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await readyStateLab(page, lang);
    const status = lab.getByRole('status').filter({ hasText: 'readyState' });
    await expect(lab.getByRole('img', { name: l.diagram })).toBeVisible();

    await lab.getByRole('button', { name: l.connect }).click();
    await expect(status).toContainText('readyState 1 (OPEN)');
    await expect(lab.locator('g.node.current')).toHaveAttribute('data-state', '1');

    await lab.getByRole('button', { name: 'close()', exact: true }).click();
    await expect(status).toContainText('readyState 3 (CLOSED)');
    expect(await edges(lab)).toEqual(['start', '0-1', '1-2', '2-3']);
    // CLOSING was read right after close() returned, and CLOSED arrived with the close event.
    await expect(lab.locator('li[data-edge="1-2"]')).toContainText('close()');
    await expect(lab.locator('li[data-edge="1-2"]')).not.toHaveClass(/poll/);
    await expect(lab.locator('g.node.current')).toHaveAttribute('data-state', '3');
    await expect(lab.locator('path.edge.on')).toHaveAttribute('data-edge', '2-3');
    // close() without arguments: a Close frame with no code, reported as 1005.
    await expect(lab.getByRole('log', { name: l.log }).locator('li.close')).toContainText('1005');
    await expect(lab.locator('[data-prop="url"]')).toContainText(/ws:\/\/127\.0\.0\.1:\d+\/echo/);
    noErrors();
  });

  test(`${lang}: readyState lab refused connection goes CONNECTING → CLOSED through error`, async ({ page }) => {
    const noErrors = watchConsole(page, [refusedMessage]);
    const lab = await readyStateLab(page, lang);
    await runUntilClosed(lab, l.refused);
    expect(await edges(lab)).toEqual(['start', '0-3']);
    await expect(lab.locator('li[data-edge="0-3"]')).toContainText('error');
    const log = lab.getByRole('log', { name: l.log });
    await expect(log.locator('li.error')).toHaveCount(1);
    await expect(log.locator('li.close')).toContainText('1006');
    // This failure is the point of the case: no "server unreachable" alert.
    await expect(lab.getByRole('alert')).toHaveCount(0);
    noErrors();
  });
}

test('readyState lab: a server-initiated close has no event for CLOSING, and the timeline says how it knows', async ({ page }) => {
  const noErrors = watchConsole(page);
  const lab = await readyStateLab(page, 'en');
  await runUntilClosed(lab, t.en.server);
  const seen = await edges(lab);
  // Either a poll landed inside CLOSING, or the clean close proves it happened between two polls.
  if (seen.includes('1-2')) {
    expect(seen).toEqual(['start', '0-1', '1-2', '2-3']);
    await expect(lab.locator('li[data-edge="1-2"]')).toContainText(t.en.seenPoll);
  } else {
    expect(seen).toEqual(['start', '0-1', 'unseen', '1-3']);
    await expect(lab.locator('li[data-edge="unseen"]')).toContainText(t.en.notCaught);
    await expect(lab.locator('g.node.unseen')).toHaveAttribute('data-state', '2');
  }
  // Both arrows of the closing handshake are lit, never the "connection lost" shortcut.
  await expect(lab.locator('path.edge.on')).toHaveCount(2);
  await expect(lab.locator('path.edge[data-edge="1-3"]')).not.toHaveClass(/\bon\b/);
  await expect(lab.getByRole('log', { name: t.en.log }).locator('li.close')).toContainText('code 1000, reason "bye", wasClean true');
  noErrors();
});

test('readyState lab: an abrupt drop jumps from OPEN to CLOSED with 1006 and no error event', async ({ page }) => {
  const noErrors = watchConsole(page);
  const lab = await readyStateLab(page, 'en');
  await runUntilClosed(lab, t.en.drop);
  expect(await edges(lab)).toEqual(['start', '0-1', '1-3']);
  await expect(lab.locator('path.edge.on')).toHaveAttribute('data-edge', '1-3');
  const log = lab.getByRole('log', { name: t.en.log });
  await expect(log.locator('li.close')).toContainText('code 1006, reason "", wasClean false');
  await expect(log.locator('li.error')).toHaveCount(0);
  noErrors();
});

test('readyState lab: close() while CONNECTING goes to CLOSING at once, then error and close 1006', async ({ page }) => {
  // Chromium prints a console warning ("closed before the connection is established"), not an error.
  const noErrors = watchConsole(page);
  const lab = await readyStateLab(page, 'en');
  await runUntilClosed(lab, t.en.abort);
  expect(await edges(lab)).toEqual(['start', '0-2', '2-3']);
  await expect(lab.locator('li[data-edge="0-2"]')).toContainText('close()');
  const log = lab.getByRole('log', { name: t.en.log });
  await expect(log.locator('li.error')).toHaveCount(1);
  await expect(log.locator('li.close')).toContainText('1006');
  noErrors();
});

test('readyState lab works from the keyboard, and respects reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = await readyStateLab(page, 'en');
  const connect = lab.getByRole('button', { name: t.en.connect });
  await connect.focus();
  await page.keyboard.press('Enter');
  await expect(lab.getByRole('status').filter({ hasText: 'readyState' })).toContainText('readyState 1 (OPEN)');
  await page.keyboard.press('Tab');
  await expect(lab.getByRole('button', { name: 'close()', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(lab.getByRole('status').filter({ hasText: 'readyState' })).toContainText('readyState 3 (CLOSED)');
  // The moving dot along an arrow is not drawn at all; the lit arrow and state remain.
  const flows = lab.locator('path.flow');
  expect(await flows.count()).toBeGreaterThan(0);
  await expect(flows.first()).toHaveCSS('display', 'none');
  await expect(lab.locator('path.edge.on')).toHaveCount(1);
});

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: events lab shows open, message (data, origin) and close in order`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/events/`);
    const lab = await openLab(page, '#events-lab');
    const card = (type: string) => lab.locator(`section[data-event="${type}"]`);

    await lab.getByRole('button', { name: l.eventsConnect, exact: true }).click();
    await expect(card('open')).toHaveClass(/fired/);
    await lab.getByRole('button', { name: l.send, exact: true }).click();
    await expect(card('message')).toContainText('"xin chào"');
    const origin = new URL(page.url());
    await expect(card('message')).toContainText(`"ws://${origin.host}"`);
    await lab.getByRole('button', { name: 'close(1000, "done")' }).click();
    await expect(card('close')).toContainText('1000');
    await expect(card('close')).toContainText('"done"');
    await expect(card('close')).toContainText('true');
    await expect(card('error')).not.toHaveClass(/fired/);

    const kinds = await lab.getByRole('log').locator('li').evaluateAll((items) => items.map((li) => li.className.split(' ')[0]));
    expect(kinds).toEqual(['connect', 'open', 'send', 'message', 'closeCall', 'close']);
    await expect(lab.locator('li[data-rule="openBeforeMessage"]')).toHaveClass(/held/);
    await expect(lab.locator('li[data-rule="nothingAfterClose"]')).toHaveClass(/held/);
    noErrors();
  });
}

test('events lab: a failed handshake fires error, then close 1006, and the order rules hold', async ({ page }) => {
  const noErrors = watchConsole(page, [notFoundMessage]);
  await page.goto('/en/events/');
  const lab = await openLab(page, '#events-lab');
  await lab.getByRole('radio', { name: t.en.wrongPath }).check();
  await lab.getByRole('button', { name: t.en.eventsConnect, exact: true }).click();
  await expect(lab.locator('section[data-event="close"]')).toContainText('1006');
  await expect(lab.locator('section[data-event="error"]')).toContainText('fired 1×');
  await expect(lab.locator('section[data-event="open"]')).toContainText('fired 0×');
  await expect(lab.locator('li[data-rule="errorThenClose"]')).toHaveClass(/held/);
  await expect(lab.locator('li.broken')).toHaveCount(0);
  noErrors();
});

test('events lab (vi): the server closes with its own code and a Vietnamese reason', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto('/vi/events/');
  const lab = await openLab(page, '#events-lab');
  await lab.getByRole('radio', { name: t.vi.serverClose }).check();
  await lab.getByRole('button', { name: t.vi.eventsConnect, exact: true }).click();
  const close = lab.locator('section[data-event="close"]');
  await expect(close).toContainText('4000', { timeout: 10_000 });
  await expect(close).toContainText(`"${t.vi.serverReason}"`);
  await expect(close).toContainText('true');
  noErrors();
});
