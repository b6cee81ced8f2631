// Bytes on the wire for the comparison lab. Some are counted from what the page can see (bodies, SSE events,
// WebSocket payloads, a fetch response's headers), some can only be estimated (the request headers the
// browser adds, which no page API exposes). Every function says which it is. TCP/IP and TLS overhead is
// left out for every method alike.

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** One header line `Name: value\r\n`. */
function lineBytes(name: string, value: string): number {
  return utf8Bytes(name) + 2 + utf8Bytes(value) + 2;
}

/** What a request's headers depend on, read from the browser once (navigator, location, document.cookie). */
export type BrowserProfile = {
  userAgent: string;
  languages: readonly string[];
  /** navigator.userAgentData (Chromium only): brands feed the sec-ch-ua client hints. */
  brands: ReadonlyArray<{ brand: string; version: string }> | null;
  platform: string | null;
  mobile: boolean;
  /** Client hints and br/zstd are only offered to potentially trustworthy origins (https, localhost). */
  secureContext: boolean;
  /** The cookies a script can see; HttpOnly cookies would add more. */
  cookie: string;
};

export type RequestKind = 'fetch' | 'eventsource' | 'websocket';

/** Chromium's Accept-Language from navigator.languages: `en-US,en;q=0.9,vi;q=0.8`. */
export function acceptLanguage(languages: readonly string[]): string {
  return languages
    .map((lang, i) => (i === 0 ? lang : `${lang};q=${Math.max(0.1, 1 - i / 10).toFixed(1).replace(/\.0$/, '')}`))
    .join(',');
}

/**
 * ESTIMATE of an HTTP/1.1 request head as Chromium writes it (request line, headers, blank line), modelled on
 * requests captured from Chromium 150: the header set differs for fetch(), EventSource and the WebSocket
 * handshake. Other browsers send similar but not identical headers; proxies may add more.
 */
