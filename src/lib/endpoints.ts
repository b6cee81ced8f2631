// The demo server's endpoints, listed once for everything that must know them: the server builds its
// routes from this list (and its 404 answer), `astro dev` proxies these paths, an in-page simulator can
// stand in for them. Each endpoint's query parameters (ranges, defaults) and subprotocols are declared
// here too and read by the server's endpoint modules; tests check docs/DEMO-SERVER.md and the README's
// endpoint table against this file, and the server's refusals against the ranges.
import { CLOSE_AFTER_MAX_MS, FAULTS, REASON_MAX_BYTES } from './close/serverRules.ts';
import { INTERVAL_DEFAULT_MS, INTERVAL_MAX_MS, INTERVAL_MIN_MS } from './heartbeat/rules.ts';
import { NICK_MAX_CHARS } from './realtime/chat.ts';
import { DEFAULT_HZ, MAX_HZ, MIN_HZ } from './realtime/quotes.ts';
import { ECHO_PROTOCOLS } from './subprotocols/negotiation.ts';

/** WebSocket endpoints: a GET with `Upgrade: websocket` on exactly this path. */
export const WEBSOCKET_PATHS = ['/echo', '/echo-deflate', '/ticker', '/chat', '/slow', '/close', '/misbehave', '/firehose', '/heartbeat', '/inspect'] as const;

/** Plain HTTP routes besides the built site: the status report and the comparison lab's feeds. */
export const HTTP_PATHS = ['/healthz', '/alt/poll', '/alt/long-poll', '/alt/sse'] as const;

export type WebSocketPath = (typeof WEBSOCKET_PATHS)[number];
export type HttpPath = (typeof HTTP_PATHS)[number];

/** Path prefixes a dev server must forward to the demo server (the /alt/… routes share one prefix). */
export const PROXIED_HTTP_PREFIXES = ['/alt', '/healthz'] as const;

export function isWebSocketPath(path: string): path is WebSocketPath {
  return (WEBSOCKET_PATHS as readonly string[]).includes(path);
}

export function isHttpPath(path: string): path is HttpPath {
  return (HTTP_PATHS as readonly string[]).includes(path);
}

/** "a, b or c": how the server names a list of paths in its refusals. */
export function listPaths(paths: readonly string[]): string {
  return paths.length < 2 ? paths.join('') : `${paths.slice(0, -1).join(', ')} or ${paths.at(-1)}`;
}

/** The handshake refusal (404) for a path that is no WebSocket endpoint. */
export const noSuchEndpoint = `No WebSocket endpoint here. Try ${listPaths(WEBSOCKET_PATHS)}`;

/** /slow reads at most this many bytes, then pauses (≈ 640 KiB/s); the simulator's link has the same rate. */
export const SLOW_READ_BYTES = 64 * 1024;
export const SLOW_PAUSE_MS = 100;

/**
 * A whole-number parameter: absent means `fallback`; outside [min, max] the request is refused with 400
 * (`lenient`: the value is ignored instead, as a resuming event stream's position is).
 */
export type IntegerParam = { kind: 'integer'; min: number; max: number; fallback: number; help: string; lenient?: boolean };
/** One of a few words; outside them, 400. Without a fallback the parameter is required. */
export type ChoiceParam = { kind: 'choice'; values: readonly string[]; fallback?: string; help: string };
/** Free text with its own rule (`help` says which); `required`: absent or empty is refused with 400. */
export type TextParam = { kind: 'text'; required: boolean; help: string };
export type QueryParam = IntegerParam | ChoiceParam | TextParam;

const integer = (min: number, max: number, fallback: number, help: string): IntegerParam => ({ kind: 'integer', min, max, fallback, help });
const hz = integer(MIN_HZ, MAX_HZ, DEFAULT_HZ, 'quotes per second');
const since = integer(0, Number.MAX_SAFE_INTEGER, 0, 'the last quote seq the client has; only newer ones are sent');

/** /firehose's bounds: one stream's rate, message size and length. */
export const FIREHOSE_MAX_RATE = 1000;
export const FIREHOSE_MIN_SIZE = 64;
export const FIREHOSE_MAX_SIZE = 16 * 1024;
export const FIREHOSE_MAX_SECONDS = 30;

/**
 * The query parameters each endpoint reads, by name. Besides these, every WebSocket endpoint takes
 * SESSION_PARAM (the inspector's tap); anything else in the query is ignored.
 */
