import { expect, test, type Browser, type Locator, type Page } from './fixtures.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLab, watchConsole } from './helpers';

// Recording, reading, exporting and replaying connections (issue 12). The HAR fixture is written by Chromium
// itself: Playwright's HAR recorder (content: 'embed') stores each WebSocket's `_webSocketMessages`.

const text = {
  en: { open: 'Open the pasted text', paste: /or paste its text/, step: 'Step ▶', json: 'Download transcript (JSON)', har: 'Download HAR', link: 'Copy a link that replays it', redact: /Redact secrets/ },
  vi: { open: 'Mở nội dung vừa dán', paste: /hoặc dán nội dung/, step: 'Tiến một bước ▶', json: 'Tải bản ghi (JSON)', har: 'Tải tệp HAR', link: 'Sao chép liên kết để phát lại', redact: /Che các bí mật/ },
} as const;

/**
 * Copies a lab's replay link and opens it in a new browser context, as whoever it was sent to would: the
 * recording viewer there, with everything shown. Close `fresh` when done.
 */
async function openSharedLink(page: Page, browser: Browser, baseURL: string, lab: Locator, lang: 'en' | 'vi') {
  await lab.getByRole('button', { name: text[lang].link }).click();
  const shown = await lab.locator('.link input').inputValue().catch(() => '');
  const link = shown || (await page.evaluate(() => navigator.clipboard.readText()).catch(() => ''));
  expect(link).toMatch(/#transcript=/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
  const viewer = other.locator('#open-a-recording');
  await viewer.scrollIntoViewIfNeeded();
  await viewer.getByRole('button', { name: lang === 'en' ? 'Show everything' : 'Hiện tất cả' }).click();
  return { viewer, fresh, link };
}

/** A real HAR from Chromium: a page that opens /echo with a token in its query, sends text, JSON and binary, then closes. */
async function recordHar(browser: Browser, baseURL: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'har-'));
  const path = join(dir, 'recorded.har');
  const context = await browser.newContext({ recordHar: { path, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(`${baseURL}/en/`);
  await page.evaluate(async () => {
    const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/echo?token=sekret123`);
    ws.binaryType = 'arraybuffer';
    let got = 0;
    await new Promise<void>((resolve, reject) => {
      ws.onerror = () => reject(new Error('echo failed'));
      ws.onopen = () => {
        ws.send('Hello');
        ws.send(JSON.stringify({ type: 'greeting', text: 'Xin chào' }));
        ws.send(new Uint8Array([1, 2, 3, 250]));
      };
      ws.onmessage = () => {
        if (++got === 3) ws.close(1000, 'done');
      };
      ws.onclose = () => resolve();
    });
  });
  await context.close(); // writes the HAR
  return path;
}

async function openPasted(page: Page, lab: ReturnType<Page['locator']>, lang: 'en' | 'vi', content: string) {
  await lab.getByLabel(text[lang].paste).fill(content);
  await lab.getByRole('button', { name: text[lang].open }).click();
}

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: a HAR recorded by Chromium opens with its secrets listed, messages, frames and JSON`, async ({ page, browser, baseURL }) => {
    const harPath = await recordHar(browser, baseURL!);
    const har = JSON.parse(readFileSync(harPath, 'utf8'));
    const ws = har.log.entries.find((e: { _resourceType?: string }) => e._resourceType === 'websocket');
    expect(ws._webSocketMessages.length).toBe(6);

    const done = watchConsole(page);
    await page.goto(`/${lang}/frames/`);
    const lab = await openLab(page, '#open-a-recording');
    await lab.locator('input[type=file]').setInputFiles(harPath);
    // the token in the URL is found before anything else is shown
    await expect(lab.getByRole('region', { name: lang === 'en' ? 'Secrets in this recording' : 'Bí mật trong bản ghi này' })).toContainText('token');
    const timeline = lab.getByRole('list', { name: lang === 'en' ? 'Events and messages, in order' : 'Sự kiện và tin nhắn, theo thứ tự' });
    await expect(timeline.getByRole('button')).toHaveCount(6);
    await expect(timeline.getByRole('button').first()).toContainText('Hello');
    await timeline.getByRole('button').nth(1).click(); // the JSON one, as sent
    await expect(lab.locator('pre.json')).toContainText('"text": "Xin chào"');
    await expect(lab.getByText(lang === 'en' ? /no masking key/ : /không có khoá mặt nạ/)).toBeVisible();
    await timeline.getByRole('button').nth(5).click(); // the binary echo, received: header 82 04
    await expect(lab.locator('.frame-details')).toContainText('opcode 2');
    await expect(lab.getByRole('img', { name: /3 (messages sent|tin nhắn gửi đi)/ })).toBeVisible();
    done();
  });

  test(`${lang}: bad input gets a clear message and keeps what was open`, async ({ page }) => {
    const done = watchConsole(page);
    await page.goto(`/${lang}/frames/`);
    const lab = await openLab(page, '#open-a-recording');
    const alert = lab.getByRole('alert');
    await openPasted(page, lab, lang, '{"log": ');
    await expect(alert).toContainText(lang === 'en' ? 'This is not JSON' : 'Đây không phải JSON');
    await openPasted(page, lab, lang, '{"hello": 1}');
    await expect(alert).toContainText(lang === 'en' ? 'neither a HAR file' : 'không phải tệp HAR');
    await openPasted(page, lab, lang, JSON.stringify({ log: { entries: [{ request: { url: 'https://x.example/' } }] } }));
    await expect(alert).toContainText(lang === 'en' ? 'no WebSocket connection' : 'không có kết nối WebSocket');
    // a 60 MB file is refused before it is read
    const huge = join(mkdtempSync(join(tmpdir(), 'har-')), 'huge.har');
    writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 32));
    await lab.locator('input[type=file]').setInputFiles(huge);
    await expect(alert).toContainText(lang === 'en' ? 'up to 50 MB' : 'tối đa 50 MB');
    done();
  });

  test(`${lang}: export → import gives the same timeline, and a share link replays in a fresh browser`, async ({ page, browser, baseURL }) => {
    const harPath = await recordHar(browser, baseURL!);
    await page.goto(`/${lang}/frames/`);
    const lab = await openLab(page, '#open-a-recording');
    await lab.locator('input[type=file]').setInputFiles(harPath);
    const timeline = lab.getByRole('list', { name: /Events and messages|Sự kiện và tin nhắn/ });
    await expect(timeline.getByRole('button')).toHaveCount(6);
    const before = (await timeline.textContent())!;

    // our JSON, redacted by default
    const [json] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: text[lang].json }).click()]);
    const exported = readFileSync((await json.path())!, 'utf8');
    expect(exported).not.toContain('sekret123');
    expect(JSON.parse(exported).format).toBe('websocket-school-transcript');
    await openPasted(page, lab, lang, exported);
    await expect(timeline).toHaveText(before);

    // and as HAR
    const [harDownload] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: text[lang].har }).click()]);
    await lab.locator('input[type=file]').setInputFiles((await harDownload.path())!);
    await expect(timeline).toHaveText(before);

    // a link, opened in a fresh context, replays the same messages
    const { viewer: replayed, fresh } = await openSharedLink(page, browser, baseURL!, lab, lang);
    await expect(replayed.getByRole('list', { name: /Events and messages|Sự kiện và tin nhắn/ })).toHaveText(before);
    await fresh.close();
  });

  test(`${lang}: replay steps through the recording with readyState following`, async ({ page, browser, baseURL }) => {
    const harPath = await recordHar(browser, baseURL!);
    await page.goto(`/${lang}/frames/`);
    const lab = await openLab(page, '#open-a-recording');
    await lab.locator('input[type=file]').setInputFiles(harPath);
    await lab.getByRole('button', { name: lang === 'en' ? 'Back to the start' : 'Về đầu' }).click();
    const state = lab.getByTestId('ready-state');
    await lab.getByRole('button', { name: text[lang].step }).click();
    await expect(state).toContainText('CONNECTING');
    await lab.getByRole('button', { name: text[lang].step }).click();
    await expect(state).toContainText('OPEN');
    await lab.getByRole('button', { name: lang === 'en' ? 'Play 4×' : 'Phát 4×' }).click();
    await expect(lab.getByTestId('replay-position')).toContainText(/8/);
  });
}

