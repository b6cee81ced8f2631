import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { openLab, watchConsole } from './helpers.ts';

// The refusal lab on the security lesson: every verdict it shows comes from a real connection to a demo server.
const t = {
  en: {
    size: 'Message size (bytes)',
    sendBig: 'Send it',
    flood: 'Send 150 at once',
    crowd: 'Open connections',
    release: 'Close them all',
    server: 'Server URL',
    refused: /Refused: the server closed the connection with 1009, reason “\(none\)”/,
    echoed: /Not refused: all 1 message\(s\) came back/,
    flooded: /Refused: the server closed the connection with 1008, reason “Rate limit: at most 50 messages per second”/,
    ceiling: '40 connections opened and none was refused',
    crowdRefused: '3 connections opened; number 4 failed before opening',
  },
  vi: {
    size: 'Kích thước tin nhắn (byte)',
    sendBig: 'Gửi',
    flood: 'Gửi 150 tin nhắn cùng lúc',
    crowd: 'Mở kết nối',
    release: 'Đóng tất cả',
    server: 'Địa chỉ server',
    refused: /Bị từ chối: server đóng kết nối với mã 1009, lý do “\(không có\)”/,
    echoed: /Không bị từ chối: cả 1 tin nhắn đều quay về/,
    flooded: /Bị từ chối: server đóng kết nối với mã 1008, lý do “Rate limit: at most 50 messages per second”/,
    ceiling: 'Đã mở 40 kết nối mà không kết nối nào bị từ chối',
    crowdRefused: 'Đã mở 3 kết nối; kết nối thứ 4 thất bại trước khi mở',
  },
} as const;

// Chromium logs every failed handshake as a console error; the crowd's last connection fails on purpose.
const failedHandshake = [/WebSocket connection to '.*' failed/];

for (const lang of ['en', 'vi'] as const) {
  const l = t[lang];

  test(`${lang}: 64 KiB is echoed, one byte more is closed with 1009; a flood is closed with 1008`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/security/`);
    const lab = await openLab(page, '#refusal-lab');
    const oversize = lab.locator('[data-case="oversize"]');
    await oversize.getByRole('spinbutton', { name: l.size }).fill('65536');
    await oversize.getByRole('button', { name: l.sendBig }).click();
    await expect(oversize.getByRole('status')).toHaveText(l.echoed);
    await oversize.getByRole('spinbutton', { name: l.size }).fill('65537');
    await oversize.getByRole('button', { name: l.sendBig }).click();
    await expect(oversize.getByRole('status')).toHaveText(l.refused);

    const flood = lab.locator('[data-case="flood"]');
    await flood.getByRole('button', { name: l.flood }).click();
    await expect(flood.getByRole('status')).toHaveText(l.flooded);
    noErrors();
  });

  test(`${lang}: the crowd stops at its ceiling on a server that allows more`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/security/`);
    const lab = await openLab(page, '#refusal-lab');
    const crowd = lab.locator('[data-case="crowd"]');
    await crowd.getByRole('button', { name: l.crowd }).click();
    await expect(crowd.getByRole('status')).toContainText(l.ceiling);
    const release = crowd.getByRole('button', { name: l.release });
    await release.click();
    await expect(release).toBeDisabled();
    await expect(crowd.getByRole('button', { name: l.crowd })).toBeEnabled();
    noErrors();
  });
}

test.describe('against a demo server that allows 3 connections per address', () => {
  let server: ChildProcess;
  let port = 0;
  test.beforeAll(async () => {
    server = spawn(process.execPath, ['demo-server/main.ts', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, LOG_LEVEL: 'info', MAX_CONNECTIONS_PER_IP: '3', SITE_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /http:\/\/[^:]+:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      server.once('exit', (code) => reject(new Error(`demo server exited with ${code}: ${out}`)));
    });
  });
  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  for (const lang of ['en', 'vi'] as const) {
    test(`${lang}: the fourth connection fails, and the page is told only that`, async ({ page }) => {
      const noErrors = watchConsole(page, failedHandshake);
      await page.goto(`/${lang}/security/`);
      const lab = await openLab(page, '#refusal-lab');
      await lab.getByRole('textbox', { name: t[lang].server }).fill(`ws://127.0.0.1:${port}`);
      const crowd = lab.locator('[data-case="crowd"]');
      await crowd.getByRole('button', { name: t[lang].crowd }).click();
      await expect(crowd.getByRole('status')).toContainText(t[lang].crowdRefused);
      await crowd.getByRole('button', { name: t[lang].release }).click();
      noErrors();
    });
  }
});
