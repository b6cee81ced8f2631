import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectLines, openLab, runExample, runnable, watchConsole } from './helpers.ts';

// The subprotocols lab on /<lang>/subprotocols-and-extensions/: offers, the server's choice, extensions.
const l = {
  en: {
    connect: 'Connect', offer: /Subprotocols to offer/, presets: 'Try', none: '(none)', handshake: 'The real handshake, as the server saw it',
    wire: 'Message size and bytes on the wire', sendJson: /Send repetitive JSON/, empty: '(empty)', log: 'Event log',
  },
  vi: {
    connect: 'Kết nối', offer: /Các subprotocol đề xuất/, presets: 'Thử', none: '(không có)', handshake: 'Bước bắt tay thật, theo những gì server thấy',
    wire: 'Kích thước tin nhắn và số byte trên đường truyền', sendJson: /Gửi JSON lặp đi lặp lại/, empty: '(trống)', log: 'Nhật ký sự kiện',
  },
} as const;
type Lang = keyof typeof l;
const failedConnection = /WebSocket connection to .* failed/;

async function open(page: Page, lang: Lang) {
  await page.goto(`/${lang}/subprotocols-and-extensions/`);
  return openLab(page, '#ext-lab');
}

function prop(lab: Locator, name: string) {
  return lab.locator(`[data-prop="${name}"] .value`);
}

async function offerAndConnect(lab: Locator, lang: Lang, preset: string) {
  await lab.getByRole('group', { name: l[lang].presets }).getByRole('button', { name: preset, exact: true }).click();
  await lab.getByRole('button', { name: l[lang].connect, exact: true }).click();
}

for (const lang of ['en', 'vi'] as const) {
  const s = l[lang];

  test(`${lang}: offering ['json', 'echo'] to /echo negotiates "json", and no extension`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await expect(lab.getByRole('textbox', { name: s.offer })).toHaveValue('json, echo');
    await expect(lab.getByText('["json","echo"]')).toBeVisible();
    await lab.getByRole('button', { name: s.connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await expect(prop(lab, 'protocol')).toHaveText('"json"');
    await expect(prop(lab, 'extensions')).toHaveText(s.empty);
    // The real handshake: the browser offered both names (and deflate); the server chose json, no extension.
    const hs = lab.getByRole('table', { name: s.handshake });
    const protocolRow = hs.getByRole('row', { name: /Sec-WebSocket-Protocol/ });
    await expect(protocolRow.getByRole('cell').nth(0)).toHaveText('json, echo');
    await expect(protocolRow.getByRole('cell').nth(1)).toHaveText('json');
    await expect(hs.getByRole('row', { name: /Sec-WebSocket-Extensions/ }).getByRole('cell').nth(0)).toContainText('permessage-deflate');
    noErrors();
  });

  test(`${lang}: the order of the offer decides here: ['echo', 'json'] gets "echo"`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await offerAndConnect(lab, lang, 'echo, json');
    await expect(prop(lab, 'protocol')).toHaveText('"echo"');
    noErrors();
  });

  test(`${lang}: /echo-deflate negotiates permessage-deflate, and frames carry RSV1 = 1 with fewer bytes`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await lab.getByRole('radio', { name: /echo-deflate/ }).check();
    await lab.getByRole('button', { name: s.connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await expect(prop(lab, 'extensions')).toContainText('permessage-deflate');
    await expect(prop(lab, 'protocol')).toHaveText('"json"');
    const wire = lab.getByRole('region', { name: s.wire });
    await wire.getByRole('button', { name: s.sendJson }).click();
    const row = wire.getByTestId('wire-row').first();
    await expect(row.locator('td.client')).toContainText('RSV1 = 1');
    await expect(row.locator('td.server')).toContainText('RSV1 = 1');
    const cells = await row.getByRole('cell').allTextContents();
    const messageBytes = Number(cells[1]!.match(/\d+/)![0]);
    const wireBytes = Number(cells[2]!.match(/\d+/)![0]);
    expect(wireBytes).toBeLessThan(messageBytes / 2);
    noErrors();
  });

  test(`${lang}: a subprotocol the server does not speak fails the connection (error, then 1006)`, async ({ page }) => {
    const noErrors = watchConsole(page, [failedConnection]);
    const lab = await open(page, lang);
    await offerAndConnect(lab, lang, 'chat.v2');
    await expect(lab.getByRole('alert')).toContainText('1006');
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    const log = lab.getByRole('log', { name: s.log });
    await expect(log.locator('li.error')).toHaveCount(1);
    await expect(log.locator('li.open')).toHaveCount(0);
    noErrors();
  });

  test(`${lang}: a repeated name makes the constructor throw SyntaxError; no offer means protocol ""`, async ({ page }) => {
    const noErrors = watchConsole(page);
    const lab = await open(page, lang);
    await offerAndConnect(lab, lang, 'json, json');
    await expect(lab.getByRole('alert')).toContainText('SyntaxError');
    await expect(lab.getByRole('alert')).toContainText('duplicated');
    await offerAndConnect(lab, lang, s.none);
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await expect(prop(lab, 'protocol')).toHaveText(s.empty);
    await expect(lab.getByRole('alert')).toHaveCount(0);
    noErrors();
  });
}

test('en: the runnable example shows protocol and extensions on both endpoints, and the two failures', async ({ page }) => {
  const noErrors = watchConsole(page, [failedConnection]);
  await page.goto('/en/subprotocols-and-extensions/');
  const output = await runExample(runnable(page, 'subprotocols-and-extensions-negotiate'));
  await expectLines(output, [
    '/echo: protocol = "json", extensions = ""',
    '/echo-deflate: protocol = "json", extensions = "permessage-deflate"',
    '/echo-deflate: echo {"type":"hello","text":"xin chào"}',
    'chat.v2: close 1006 wasClean = false',
    '["json", "json"] threw SyntaxError',
  ]);
  noErrors();
});
