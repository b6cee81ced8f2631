// What each built page weighs: the JavaScript it loads at startup (module scripts, island components and
// renderers, and their static imports, each file counted once per page) in raw and gzip bytes, its own share
// beyond what every lab page shares, whether it loads the island framework, and its HTML.
// Shared by `npm run bench:site` (prints it) and `npm run check:budgets` (fails on it).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { htmlFiles, urlPathOf } from './site-pages.ts';

export type Size = { raw: number; gzip: number };
export type PageWeight = {
  page: string;
  files: number;
  inline: Size;
  external: Size;
  total: Size;
  /** Beyond what every page with a lab loads (the Svelte runtime, the island loader, shared helpers). */
  own: Size;
  html: Size;
  hasLab: boolean;
  /** Files of the island framework (renderers and what they import) this page loads. */
  framework: string[];
  fileSet: Set<string>;
};
export type SiteWeight = { pages: PageWeight[]; shared: { files: number } & Size; siteJs: { files: number } & Size };

// Static imports only: dynamic import() is loaded on demand, not at startup.
const staticImport = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;

export function measureSite(distDir: string): SiteWeight {
  const dist = resolve(distDir);
  const sizeCache = new Map<string, Size>();
  const sizeOf = (text: string | Buffer, key: string): Size => {
    let size = sizeCache.get(key);
    if (!size) {
      const bytes = Buffer.from(text);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizeCache.set(key, size);
    }
    return size;
  };
  /** A URL path in the site (`/_astro/x.js`) → the file in dist. */
  const fileFor = (urlPath: string, from: string) => (urlPath.startsWith('/') ? join(dist, urlPath) : resolve(dirname(from), urlPath));
  const collect = (file: string, seen: Set<string>): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(staticImport)) collect(fileFor(match[1]!, file), seen);
  };

  const sum = (files: Iterable<string>) =>
    [...files].reduce<Size>((s, f) => ({ raw: s.raw + sizeCache.get(f)!.raw, gzip: s.gzip + sizeCache.get(f)!.gzip }), { raw: 0, gzip: 0 });
  const framework = new Set<string>();
  const pages: PageWeight[] = [];
  for (const page of htmlFiles(dist)) {
    const html = readFileSync(page, 'utf8');
    const files = new Set<string>();
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) collect(fileFor(m[1]!, page), files);
    for (const m of html.matchAll(/\bcomponent-url="([^"]+\.js)"/g)) collect(fileFor(m[1]!, page), files);
    for (const m of html.matchAll(/\brenderer-url="([^"]+\.js)"/g)) {
      collect(fileFor(m[1]!, page), files);
      collect(fileFor(m[1]!, page), framework);
    }
    // Module scripts Astro inlines (its island loader among them), and our small is:inline scripts: each one
    // counted like a file, by its text, so one that every lab page carries counts as shared, as a file would.
    const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((t) => t.trim());
    const inlineKeys = new Set<string>();
    for (const text of inlineScripts) {
      for (const m of text.matchAll(staticImport)) collect(fileFor(m[1]!, page), files);
      const key = `inline:${createHash('sha1').update(text).digest('hex')}`;
      sizeOf(text, key);
      inlineKeys.add(key);
    }
    const inline = sum(inlineKeys);
    const external = [...files].reduce<Size>(
      (total, f) => {
        const s = sizeOf(readFileSync(f), f);
        return { raw: total.raw + s.raw, gzip: total.gzip + s.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    const fileCount = files.size;
    for (const key of inlineKeys) files.add(key);
    pages.push({
      page: urlPathOf(dist, page),
      files: fileCount,
      inline,
      external,
      total: { raw: inline.raw + external.raw, gzip: inline.gzip + external.gzip },
      own: { raw: 0, gzip: 0 },
      html: sizeOf(html, `html:${page}`),
      hasLab: /<astro-island\b/.test(html),
      framework: [],
      fileSet: files,
    });
  }

  // What every page with a lab loads is paid once per visit and then cached; a page's "own" JavaScript is
  // the rest: its labs and what only some labs share.
  const labPages = pages.filter((p) => p.hasLab);
  const shared = new Set(labPages[0]?.fileSet ?? []);
  for (const p of labPages) for (const f of shared) if (!p.fileSet.has(f)) shared.delete(f);
  for (const p of pages) {
    p.own = sum([...p.fileSet].filter((f) => !p.hasLab || !shared.has(f)));
    p.framework = [...p.fileSet].filter((f) => framework.has(f)).map((f) => urlPathOf(dist, f));
  }
  const allJs = [...sizeCache.keys()].filter((k) => !k.startsWith('inline:') && !k.startsWith('html:'));
  return { pages, shared: { files: [...shared].filter((f) => !f.startsWith('inline:')).length, ...sum(shared) }, siteJs: { files: allJs.length, ...sum(allJs) } };
}
