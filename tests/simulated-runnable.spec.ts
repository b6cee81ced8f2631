import { expect, test } from './fixtures.ts';
import { lessonsWithExamples, runEveryExample } from './runnables.ts';
import { startStaticHost, type StaticHost } from './staticHost.ts';

// On a static host with a PUBLIC_DEMO_SERVER=simulated build, every runnable example runs against the
// simulated server inside its sandbox (/run-sandbox-sim.html) and prints what it prints against the real
// demo server: the same expected lines as runnable-all.spec.ts, from the same list. The figure says it is
// simulated. Only the static-sim project runs these (@simbuild); on a plain build the examples use the real server.
let host: StaticHost;
test.beforeAll(async ({}, info) => {
  test.skip(info.project.metadata.simulatedBuild !== true, 'runs on the PUBLIC_DEMO_SERVER=simulated build');
  host = await startStaticHost(String(info.project.metadata.siteDir));
});
test.afterAll(() => host?.close());

const note = { en: /^Simulated in this page, like the labs/, vi: /^Mô phỏng ngay trong trang, như các phần thực hành/ } as const;

for (const lang of ['en', 'vi'] as const) {
  for (const { slug, examples } of lessonsWithExamples(lang)) {
    test(`${lang}/${slug}, simulated: ${examples.join(', ')} @simbuild`, async ({ page }) => {
      test.setTimeout(60_000);
      await runEveryExample(page, `${host.base}/${lang}/${slug}/`, lang, examples);
      for (const figure of await page.locator('figure.runnable').all()) {
        await expect(figure.locator('.runnable-server-value')).toHaveText('ws://simulated.invalid');
        await expect(figure.getByText(note[lang])).toBeVisible();
      }
    });
  }
}
