import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { watchConsole } from './helpers.ts';
import { expectedLines, expectedOutput, missingLines } from '../src/examples/expected.ts';

// Runs every runnable example of one lesson and checks each prints the lines src/examples/expected.ts lists
// for it (and nothing else, unless the entry says so), with no error or uncaught exception in its console and
// no console error in the page besides those Chromium prints for what some examples do on purpose. The
// examples of one page run at the same time, as a reader clicking Run on each would have them. Used against
// the demo server (runnable-all.spec.ts) and against the simulated server in the sandbox (simulated-runnable.spec.ts).

type Lang = 'en' | 'vi';
const runLabel = { en: 'Run', vi: 'Chạy' } as const;

/** The lessons of one language that have runnable examples, with their examples in page order. */
export function lessonsWithExamples(lang: Lang): { slug: string; examples: string[] }[] {
  return readdirSync(`content/${lang}`)
    .filter((n) => n.endsWith('.mdx'))
    .sort()
    .map((n) => ({
      slug: n.slice(0, -4),
      examples: [...readFileSync(`content/${lang}/${n}`, 'utf8').matchAll(/<Runnable\s+example="([^"]+)"/g)].map((m) => m[1]!),
    }))
    .filter((l) => l.examples.length > 0);
}

/** Opens `url` (a lesson in `lang` with `examples`), runs them all, and checks what each prints. */
export async function runEveryExample(page: Page, url: string, lang: Lang, examples: string[]): Promise<void> {
  // Chromium's own console errors for what some examples do on purpose: fail to connect, send() after close().
  const noErrors = watchConsole(page, [/^WebSocket connection to '.*' failed/, /^WebSocket is already in CLOSING or CLOSED state\.$/]);
  await page.goto(url);
  const figures = page.locator('figure.runnable');
  await expect(figures).toHaveCount(examples.length);
  for (const [i, example] of examples.entries()) {
    const figure = figures.nth(i);
    await expect(figure).toHaveAttribute('data-example', example);
    await figure.getByRole('button', { name: runLabel[lang], exact: true }).click();
  }
  for (const [i, example] of examples.entries()) {
    const lines = figures.nth(i).locator('.runnable-console > li');
    const expected = expectedLines(example, lang);
    const { anyOrder, more } = expectedOutput[example]!;
    await expect
      .poll(async () => missingLines(expected, await lines.allTextContents(), anyOrder).map(String), {
        message: `${example}: expected lines not printed yet`,
        timeout: 40_000,
      })
      .toEqual([]);
    if (!more) expect(await lines.allTextContents(), `${example}: only the expected lines`).toHaveLength(expected.length);
    const errors = await figures.nth(i).locator('.runnable-console > li.error, .runnable-console > li.uncaught').allTextContents();
    expect(errors, `${example}: errors in its console`).toEqual([]);
  }
  noErrors();
}
