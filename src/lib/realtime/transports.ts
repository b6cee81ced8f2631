// The four ways of getting the same stream of quotes into a page, each feeding a MethodMeter. Browser APIs
// (fetch, EventSource, the WebSocket behind ConnectionModel) are passed in, so tests can use fakes.
import type { ConnectionModel } from '../connection/model.ts';
import type { MethodMeter } from './compare.ts';
import type { EventSourceLike } from '../server/sockets.ts';
import { SSE_PREAMBLE } from './quoteHistory.ts';
import { isQuote, parseQuote, type Quote } from './ticker.ts';
import {
  chunkFramingBytes,
  requestHeadBytes,
  responseHeadBytes,
  sseEventBytes,
  sseResponseHeadBytes,
  utf8Bytes,
  wsFrameHeaderBytes,
  wsHandshakeResponseBytes,
  type BrowserProfile,
} from './wire.ts';

export type { EventSourceLike };

export type TransportDeps = {
  fetch: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  createEventSource: (url: string) => EventSourceLike;
  /** Client clock in ms since the epoch, comparable with the server's `t` (same machine here). */
  now: () => number;
  profile: BrowserProfile;
  page: { href: string; origin: string };
};

export type RunOptions = {
  /** http(s) base of the demo server, e.g. http://127.0.0.1:8080 */
  httpBase: string;
  /** ws(s) base of the demo server, e.g. ws://127.0.0.1:8080 */
  wsBase: string;
  hz: number;
  pollMs: number;
  signal: AbortSignal;
};

export type Problem = 'unreachable' | 'http' | 'stream' | 'ws';
/** How a runner reports failure: a kind the view can explain, and the detail it saw. */
export type FailureReporter = (problem: Problem, detail: string) => void;

/** The demo server's retry hint in every event stream: `retry: 2000\n\n`, written as its own chunk. */
const SSE_PREAMBLE_BYTES = utf8Bytes(SSE_PREAMBLE);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function quotesIn(text: string): Quote[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isQuote) : [];
  } catch {
    return [];
  }
}

function bodyBytes(res: Response, text: string): number {
  const length = Number(res.headers.get('content-length'));
  return Number.isFinite(length) && length >= 0 && res.headers.has('content-length') ? length : utf8Bytes(text);
}

/**
 * Polling (`/alt/poll`, a request every pollMs) or long-polling (`/alt/long-poll`, the next request as soon as
 * the previous one is answered). A first, uncounted request learns where the feed is, so old quotes the feed
 * still remembers are not counted as slow updates.
 */
export async function runPolling(kind: 'poll' | 'longPoll', meter: MethodMeter, deps: TransportDeps, opt: RunOptions, fail: FailureReporter): Promise<void> {
  const path = kind === 'poll' ? '/alt/poll' : '/alt/long-poll';
  const urlFor = (p: string, since: number) => `${opt.httpBase}${p}?hz=${opt.hz}&since=${since}`;
  let since = 0;
  meter.status = 'starting';
  try {
    const res = await deps.fetch(urlFor('/alt/poll', 0), { signal: opt.signal });
    if (!res.ok) return fail('http', `${res.status} ${(await res.text()).trim()}`);
    for (const q of quotesIn(await res.text())) since = Math.max(since, q.seq);
  } catch (error) {
    if (!opt.signal.aborted) fail('unreachable', String(error));
    return;
  }
  meter.status = 'running';
  while (!opt.signal.aborted) {
    const url = urlFor(path, since);
    const started = deps.now();
    meter.request(requestHeadBytes('fetch', new URL(url), deps.page, deps.profile));
    let res: Response;
    let text: string;
    try {
      res = await deps.fetch(url, { signal: opt.signal });
      text = await res.text();
    } catch (error) {
      if (!opt.signal.aborted) fail('unreachable', String(error));
      return;
    }
    const arrived = deps.now();
    if (!res.ok) return fail('http', `${res.status} ${text.trim()}`);
    const quotes = res.status === 204 ? [] : quotesIn(text);
    meter.response(responseHeadBytes(res.status, res.statusText, res.headers), bodyBytes(res, text), quotes.length);
    for (const q of quotes) {
      meter.update(q, arrived);
      since = Math.max(since, q.seq);
    }
    if (kind === 'poll') await sleep(opt.pollMs - (deps.now() - started), opt.signal);
  }
}

