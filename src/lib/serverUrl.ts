// Where the labs connect: the page's own origin by default (the demo server serves the site and the
// endpoints on one port), a build-time PUBLIC_DEMO_SERVER, or what the reader typed in a lab.

export const SERVER_STORAGE_KEY = 'wss-school:server';

/** ws: for http: pages, wss: for https: pages — a page on HTTPS may not open ws:// (mixed content). */
export function originToWsBase(origin: { protocol: string; host: string }): string {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${origin.host}`;
}

/** Accepts ws://, wss://, http:// and https:// bases; returns a ws(s) base without a trailing slash. */
export function normalizeBase(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol];
  if (!scheme || url.host === '') return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${scheme}//${url.host}${path}`;
}

export function defaultServerBase(
  origin: { protocol: string; host: string },
  configured: string | undefined,
): string {
  const fromBuild = configured ? normalizeBase(configured) : null;
  return fromBuild ?? originToWsBase(origin);
}

/** Joins a base and an endpoint path with its query, e.g. (`ws://h:8080`, `/echo`) → `ws://h:8080/echo`. */
export function endpointUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
