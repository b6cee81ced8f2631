// The pages of a built site, shared by the benchmarks and the budget check.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .html file under dir (the Pagefind bundle excluded), sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    })
    .sort();
}

/** A built file → its URL path ("dist/en/frames/index.html" → "/en/frames/"). */
export function urlPathOf(dist: string, file: string): string {
  return '/' + relative(dist, file).split('\\').join('/').replace(/index\.html$/, '');
}

/**
 * The URL paths of the site's pages (every directory index): 404 pages and documents that are not pages
 * (the runnable examples' sandbox) are left out.
 */
export function pagePaths(dist: string): string[] {
  return htmlFiles(dist)
    .map((f) => urlPathOf(dist, f))
    .filter((p) => p.endsWith('/') && !/(^|\/)404\/$/.test(p))
    .sort();
}