/** Server-Sent Events over `/alt/sse`: one long response, one event per quote. */
export function runEventSource(meter: MethodMeter, deps: TransportDeps, opt: RunOptions, fail: FailureReporter): void {
  const url = `${opt.httpBase}/alt/sse?hz=${opt.hz}`;
  meter.status = 'starting';
  let source: EventSourceLike;
  try {
    source = deps.createEventSource(url);
  } catch (error) {
    fail('stream', String(error));
    return;
  }
  let opened = false;
  const stop = () => source.close();
  opt.signal.addEventListener('abort', stop, { once: true });
  source.onopen = () => {
    // Each (re)connection is a new request with a new response head and the server's retry preamble.
    opened = true;
    meter.status = 'running';
    meter.request(requestHeadBytes('eventsource', new URL(url), deps.page, deps.profile));
    const streamOrigin = new URL(url).origin;
    meter.add('responseHeads', sseResponseHeadBytes(streamOrigin === deps.page.origin ? null : deps.page.origin));
    meter.add('framing', SSE_PREAMBLE_BYTES + chunkFramingBytes(SSE_PREAMBLE_BYTES));
  };
  source.onmessage = (event: { data: string; lastEventId: string }) => {
    const arrived = deps.now();
    const eventBytes = sseEventBytes(event.lastEventId, event.data);
    const payload = utf8Bytes(event.data);
    meter.add('payload', payload);
    meter.add('framing', eventBytes - payload + chunkFramingBytes(eventBytes));
    const q = parseQuote(event.data);
    if (q) meter.update(q, arrived);
  };
  source.onerror = () => {
    if (opt.signal.aborted) return;
    // Before any open, or once the browser gives up (readyState 2), say so; otherwise it is reconnecting.
    if (!opened || source.readyState === 2) {
      source.close();
      opt.signal.removeEventListener('abort', stop);
      fail('stream', `EventSource readyState ${source.readyState}`);
    }
  };
}

/** WebSocket over `/ticker`, through the labs' shared ConnectionModel. */
export function runWebSocket(meter: MethodMeter, model: ConnectionModel, deps: TransportDeps, opt: RunOptions, fail: FailureReporter): void {
  const url = `${opt.wsBase}/ticker?hz=${opt.hz}`;
  meter.status = 'starting';
  let opened = false;
  const offMessage = model.onMessage((data) => {
    if (typeof data !== 'string') return;
    const arrived = deps.now();
    const payload = utf8Bytes(data);
    meter.add('payload', payload);
    meter.add('framing', wsFrameHeaderBytes(payload));
    const q = parseQuote(data);
    if (q) meter.update(q, arrived);
  });
  if (!model.connect(url)) {
    offMessage();
    fail('ws', url);
    return;
  }
  // This connection's close event is the first close entry after its connect entry.
  const connectId = model.snapshot().log.at(-1)?.id ?? 0;
  let offState: () => void = () => {};
  offState = model.subscribe((snap) => {
    if (!opened && snap.readyState === 1) {
      opened = true;
      meter.status = 'running';
      // Counted once the handshake succeeded: a refused connection sends no request head worth counting.
      meter.request(requestHeadBytes('websocket', new URL(url), deps.page, deps.profile));
      meter.add('responseHeads', wsHandshakeResponseBytes(snap.protocol, snap.extensions));
    }
    const close = snap.log.find((e) => e.kind === 'close' && e.id > connectId);
    if (close && close.kind === 'close' && !opt.signal.aborted) {
      cleanup();
      if (!opened) fail('unreachable', url);
      else fail('ws', `close ${close.code}${close.reason ? ` ${close.reason}` : ''}`);
    }
  });
  function cleanup() {
    offMessage();
    offState();
  }
  opt.signal.addEventListener('abort', () => {
    cleanup();
    model.close(1000);
  }, { once: true });
}

// Kept importable from here for the transports' tests; it lives with the other address helpers.
export { httpBaseFrom } from '../server/url.ts';
