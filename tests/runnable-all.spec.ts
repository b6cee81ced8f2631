import { test } from './fixtures.ts';
import { lessonsWithExamples, runEveryExample } from './runnables.ts';

// Every runnable example on every lesson, in both languages, run against the demo server (tests/runnables.ts
// says what is checked); through the fixture, no Content-Security-Policy violation in the page or its frames.
for (const lang of ['en', 'vi'] as const) {
  for (const { slug, examples } of lessonsWithExamples(lang)) {
    test(`${lang}/${slug}: ${examples.join(', ')}`, async ({ page }) => {
      test.setTimeout(60_000);
      await runEveryExample(page, `/${lang}/${slug}/`, lang, examples);
    });
  }
}
