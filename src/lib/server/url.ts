// Demo-server addresses as URLs: a ws(s) base the reader typed, the page's own origin, and an endpoint
// path joined to a base. Which server the labs use is choice.ts; this file only spells addresses.

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

/** Joins a base and an endpoint path with its query, e.g. (`ws://h:8080`, `/echo`) → `ws://h:8080/echo`. */
export function endpointUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The http(s) base of the same server, for its plain HTTP feeds (`/alt/…`): ws: → http:, wss: → https:. */
export function httpBaseFrom(wsBase: string): string {
  return wsBase.replace(/^ws(s?):/, 'http$1:');
}
