import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

// Every internal link and fragment in the built site points at something that exists.
const dist = process.env.OUT_DIR || 'dist';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
}

test('internal links and anchors resolve', () => {
  const broken: string[] = [];
  const files = pages(dist);
  expect(files.length).toBeGreaterThan(4);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    for (const [, href] of html.matchAll(/\bhref="(\/[^"]*|#[^"]*)"/g)) {
      const [path = '', hash = ''] = href!.split('#');
      const target = path === '' ? file : join(dist, path.endsWith('/') ? `${path}index.html` : path);
      if (!existsSync(target)) {
        broken.push(`${file}: ${href}`);
        continue;
      }
      if (hash && target.endsWith('.html') && !idsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(hash))) {
        broken.push(`${file}: ${href} (no such anchor)`);
      }
    }
  }
  expect(broken).toEqual([]);
});
