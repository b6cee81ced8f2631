// Budgets, checked on every `npm test` after the build: a reading page (no lab) loads no framework JavaScript;
// a lab page's own JavaScript (beyond what every lab page shares: the Svelte runtime and island loader) stays
// within 25 KiB gzip; no page's HTML passes HTML_BUDGET. Exits 1 with every page over a budget.
// Usage: npm run build && npm run check:budgets [-- --dist=dist]
import { resolve } from 'node:path';
import { measureSite } from './page-weight.ts';

const KiB = 1024;
export const OWN_JS_BUDGET = 25 * KiB;
// Set from the heaviest page on 2026-12-05 (/vi/frames/, 227 KiB of HTML before gzip) plus room for one more
// section; a page past it is parsed and styled slowly on phones — split the lesson or slim its labs' markup.
export const HTML_BUDGET = 256 * KiB;
const dist = resolve(process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist');
const { pages } = measureSite(dist);
const kib = (n: number) => `${(n / KiB).toFixed(1)} KiB`;

const problems: string[] = [];
for (const p of pages) {
  if (!p.hasLab && p.framework.length > 0) problems.push(`${p.page}: a reading page loads framework JavaScript (${p.framework.join(', ')})`);
  if (p.hasLab && p.own.gzip > OWN_JS_BUDGET) problems.push(`${p.page}: its own JavaScript is ${kib(p.own.gzip)} gzip, over ${kib(OWN_JS_BUDGET)}`);
  if (p.html.raw > HTML_BUDGET) problems.push(`${p.page}: ${kib(p.html.raw)} of HTML, over ${kib(HTML_BUDGET)}`);
}

const labs = pages.filter((p) => p.hasLab);
const most = (f: (p: (typeof pages)[number]) => number) => pages.reduce((a, b) => (f(b) > f(a) ? b : a));
const ownMax = labs.length ? most((p) => (p.hasLab ? p.own.gzip : 0)) : null;
const htmlMax = most((p) => p.html.raw);
console.log(
  `budgets: ${pages.length} pages (${labs.length} with labs); most own JavaScript ${ownMax ? `${ownMax.page} ${kib(ownMax.own.gzip)}` : '—'} ` +
    `(budget ${kib(OWN_JS_BUDGET)} gzip); largest HTML ${htmlMax.page} ${kib(htmlMax.html.raw)} (budget ${kib(HTML_BUDGET)})`,
);
if (problems.length) {
  console.error(`\n${problems.length} over budget:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
