import { expect, test, type Page } from './fixtures.ts';
import { expectLines, runExample, runnable, watchConsole } from './helpers.ts';

// The runnable example on the first lesson: echo-hello.js opens /echo, sends "xin chào", closes with 1000.
const labels = {
  en: { run: 'Run', stop: 'Stop', edit: 'Edit', reset: 'Reset', console: 'Console output', editor: /Code of echo-hello\.js/ },
  vi: { run: 'Chạy', stop: 'Dừng', edit: 'Sửa', reset: 'Khôi phục', console: 'Kết quả console', editor: /Mã của echo-hello\.js/ },
} as const;

/** The English page's echo example with its editor open. */
async function openEditor(page: Page) {
  await page.goto('/en/what-is-websocket/');
  const figure = runnable(page, 'echo-hello');
  await figure.getByRole('button', { name: labels.en.edit }).click();
  const output = figure.getByRole('log', { name: labels.en.console });
  return { figure, output, editor: figure.getByRole('textbox', { name: labels.en.editor }) };
}

for (const lang of ['en', 'vi'] as const) {
  const l = labels[lang];

  test(`${lang}: runs the echo example and shows its console output`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/${lang}/what-is-websocket/`);
    const figure = runnable(page, 'echo-hello');
    const output = figure.getByRole('log', { name: l.console });
    await figure.getByRole('button', { name: l.run, exact: true }).click();
    await expectLines(output, [
      'open, readyState = 1',
      'message: xin chào',
      'close: 1000 done wasClean = true',
    ]);
    // SERVER is this page's own origin as ws:, shown next to the buttons.
    await expect(figure).toContainText(`SERVER = ws://${new URL(page.url()).host}`);
    noErrors();
  });
}

test('an edited snippet runs the edited code; Reset restores the original', async ({ page }) => {
  const l = labels.en;
  const { figure, output, editor } = await openEditor(page);
  await expect(editor).toBeFocused();
  const original = await editor.inputValue();
  expect(original).toContain('new WebSocket(`${SERVER}/echo`)');
  const reset = figure.getByRole('button', { name: l.reset });
  await expect(reset).toBeDisabled();

  await editor.fill("const n = 6 * 7;\nconsole.log('edited', n, typeof SERVER, { ok: true }, [1, 'two']);");
  await figure.getByRole('button', { name: l.run, exact: true }).click();
  await expect(output).toHaveText(`edited 42 string { ok: true } [1, "two"]`);

  // Ctrl+Enter in the editor runs it too.
  await editor.fill("console.warn('warned')");
  await editor.press('Control+Enter');
  await expect(output.locator('li.warn')).toHaveText('warned');

  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(editor).toHaveValue(original);
  await expect(reset).toBeDisabled();
  await figure.getByRole('button', { name: l.run, exact: true }).click();
  await expect(output).toContainText('close: 1000 done wasClean = true');
});

test('errors in the reader’s code are shown: thrown, syntax, rejected promise', async ({ page }) => {
  const l = labels.en;
  const { figure, output, editor } = await openEditor(page);
  const run = figure.getByRole('button', { name: l.run, exact: true });

  await editor.fill("console.log('before');\nnew WebSocket('ftp://nope');");
  await run.click();
  await expect(output.locator('li.uncaught')).toContainText(/Uncaught SyntaxError: .*ftp.*\(line 2\)/);
  await expect(output.locator('li').first()).toHaveText('before');

  await editor.fill('const = 1;');
  await run.click();
  await expect(output.locator('li.uncaught')).toContainText(/^Uncaught SyntaxError: Unexpected token/);

  await editor.fill("Promise.reject(new TypeError('nope'));");
  await run.click();
  await expect(output.locator('li.uncaught')).toHaveText('Uncaught (in promise) TypeError: nope');
});

test('the sandbox cannot reach the page, and Stop removes it', async ({ page }) => {
  const l = labels.en;
  const { figure, output, editor } = await openEditor(page);
  await editor.fill(
    [
      "try { console.log('parent', parent.document.title); } catch (e) { console.log('blocked', e.name); }",
      "try { localStorage.length; console.log('storage'); } catch (e) { console.log('no storage', e.name); }",
      "setInterval(() => console.log('tick'), 50);",
    ].join('\n'),
  );
  await figure.getByRole('button', { name: l.run, exact: true }).click();
  await expectLines(output, [
    'blocked SecurityError',
    'no storage SecurityError',
    'tick',
  ]);
  await expect(figure.locator('iframe')).toHaveAttribute('sandbox', 'allow-scripts');

  await figure.getByRole('button', { name: l.stop }).click();
  await expect(figure.locator('iframe')).toHaveCount(0);
  await expect(figure.getByRole('status')).toContainText('Stopped');
  const ticks = await output.locator('li').count();
  await page.waitForTimeout(300); // nothing to await: the point is that no more lines arrive
  await expect(output.locator('li')).toHaveCount(ticks);
});

test('a message that does not come from the run’s own frame is ignored', async ({ page }) => {
  await page.goto('/en/what-is-websocket/');
  const output = await runExample(runnable(page, 'echo-hello'));
  await expect(output).toContainText('close: 1000');
  // The page itself posts a perfectly shaped message: wrong source, so it must not show.
  await page.evaluate(() => window.postMessage({ tag: 'wss-run', token: 'x', level: 'log', text: 'forged' }, '*'));
  await page.waitForTimeout(200);
  await expect(output).not.toContainText('forged');
});
