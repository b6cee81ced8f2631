// The built site (SITE_DIR) through sirv: files listed once at start, ETags, a real 404 page per language.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

const locales = ['vi', 'en'];

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function readFirst(dir: string, candidates: string[]): Buffer | null {
  for (const name of candidates) {
    const file = join(dir, name);
    if (existsSync(file) && statSync(file).isFile()) return readFileSync(file);
  }
  return null;
}

/** Directories that hold an index.html, as URL paths without the trailing slash ("/en/echo"). */
function listIndexDirs(dir: string): Set<string> {
  const dirs = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'index.html') {
      const rel = entry.parentPath.slice(dir.length).split('\\').join('/');
      if (rel !== '') dirs.add(rel.startsWith('/') ? rel : `/${rel}`);
    }
  }
  return dirs;
}

export function createStatic(siteDir: string): Handler {
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    return (_req, res, url) => {
      if (url.pathname === '/') {
        sendText(
          res,
          200,
          `WebSocket School demo server: the endpoints are up, but there is no built site in ${siteDir}.\n` +
            'Run "npm run build" first (or set SITE_DIR), then restart.\n' +
            'WebSocket endpoints: /echo /echo-deflate /ticker /chat /slow /close /misbehave /inspect; status: /healthz\n',
        );
      } else {
        sendText(res, 404, 'Not found (no built site: run "npm run build")\n');
      }
    };
  }

  const notFoundPages = new Map<string, Buffer | null>();
  for (const locale of locales) {
    notFoundPages.set(locale, readFirst(siteDir, [`${locale}/404.html`, `${locale}/404/index.html`]));
  }
  const rootNotFound = readFirst(siteDir, ['404.html', '404/index.html']);
  const indexDirs = listIndexDirs(siteDir);

  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    const locale = locales.find((l) => path === `/${l}` || path.startsWith(`/${l}/`));
    const page = (locale ? notFoundPages.get(locale) : null) ?? rootNotFound;
    if (!page) {
      sendText(res, 404, 'Not found\n');
      return;
    }
    res.writeHead(404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': page.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  };

  const files = sirv(siteDir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    onNoMatch: notFound,
    setHeaders(res, pathname) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Astro fingerprints everything under /_astro/; everything else is revalidated with its ETag.
      res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    // "/en/lesson" → "/en/lesson/", so relative links in the page resolve the way the build intended.
    let decoded = url.pathname;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // leave it encoded; it will not match a directory
    }
    if (!url.pathname.endsWith('/') && indexDirs.has(decoded)) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    files(req, res);
  };
}

export { sendText };
