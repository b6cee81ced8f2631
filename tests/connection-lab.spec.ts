import { expect, test } from './fixtures.ts';
import { labels, openLab, watchConsole } from './helpers.ts';

for (const lang of ['en', 'vi'] as const) {
  const l = labels[lang];

  test(`${lang}: connect, echo "xin chào", close cleanly`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/what-is-websocket/`);
    const lab = await openLab(page, '#connection-lab');
    const state = lab.getByTestId('ready-state');
    const log = lab.getByRole('log', { name: l.log });

    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(state).toContainText('1 OPEN');
    await expect(log).toContainText('open');

    await lab.getByRole('textbox', { name: l.message }).fill('xin chào');
    await lab.getByRole('button', { name: l.send, exact: true }).click();
    await expect(log.locator('li.message')).toHaveText(/"xin chào"/);

    await lab.getByRole('button', { name: l.close, exact: true }).click();
    await expect(state).toContainText('3 CLOSED');
    const close = log.locator('li.close');
    await expect(close).toContainText('1000');
    await expect(close).toContainText('wasClean true');
    noErrors();
  });

  test(`${lang}: says plainly when the server cannot be reached`, async ({ page }) => {
    // The refused connection itself is logged by Chromium as a console error; that is the point of the test.
    const noErrors = watchConsole(page, [/WebSocket connection to .* failed/]);
    await page.goto(`/${lang}/what-is-websocket/`);
    const lab = await openLab(page, '#connection-lab');
    await lab.getByRole('textbox', { name: l.server }).fill('ws://127.0.0.1:9/echo');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(lab.getByTestId('ready-state')).toContainText('3 CLOSED');
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText('ws://127.0.0.1:9/echo');
    await expect(alert).toContainText('npm start');
    await expect(lab.locator('li.close')).toContainText('1006');
    noErrors();
  });

  test(`${lang}: a URL that is not a WebSocket URL gets a clear message`, async ({ page }) => {
    await page.goto(`/${lang}/what-is-websocket/`);
    const lab = await openLab(page, '#connection-lab');
    await lab.getByRole('textbox', { name: l.server }).fill('ftp://example');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(lab.getByRole('alert')).toContainText('ftp://example');
    await expect(lab.getByTestId('ready-state')).toContainText('—');
  });
}