export const ENDPOINT_QUERY = {
  '/echo': { fragment: integer(2, 16, 1, 'each reply in this many frames (absent: one frame)') },
  '/echo-deflate': { fragment: integer(2, 16, 1, 'each reply in this many frames (absent: one frame)') },
  '/ticker': { hz },
  '/chat': { nick: { kind: 'text', required: true, help: `the name shown with your messages: 1–${NICK_MAX_CHARS} characters, no control characters` } },
  '/slow': {},
  '/close': {
    code: integer(1000, 4999, 1000, 'the close code: 1000, 1001, 1008, 1011 or 3000–4999'),
    reason: { kind: 'text', required: false, help: `the close reason, at most ${REASON_MAX_BYTES} bytes of UTF-8` },
    after: integer(0, CLOSE_AFTER_MAX_MS, 0, 'ms to echo before closing'),
    drop: { kind: 'choice', values: ['0', '1'], fallback: '0', help: '1: cut the TCP connection without a close frame' },
  },
  '/misbehave': { fault: { kind: 'choice', values: FAULTS.map((f) => f.name), help: 'which rule the next frame breaks' } },
  '/firehose': {
    rate: integer(1, FIREHOSE_MAX_RATE, 200, 'messages per second'),
    size: integer(FIREHOSE_MIN_SIZE, FIREHOSE_MAX_SIZE, 1024, 'bytes per message'),
    seconds: integer(1, FIREHOSE_MAX_SECONDS, 10, 'how long the stream lasts'),
    id: { kind: 'text', required: false, help: 'a name for the stream that ?watch= can follow: 32 hex digits or 22 base64url characters' },
    watch: { kind: 'text', required: false, help: 'instead of a stream: report the stream with this id' },
  },
  '/heartbeat': { interval: integer(INTERVAL_MIN_MS, INTERVAL_MAX_MS, INTERVAL_DEFAULT_MS, 'ms between pings; an unanswered ping closes with 4000') },
  '/inspect': { session: { kind: 'text', required: true, help: 'the session to watch: 32 hex digits or 22 base64url characters' } },
  '/healthz': {},
  '/alt/poll': { since, hz },
  '/alt/long-poll': { since, hz },
  '/alt/sse': { since: { ...since, lenient: true, help: 'where to resume when there is no Last-Event-ID (an invalid value is ignored)' }, hz },
} satisfies { readonly [P in WebSocketPath | HttpPath]: Readonly<Record<string, QueryParam>> };

/** Every endpoint's parameters, as plain records (ENDPOINT_QUERY keeps each one's own type). */
export const ENDPOINT_PARAMS: { readonly [P in WebSocketPath | HttpPath]: Readonly<Record<string, QueryParam>> } = ENDPOINT_QUERY;

/** `?session=ID` on any WebSocket endpoint: its handshake and frames go to that session's /inspect. */
export const SESSION_PARAM: TextParam = { kind: 'text', required: false, help: 'tap this connection for /inspect?session=ID' };

/** The subprotocols each WebSocket endpoint speaks (Sec-WebSocket-Protocol); the client's first known one wins. */
export const ENDPOINT_PROTOCOLS: { readonly [P in WebSocketPath]: readonly string[] } = {
  '/echo': ECHO_PROTOCOLS,
  '/echo-deflate': ECHO_PROTOCOLS,
  '/ticker': [],
  '/chat': [],
  '/slow': [],
  '/close': [],
  '/misbehave': [],
  '/firehose': [],
  '/heartbeat': [],
  '/inspect': [],
};

/** How a WebSocket endpoint is set up, the same on the demo server and in the page's simulator. */
export type EndpointTraits = {
  /** The subprotocols it speaks (ENDPOINT_PROTOCOLS). */
  readonly protocols: readonly string[];
  /** Negotiates permessage-deflate: only /echo-deflate. */
  readonly deflate: boolean;
  /** Counts against MESSAGES_PER_SECOND: all but /slow, whose slow reading is its own limit. */
  readonly rateLimited: boolean;
};

export function endpointTraits(path: WebSocketPath): EndpointTraits {
  return { protocols: ENDPOINT_PROTOCOLS[path], deflate: path === '/echo-deflate', rateLimited: path !== '/slow' };
}