export function requestHeadBytes(kind: RequestKind, target: URL, page: { href: string; origin: string }, profile: BrowserProfile): number {
  const sameOrigin = target.origin === page.origin || target.origin.replace(/^ws/, 'http') === page.origin;
  const headers: Array<[string, string]> = [['Host', target.host]];
  const hints: Array<[string, string]> = [];
  if (profile.brands && profile.secureContext) {
    hints.push(['sec-ch-ua', profile.brands.map((b) => `"${b.brand}";v="${b.version}"`).join(', ')]);
    hints.push(['sec-ch-ua-mobile', profile.mobile ? '?1' : '?0']);
    if (profile.platform !== null) hints.push(['sec-ch-ua-platform', `"${profile.platform}"`]);
  }
  const encodings = profile.secureContext ? 'gzip, deflate, br, zstd' : 'gzip, deflate';
  if (kind === 'websocket') {
    headers.push(['Connection', 'Upgrade'], ['Pragma', 'no-cache'], ['Cache-Control', 'no-cache']);
    headers.push(['User-Agent', profile.userAgent], ['Upgrade', 'websocket'], ['Origin', page.origin]);
    headers.push(['Sec-WebSocket-Version', '13']);
    headers.push(['Sec-WebSocket-Key', 'x'.repeat(24)]); // 16 random bytes in base64
    headers.push(['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits']);
  } else {
    headers.push(['Connection', 'keep-alive']);
    if (kind === 'eventsource') headers.push(['Pragma', 'no-cache'], ['Cache-Control', 'no-cache'], ['Accept', 'text/event-stream']);
    else headers.push(['Accept', '*/*']);
    headers.push(...hints, ['User-Agent', profile.userAgent]);
    if (!sameOrigin) headers.push(['Origin', page.origin]);
    headers.push(['Sec-Fetch-Site', sameOrigin ? 'same-origin' : 'cross-site'], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Dest', 'empty']);
    // strict-origin-when-cross-origin: the full URL (without fragment) same-origin, only the origin otherwise.
    headers.push(['Referer', sameOrigin ? page.href.replace(/#.*$/, '') : `${page.origin}/`]);
  }
  headers.push(['Accept-Encoding', encodings]);
  if (profile.languages.length > 0) headers.push(['Accept-Language', acceptLanguage(profile.languages)]);
  if (profile.cookie) headers.push(['Cookie', profile.cookie]);
  let total = utf8Bytes(`GET ${target.pathname}${target.search} HTTP/1.1\r\n`) + 2;
  for (const [name, value] of headers) total += lineBytes(name, value);
  return total;
}

/**
 * COUNTED: an HTTP/1.1 response head rebuilt from what fetch() exposes (status, statusText and, for a
 * same-origin response, every header but Set-Cookie). Header names come lowercased, which does not change
 * their length.
 */
export function responseHeadBytes(status: number, statusText: string, headers: Iterable<[string, string]>): number {
  let total = utf8Bytes(`HTTP/1.1 ${status} ${statusText}\r\n`) + 2;
  for (const [name, value] of headers) total += lineBytes(name, value);
  return total;
}

/** Length of the Date header's value, e.g. `Wed, 25 Nov 2026 21:11:02 GMT` (IMF-fixdate is fixed-width). */
const HTTP_DATE_LENGTH = 29;

/**
 * ESTIMATE of the demo server's /alt/sse response head (EventSource does not expose headers): the headers
 * demo-server/endpoints/alt.ts writes, plus the ones Node adds for a kept-alive, chunked response.
 * `corsOrigin` is the page's origin when the stream is cross-origin: the server then echoes it in its CORS
 * headers (under an allow-list, the default; a server run with ALLOWED_ORIGINS=* answers `*` instead).
 */
export function sseResponseHeadBytes(corsOrigin: string | null = null): number {
  const cors: Array<[string, string]> = corsOrigin === null ? [] : [
    ['Access-Control-Allow-Origin', corsOrigin],
    ['Timing-Allow-Origin', corsOrigin],
    ['Access-Control-Expose-Headers', '*'],
  ];
  return responseHeadBytes(200, 'OK', [
    ...cors,
    ['Vary', 'Origin'],
    ['Content-Type', 'text/event-stream; charset=utf-8'],
    ['Cache-Control', 'no-store'],
    ['X-Accel-Buffering', 'no'],
    ['Date', 'x'.repeat(HTTP_DATE_LENGTH)],
    ['Connection', 'keep-alive'],
    ['Keep-Alive', 'timeout=5'],
    ['Transfer-Encoding', 'chunked'],
  ]);
}

/** ESTIMATE of the 101 response `ws` writes (Sec-WebSocket-Accept is always 28 base64 characters). */
export function wsHandshakeResponseBytes(protocol = '', extensions = ''): number {
  const headers: Array<[string, string]> = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Accept', 'x'.repeat(28)],
  ];
  if (protocol) headers.push(['Sec-WebSocket-Protocol', protocol]);
  if (extensions) headers.push(['Sec-WebSocket-Extensions', extensions]);
  return responseHeadBytes(101, 'Switching Protocols', headers);
}

/** COUNTED: one SSE event as the demo server writes it (`id:` line, one `data:` line, blank line). */
export function sseEventBytes(id: string, data: string): number {
  return utf8Bytes(`id: ${id}\ndata: ${data}\n\n`);
}

/** COUNTED: HTTP/1.1 chunked-encoding framing around one write of `size` bytes: `<hex size>\r\n` … `\r\n`. */
export function chunkFramingBytes(size: number): number {
  return size.toString(16).length + 4;
}

/** COUNTED: a WebSocket frame header (RFC 6455 §5.2) for a payload of `length` bytes. Servers do not mask. */
export function wsFrameHeaderBytes(length: number, masked = false): number {
  const extended = length <= 125 ? 0 : length <= 0xffff ? 2 : 8;
  return 2 + extended + (masked ? 4 : 0);
}
