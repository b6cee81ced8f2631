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

type Row = { page: string; files: number; inline: Size; external: Size; total: Size };
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
  });
}

const allFiles = new Set<string>();
for (const key of sizeCache.keys()) if (!key.startsWith('inline:')) allFiles.add(key);
const siteTotal = [...allFiles].reduce<Size>(
  (sum, f) => ({ raw: sum.raw + sizeCache.get(f)!.raw, gzip: sum.gzip + sizeCache.get(f)!.gzip }),
  { raw: 0, gzip: 0 },
);

if (asJson) {
  console.log(JSON.stringify({ pages: rows, siteJs: siteTotal }, null, 2));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  console.log(`JavaScript loaded per page (KiB; files = external .js files incl. static imports)\n`);
  console.log(`${'page'.padEnd(44)} files  raw KiB  gzip KiB`);
  for (const r of rows) console.log(`${r.page.padEnd(44)} ${String(r.files).padStart(5)} ${kb(r.total.raw)}  ${kb(r.total.gzip)}`);
  const sum = rows.reduce((s, r) => ({ raw: s.raw + r.total.raw, gzip: s.gzip + r.total.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'sum over pages'.padEnd(44)} ${''.padStart(5)} ${kb(sum.raw)}  ${kb(sum.gzip)}`);
  console.log(`${'distinct .js files in the site'.padEnd(44)} ${String(allFiles.size).padStart(5)} ${kb(siteTotal.raw)}  ${kb(siteTotal.gzip)}`);
  const heaviest = rows.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a), rows[0]!);
  console.log(`\nheaviest page: ${heaviest.page} — ${(heaviest.total.gzip / 1024).toFixed(1)} KiB gzip`);
}
