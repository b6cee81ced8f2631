// Page weight: for every built page, the JavaScript it loads at startup in raw and gzip bytes, and its own
// share beyond what every lab page shares (scripts/page-weight.ts measures; this prints).
// Usage: npm run build && npm run bench:site   (JSON with --json)
import { resolve } from 'node:path';
import { measureSite } from './page-weight.ts';

const dist = resolve(process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist');
const { pages: rows, shared, siteJs } = measureSite(dist);

if (process.argv.includes('--json')) {
  const pages = rows.map(({ fileSet: _files, ...r }) => r);
  console.log(JSON.stringify({ pages, sharedByLabPages: shared, siteJs }, null, 2));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(`JavaScript loaded per page (KiB; files = external .js files incl. static imports)\n`);
  console.log(`${'page'.padEnd(44)} files  raw KiB  gzip KiB  own gzip  HTML KiB`);
  for (const r of rows) console.log(`${r.page.padEnd(44)} ${String(r.files).padStart(5)} ${kb(r.total.raw)}  ${kb(r.total.gzip)}   ${kb(r.own.gzip)}   ${kb(r.html.raw)}`);
  const sum = rows.reduce((s, r) => ({ raw: s.raw + r.total.raw, gzip: s.gzip + r.total.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'sum over pages'.padEnd(44)} ${''.padStart(5)} ${kb(sum.raw)}  ${kb(sum.gzip)}`);
  console.log(`${'distinct .js files in the site'.padEnd(44)} ${String(siteJs.files).padStart(5)} ${kb(siteJs.raw)}  ${kb(siteJs.gzip)}`);
  console.log(`${'shared by every page with a lab'.padEnd(44)} ${String(shared.files).padStart(5)} ${kb(shared.raw)}  ${kb(shared.gzip)}`);
  const heaviest = rows.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a), rows[0]!);
  const heaviestOwn = rows.reduce((a, b) => (b.own.gzip > a.own.gzip ? b : a), rows[0]!);
  console.log(`\nheaviest page: ${heaviest.page} — ${(heaviest.total.gzip / 1024).toFixed(1)} KiB gzip`);
  console.log(`heaviest own JavaScript: ${heaviestOwn.page} — ${(heaviestOwn.own.gzip / 1024).toFixed(1)} KiB gzip (without the ${(shared.gzip / 1024).toFixed(1)} KiB every lab page shares)`);
  console.log('Labs hydrate client:visible, so a lab\'s own code is fetched when the reader scrolls to it.');
}
