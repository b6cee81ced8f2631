import { expect, type Locator, type Page } from '@playwright/test';

/** Fails the test on any console error or uncaught exception the page produces. */
export function watchConsole(page: Page, allow: RegExp[] = []): () => void {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allow.some((re) => re.test(msg.text()))) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`${err.name}: ${err.message}`));
  return () => expect(problems, 'console errors').toEqual([]);
}

export const labels = {
  en: { connect: 'Connect', close: 'Close', send: 'Send', message: 'Message', log: 'Event log', server: 'Server URL' },
  vi: { connect: 'Kết nối', close: 'Đóng', send: 'Gửi', message: 'Tin nhắn', log: 'Nhật ký sự kiện', server: 'Địa chỉ server' },
} as const;

/** Scrolls a lab into view (islands hydrate with client:visible) and waits until its controls are live. */
export async function openLab(page: Page, selector: string) {
  const lab = page.locator(selector);
  // Scroll again until it hydrates: text above the lab is laid out with `content-visibility: auto`, so
  // when those blocks render at their real height they can push a lab on a phone-sized screen back out
  // of view before its IntersectionObserver fired. A reader would scroll on; so does this.
  await expect(async () => {
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  return lab;
}

/** The Run button and console of a runnable example (src/components/Runnable.astro), in each language. */
export const runnableLabels = {
  en: { run: 'Run', console: 'Console output' },
  vi: { run: 'Chạy', console: 'Kết quả console' },
} as const;

/** The runnable example `name` (its file in src/examples) on the current page. */
export function runnable(page: Page, name: string): Locator {
  return page.locator(`figure.runnable[data-example="${name}"]`);
}

/** Presses Run on a runnable example, as a reader would, and returns its console output. */
export async function runExample(figure: Locator, lang: 'en' | 'vi' = 'en'): Promise<Locator> {
  await figure.getByRole('button', { name: runnableLabels[lang].run, exact: true }).click();
  return figure.getByRole('log', { name: runnableLabels[lang].console });
}

/** Each of `lines` shows up in a console output (in any order; each waits like toContainText). */
export async function expectLines(output: Locator, lines: readonly (string | RegExp)[], options?: { timeout?: number }) {
  for (const line of lines) await expect(output).toContainText(line, options);
}
