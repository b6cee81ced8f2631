// Page weight: for every built page, the JavaScript it loads at startup (module scripts, island
// components and renderers, and their static imports, each file counted once per page) in raw and gzip bytes.
// Usage: npm run build && npm run bench:site   (JSON with --json)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist');
const asJson = process.argv.includes('--json');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

type Size = { raw: number; gzip: number };
const sizeCache = new Map<string, Size>();
function sizeOf(text: string, key: string): Size {
  let size = sizeCache.get(key);
  if (!size) {
    const bytes = Buffer.from(text);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(key, size);
  }
  return size;
}

/** A URL path in the site (`/_astro/x.js`) → the file in dist. */
function fileFor(urlPath: string, from: string): string {
  return urlPath.startsWith('/') ? join(dist, urlPath) : resolve(dirname(from), urlPath);
}

// Static imports only: dynamic import() is loaded on demand, not at startup.
const staticImport = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;

function collect(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(staticImport)) collect(fileFor(match[1]!, file), seen);
}

type Row = { page: string; files: number; inline: Size; external: Size; total: Size; own: Size; fileSet: Set<string>; hasLab: boolean };
const rows: Row[] = [];
for (const page of htmlFiles(dist).sort()) {
  const html = readFileSync(page, 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) collect(fileFor(m[1]!, page), files);
  for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+\.js)"/g)) collect(fileFor(m[1]!, page), files);
  // Module scripts Astro inlines, and our small is:inline scripts.
  const inlineText = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  for (const m of inlineText.matchAll(staticImport)) collect(fileFor(m[1]!, page), files);
  const inline = inlineText.trim() ? sizeOf(inlineText, `inline:${page}`) : { raw: 0, gzip: 0 };
  const external = [...files].reduce<Size>(
    (sum, f) => {
      const s = sizeOf(readFileSync(f, 'utf8'), f);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
    },
    { raw: 0, gzip: 0 },
  );
  rows.push({
    page: '/' + relative(dist, page).replace(/index\.html$/, ''),
    files: files.size,
    inline,
    external,
    total: { raw: inline.raw + external.raw, gzip: inline.gzip + external.gzip },
    own: { raw: 0, gzip: 0 },
    fileSet: files,
    hasLab: /\bcomponent-url="/.test(html),
  });
}

// What every page with a lab loads (the Svelte runtime, the island loader, shared helpers) is paid once per
// visit and then cached; a page's "own" JavaScript is the rest: its labs and what only some labs share.
const labRows = rows.filter((r) => r.hasLab);
const shared = new Set(labRows[0]?.fileSet ?? []);
for (const r of labRows) for (const f of shared) if (!r.fileSet.has(f)) shared.delete(f);
const sumOf = (files: Iterable<string>) =>
  [...files].reduce<Size>((sum, f) => ({ raw: sum.raw + sizeCache.get(f)!.raw, gzip: sum.gzip + sizeCache.get(f)!.gzip }), { raw: 0, gzip: 0 });
const sharedSize = sumOf(shared);
for (const r of rows) {
  const own = sumOf([...r.fileSet].filter((f) => !r.hasLab || !shared.has(f)));
  r.own = { raw: own.raw + r.inline.raw, gzip: own.gzip + r.inline.gzip };
}

const allFiles = new Set<string>();
for (const key of sizeCache.keys()) if (!key.startsWith('inline:')) allFiles.add(key);
const siteTotal = [...allFiles].reduce<Size>(
  (sum, f) => ({ raw: sum.raw + sizeCache.get(f)!.raw, gzip: sum.gzip + sizeCache.get(f)!.gzip }),
  { raw: 0, gzip: 0 },
);

if (asJson) {
  const pages = rows.map(({ fileSet: _files, ...r }) => r);
  console.log(JSON.stringify({ pages, sharedByLabPages: { files: shared.size, ...sharedSize }, siteJs: siteTotal }, null, 2));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(`JavaScript loaded per page (KiB; files = external .js files incl. static imports)\n`);
  console.log(`${'page'.padEnd(44)} files  raw KiB  gzip KiB  own gzip`);
  for (const r of rows) console.log(`${r.page.padEnd(44)} ${String(r.files).padStart(5)} ${kb(r.total.raw)}  ${kb(r.total.gzip)}   ${kb(r.own.gzip)}`);
  const sum = rows.reduce((s, r) => ({ raw: s.raw + r.total.raw, gzip: s.gzip + r.total.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'sum over pages'.padEnd(44)} ${''.padStart(5)} ${kb(sum.raw)}  ${kb(sum.gzip)}`);
  console.log(`${'distinct .js files in the site'.padEnd(44)} ${String(allFiles.size).padStart(5)} ${kb(siteTotal.raw)}  ${kb(siteTotal.gzip)}`);
  console.log(`${'shared by every page with a lab'.padEnd(44)} ${String(shared.size).padStart(5)} ${kb(sharedSize.raw)}  ${kb(sharedSize.gzip)}`);
  const heaviest = rows.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a), rows[0]!);
  const heaviestOwn = rows.reduce((a, b) => (b.own.gzip > a.own.gzip ? b : a), rows[0]!);
  console.log(`\nheaviest page: ${heaviest.page} — ${(heaviest.total.gzip / 1024).toFixed(1)} KiB gzip`);
  console.log(`heaviest own JavaScript: ${heaviestOwn.page} — ${(heaviestOwn.own.gzip / 1024).toFixed(1)} KiB gzip (without the ${(sharedSize.gzip / 1024).toFixed(1)} KiB every lab page shares)`);
  console.log('Labs hydrate client:visible, so a lab\'s own code is fetched when the reader scrolls to it.');
}
