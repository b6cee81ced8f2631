// Static hosting: the built site served by a plain static file server with no WebSocket endpoint, as
// GitHub Pages or any CDN would. Labs fail as they say, offer the simulated server, and then do what they do
// against the real one. (The static-sim project runs the @simbuild tests on a PUBLIC_DEMO_SERVER=simulated build.)
import { expect, test, type Page } from './fixtures.ts';
import { labels, openLab, watchConsole } from './helpers.ts';
import { startStaticHost, type StaticHost } from './staticHost.ts';

const s = {
  en: { offer: 'Use the simulated server', active: /Simulated server: this lab talks to a demo server simulated in this page/, real: /Use the real server/ },
  vi: { offer: 'Dùng server mô phỏng', active: /Server mô phỏng: phần thực hành này/, real: /Dùng server thật/ },
} as const;

let host: StaticHost;
let base = '';
let simulatedBuild = false;

test.beforeAll(async ({}, info) => {
  simulatedBuild = info.project.metadata.simulatedBuild === true;
  host = await startStaticHost(String(info.project.metadata.siteDir ?? 'dist'));
  base = host.base;
});
test.afterAll(() => host.close());

const failed = [/WebSocket connection to .* failed/];

/** On a plain build: the lab fails, offers the simulator, and takes it. On a simulated build: already there. */
async function simulate(page: Page, lang: 'en' | 'vi', lab: ReturnType<Page['locator']>, connect: () => Promise<void>) {
  if (!simulatedBuild) {
    await connect();
    await lab.getByRole('button', { name: s[lang].offer }).click();
  }
  await expect(lab.getByRole('status').filter({ hasText: s[lang].active })).toBeVisible();
}

for (const lang of ['en', 'vi'] as const) {
  const l = labels[lang];

  test(`${lang}: connection lab: unreachable, then the simulated server echoes and closes cleanly; remembered and undoable @simbuild`, async ({ page }) => {
    const noErrors = watchConsole(page, failed);
    await page.goto(`${base}/${lang}/what-is-websocket/`);
    const lab = await openLab(page, '#connection-lab');
    const state = lab.getByTestId('ready-state');
    const log = lab.getByRole('log', { name: l.log });
    await simulate(page, lang, lab, async () => {
      await lab.getByRole('button', { name: l.connect, exact: true }).click();
      await expect(lab.getByRole('alert')).toBeVisible();
    });
    await expect(lab.getByRole('textbox', { name: l.server })).toHaveValue('ws://simulated.invalid/echo');
    await lab.getByRole('button', { name: l.connect, exact: true }).click();
    await expect(state).toContainText('1 OPEN');
    await lab.getByRole('textbox', { name: l.message }).fill('xin chào');
    await lab.getByRole('button', { name: l.send, exact: true }).click();
    await expect(log.locator('li.message').last()).toHaveText(/"xin chào"/);
    await lab.getByRole('button', { name: l.close, exact: true }).click();
    await expect(state).toContainText('3 CLOSED');
    await expect(log.locator('li.close').last()).toContainText('1000');
    await expect(log.locator('li.close').last()).toContainText('wasClean true');

    // Remembered across pages, and undoable.
    await page.goto(`${base}/${lang}/closing/`);
    const close = await openLab(page, '#close-lab');
    await expect(close.getByRole('status').filter({ hasText: s[lang].active })).toBeVisible();
    await close.getByRole('button', { name: s[lang].real }).click();
    await expect(close.getByRole('status').filter({ hasText: s[lang].active })).toHaveCount(0);
    noErrors();
  });
}
