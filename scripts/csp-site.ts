// Gives every built page a Content-Security-Policy <meta> that allows exactly what the page uses: the site's
// own files, the hashes of its inline scripts and <style> elements, and connections to this origin, the
// configured demo server (PUBLIC_DEMO_SERVER) and the servers a reader may pick in the labs' server setting. The demo server sends the same policy as a header, plus frame-ancestors.
// A page that brings its own policy (the runnable examples' sandbox) keeps it.
// Why not Astro's security.csp: on astro 7.3.5 it leaves out the <style> elements of components used in MDX and
// our is:inline scripts, so those would be blocked; hashing the finished HTML cannot miss anything.
// Usage: node scripts/csp-site.ts [dist]   (run after astro build, before compress-site.ts)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { normalizeBase } from '../src/lib/server/url.ts';
import { htmlFiles } from './site-pages.ts';

const dir = process.argv[2] ?? 'dist';
const POLICY_META = /<meta http-equiv="content-security-policy"/i;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The configured demo server's origins (ws and http forms) for connect-src, or none. */
export function demoServerSources(configured: string | undefined): string[] {
  const base = configured ? normalizeBase(configured) : null;
  if (!base) return [];
  const url = new URL(base);
  const http = url.protocol === 'wss:' ? 'https:' : 'http:';
  return [`${url.protocol}//${url.host}`, `${http}//${url.host}`];
}

export function pagePolicy(html: string, demoServer: string[]): string {
  const inline = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))]
      .map((m) => m[1]!)
      .filter((body) => body.trim() !== '');
  const scripts = [...new Set(inline('script').map(hash))];
  const styles = [...new Set(inline('style').map(hash))];
  return [
    "default-src 'self'",
    // wasm-unsafe-eval: Pagefind's search runs as WebAssembly.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scripts].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    // Style attributes (Shiki's light/dark token colours, a few computed sizes in the labs) cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    // The labs connect wherever the reader's server setting points: any WebSocket server, and for the
    // comparison lab's HTTP feeds any https: server or one on this machine (an https: page could not fetch
    // http: anyway).
    ['connect-src', "'self'", ...demoServer, 'ws:', 'wss:', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'].join(' '),
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

if (import.meta.main) {
  const demoServer = demoServerSources(process.env.PUBLIC_DEMO_SERVER);
  let count = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    if (POLICY_META.test(html)) continue;
    const meta = `<meta http-equiv="content-security-policy" content="${pagePolicy(html, demoServer)}">`;
    // Right after <meta charset>: a policy only governs what comes after it in the document.
    const at = html.search(/<meta charset[^>]*>/i);
    if (at === -1) throw new Error(`${file}: no <meta charset> to put the policy after`);
    const end = html.indexOf('>', at) + 1;
    writeFileSync(file, html.slice(0, end) + meta + html.slice(end));
    count++;
  }
  console.log(`content-security-policy written into ${count} pages in ${dir}`);
}