const labs = {
  en: { connect: 'Connect', send: 'Send', close: 'Close', message: 'Message', keep: /Keep or share this connection/, inspectorSend: 'Send text' },
  vi: { connect: 'Kết nối', send: 'Gửi', close: 'Đóng', message: 'Tin nhắn', keep: /Lưu hoặc chia sẻ kết nối này/, inspectorSend: 'Gửi dạng văn bản' },
} as const;

for (const lang of ['en', 'vi'] as const) {
  test(`${lang}: the connection lab exports its session; the transcript holds the page's events and messages`, async ({ page }) => {
    const l = labs[lang];
    await page.goto(`/${lang}/what-is-websocket/`);
    const lab = await openLab(page, '#connection-lab');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await lab.getByRole('textbox', { name: l.message }).fill('xin chào');
    await lab.getByRole('button', { name: l.send, exact: true }).click();
    await lab.getByRole('button', { name: l.close, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    await lab.getByText(l.keep).click();
    const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: text[lang].json }).click()]);
    const transcript = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(transcript).toMatchObject({ format: 'websocket-school-transcript', version: 1, source: 'lab', redacted: true });
    const kinds = transcript.items.map((i: { kind: string; type?: string; dir?: string }) => (i.kind === 'event' ? i.type : i.dir));
    expect(kinds).toEqual(['connect', 'open', 'client', 'server', 'closeCall', 'close']);
    expect(transcript.items[2]).toMatchObject({ text: 'xin chào', size: 9 });
  });

  test(`${lang}: a link from the frame inspector replays its frames and handshake in a fresh browser`, async ({ page, browser, baseURL }) => {
    const l = labs[lang];
    await page.goto(`/${lang}/frames/`);
    const lab = await openLab(page, '#frame-inspector');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('1 OPEN');
    await lab.getByRole('button', { name: l.inspectorSend, exact: true }).click();
    // both frames seen by the tap: the masked one from the page and the echo
    await expect.poll(() => lab.locator('li').filter({ hasText: '“Hello”' }).count()).toBeGreaterThanOrEqual(2);
    await lab.getByText(l.keep).click();
    const { viewer, fresh, link } = await openSharedLink(page, browser, baseURL!, lab, lang);
    expect(link).toMatch(new RegExp(`/${lang}/frames/#transcript=`));
    await expect(viewer.getByRole('list', { name: /Events and messages|Sự kiện và tin nhắn/ }).getByRole('button').filter({ hasText: 'Hello' })).toHaveCount(2);
    await expect(viewer.locator('summary').filter({ hasText: /Status 101|Mã trạng thái 101/ })).toBeVisible();
    await fresh.close();
  });
}
