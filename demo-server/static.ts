// The built site (SITE_DIR) through sirv: files listed once at start, ETags, a real 404 page per language,
// the build's precompressed variants (name.br, name.gz) for clients that accept them, security headers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { createPolicies, siteHeaders } from './security.ts';
import { WEBSOCKET_PATHS } from '../src/lib/endpoints.ts';

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

type Page = { path: string; body: Buffer; br: Buffer | null; gzip: Buffer | null };

function readFirst(dir: string, candidates: string[]): Page | null {
  for (const name of candidates) {
    const file = join(dir, name);
    if (existsSync(file) && statSync(file).isFile()) {
      const variant = (ext: string) => (existsSync(file + ext) ? readFileSync(file + ext) : null);
      return { path: `/${name}`, body: readFileSync(file), br: variant('.br'), gzip: variant('.gz') };
    }
  }
  return null;
}

/** The HTML files of the site as [URL path of the file, file] ("/en/echo/index.html"). */
function listHtml(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const rel = file.slice(dir.length).split('\\').join('/');
      return [rel.startsWith('/') ? rel : `/${rel}`, file];
    });
}

/** Directories that hold an index.html, as URL paths without the trailing slash ("/en/echo"). */
function indexDirsOf(html: [string, string][]): Set<string> {
  return new Set(html.map(([path]) => path).filter((p) => p.endsWith('/index.html') && p !== '/index.html').map((p) => p.slice(0, -'/index.html'.length)));
}

/** The URL path of the file sirv serves for a request path: "/en/echo/" → "/en/echo/index.html", "/x" → "/x.html". */
function fileOf(pathname: string, files: Set<string>): string | null {
  for (const candidate of [pathname, `${pathname}.html`, `${pathname.replace(/\/?$/, '/')}index.html`]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
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
            `WebSocket endpoints: ${WEBSOCKET_PATHS.join(' ')}; status: /healthz\n`,
        );
      } else {
        sendText(res, 404, 'Not found (no built site: run "npm run build")\n');
      }
    };
  }

  const html = listHtml(siteDir);
  const htmlPaths = new Set(html.map(([path]) => path));
  const policies = createPolicies(html);
  const notFoundPages = new Map<string, Page | null>();
  for (const locale of locales) {
    notFoundPages.set(locale, readFirst(siteDir, [`${locale}/404.html`, `${locale}/404/index.html`]));
  }
  const rootNotFound = readFirst(siteDir, ['404.html', '404/index.html']);
  const indexDirs = indexDirsOf(html);

  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    const locale = locales.find((l) => path === `/${l}` || path.startsWith(`/${l}/`));
    const page = (locale ? notFoundPages.get(locale) : null) ?? rootNotFound;
    if (!page) {
      sendText(res, 404, 'Not found\n', siteHeaders);
      return;
    }
    policies.apply(res, page.path);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] =
      page.br && /\bbr\b/.test(accepted) ? [page.br, 'br']
      : page.gzip && /\bgzip\b/.test(accepted) ? [page.gzip, 'gzip']
      : [page.body, null];
    res.writeHead(404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const files = sirv(siteDir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    // scripts/compress-site.ts writes name.br and name.gz; sirv picks one by Accept-Encoding and sends Vary.
    brotli: true,
    gzip: true,
    onNoMatch: notFound,
    setHeaders(res, pathname) {
      policies.apply(res, fileOf(pathname, htmlPaths));
      // Astro fingerprints everything under /_astro/; everything else is revalidated with its ETag.
      res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD', ...siteHeaders });
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
      res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0, ...siteHeaders });
      res.end();
      return;
    }
    guardFileStream(res, (error) => {
      if (error.code === 'ENOENT') notFound(req, res);
      else sendText(res, 500, `${url.pathname} could not be read (${error.code ?? 'error'}); try again\n`, siteHeaders);
    });
    files(req, res);
  };
}

/**
 * sirv lists the files once at start and sends one with `res.writeHead(200, …)` and
 * `createReadStream(file).pipe(res)`, with no handler for the stream's error. A file removed or replaced since
 * (a rebuild, a deploy swapping the site) makes that error uncaught, which ends the process. So for each
 * response: sirv's writeHead only records the status and headers (they go out with the first byte, as
 * implicit headers), and the stream sirv pipes gets an error handler. A file that cannot be opened then gets
 * `fail`'s answer instead of the 200; one that breaks mid-body ends the connection, since its status is sent.
 */
function guardFileStream(res: ServerResponse, fail: (error: NodeJS.ErrnoException) => void): void {
  const writeHead = res.writeHead;
  // Only sirv's own call is deferred: Node's implicit headers go through writeHead too.
  res.writeHead = ((status: number, headers?: Record<string, string | number | string[]>) => {
    res.writeHead = writeHead;
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    return res;
  }) as typeof res.writeHead;
  res.once('pipe', (source: NodeJS.ReadableStream) => {
    source.once('error', (error: NodeJS.ErrnoException) => {
      source.unpipe(res);
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      fail(error);
    });
  });
}

export { sendText };
