// Security headers for the built site. Each page's Content-Security-Policy is the one the build wrote into its
// <meta> (scripts/csp-site.ts: its own files, hashes of its inline scripts and styles, its connections), sent
// again as a header so that frame-ancestors, which a <meta> cannot carry, applies too.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** Only this site may frame its pages (the runnable examples' sandbox is framed by the lessons). */
const FRAME_ANCESTORS = "frame-ancestors 'self'";

/** Sent with every response from the site. */
export const siteHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing on the site uses these; a page (or an injected script) that asks is refused without a prompt.
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), ' +
    'hid=(), display-capture=(), local-fonts=(), browsing-topics=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The header policy for an HTML page: its <meta> policy (if any) plus frame-ancestors. */
export function pagePolicyHeader(html: string): string {
  const meta = META_POLICY.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return meta ? `${meta}; ${FRAME_ANCESTORS}` : `${FRAME_ANCESTORS}; object-src 'none'; base-uri 'self'`;
}

/** Reads each page's policy once; `apply` sets it and the common headers on a response. */
export function createPolicies(files: Iterable<[urlPath: string, file: string]>) {
  const byPath = new Map<string, string>();
  for (const [path, file] of files) byPath.set(path, pagePolicyHeader(readFileSync(file, 'utf8')));
  return {
    /** `path` is the file's URL path ("/en/frames/index.html"), or null for a response that is not a file. */
    apply(res: ServerResponse, path: string | null): void {
      for (const [name, value] of Object.entries(siteHeaders)) res.setHeader(name, value);
      const policy = path === null ? null : byPath.get(path);
      if (policy) res.setHeader('Content-Security-Policy', policy);
    },
    policyOf: (path: string) => byPath.get(path) ?? null,
  };
}
