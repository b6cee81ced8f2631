// HTTP endpoints for the "polling vs long-polling vs SSE vs WebSocket" lab, fed by the same kind of
// simulated quotes as /ticker (`?hz=` 1–20, default 2). Every quote carries `seq` and the server time `t`.
//   GET /alt/poll?since=SEQ       → 200, JSON array of the quotes newer than SEQ (at most FEED_HISTORY)
//   GET /alt/long-poll?since=SEQ  → the same, but held until a newer quote exists; 204 after LONG_POLL_MS
//   GET /alt/sse                  → text/event-stream, one event per quote, `id:` = seq (Last-Event-ID resumes)
// Pages on other origins may read them under the WebSocket endpoints' origin policy (ALLOWED_ORIGINS): an
// allowed Origin gets CORS and Timing-Allow-Origin headers (preflights too), any other Origin gets 403.
// Long polls and event streams are capped per address (MAX_CONNECTIONS_PER_IP) and in total (MAX_CONNECTIONS).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, limitKey, Tally } from '../address.ts';
import type { Config } from '../config.ts';
import { isRejection, readInteger, type Rejection } from '../endpoint.ts';
import { BROADCAST_DROP_BYTES, BROADCAST_SKIP_BYTES, LONG_POLL_MS } from '../limits.ts';
import { printable } from '../log.ts';
import { corsHeaders } from '../origin.ts';
import { ENDPOINT_QUERY, HTTP_PATHS, listPaths } from '../../src/lib/endpoints.ts';
import { QuoteHistory, SSE_PREAMBLE, sseEvent } from '../../src/lib/realtime/quoteHistory.ts';
import { sendText } from '../static.ts';

/** The routes under /alt/, from the endpoint list. */
const altRoutes: readonly string[] = HTTP_PATHS.filter((path) => path.startsWith('/alt/'));

/** A feed stops ticking this long after its last poll, long poll or stream. */
const FEED_IDLE_MS = 30_000;

interface Waiter {
  res: ServerResponse;
  since: number;
  timer: ReturnType<typeof setTimeout>;
}

class HttpFeed {
  readonly quotes: QuoteHistory;
  readonly waiters = new Set<Waiter>();
  readonly streams = new Set<ServerResponse>();
  lastUsed = 0;

  constructor(hz: number) {
    this.quotes = new QuoteHistory(hz, (seq, json) => this.#onQuote(seq, json));
  }

  get seq(): number {
    return this.quotes.seq;
  }

  get history(): ReadonlyArray<[number, string]> {
    return this.quotes.history;
  }

  /** Marks the feed as wanted, starting it if it was idle. */
  use(): void {
    this.lastUsed = Date.now();
    this.quotes.start();
  }

  get idle(): boolean {
    return this.waiters.size === 0 && this.streams.size === 0 && Date.now() - this.lastUsed > FEED_IDLE_MS;
  }

  stop(): void {
    this.quotes.stop();
  }

  newerThan(since: number): string[] {
    return this.quotes.newerThan(since);
  }

  #onQuote(seq: number, json: string): void {
    for (const waiter of this.waiters) answerWaiter(this, waiter, `[${json}]`);
    const event = sseEvent(seq, json);
    for (const res of this.streams) {
      const queued = res.writableLength;
      if (queued > BROADCAST_DROP_BYTES) res.destroy();
      else if (queued <= BROADCAST_SKIP_BYTES) res.write(event);
    }
  }
}

function answerWaiter(feed: HttpFeed, waiter: Waiter, body: string): void {
  clearTimeout(waiter.timer);
  feed.waiters.delete(waiter);
  sendJson(waiter.res, body);
}

function sendJson(res: ServerResponse, body: string): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * OPTIONS. The lab's requests are simple (fetch GET, EventSource) and need no preflight, but a client that
 * resumes a stream with fetch and its own Last-Event-ID header does; the answer is the same for every path.
 */
function preflight(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = { Allow: 'GET, HEAD, OPTIONS' };
  if (req.headers['access-control-request-method'] !== undefined) {
    headers['Access-Control-Allow-Methods'] = 'GET, HEAD';
    headers['Access-Control-Allow-Headers'] = 'Last-Event-ID';
    headers['Access-Control-Max-Age'] = '600';
  }
  res.writeHead(204, headers);
  res.end();
}

export interface AltEndpoints {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void;
  /** Open long polls and event streams. */
  readonly streams: number;
  /** Stops feeds that nobody has used for a while (call now and then). */
  sweep(): void;
  /** Ends every held request and stops every feed. */
  stop(): void;
}

export function createAlt(config: Config): AltEndpoints {
  const feeds = new Map<number, HttpFeed>();
  const perAddress = new Tally();
  let streams = 0;

  function feedFor(query: URLSearchParams): HttpFeed | Rejection {
    const hz = readInteger(query, 'hz', ENDPOINT_QUERY['/alt/poll'].hz);
    if (isRejection(hz)) return hz;
    let feed = feeds.get(hz);
    if (!feed) {
      feed = new HttpFeed(hz);
      feeds.set(hz, feed);
    }
    feed.use();
    return feed;
  }

  /** Counts a held request against the caps; false (after answering 429/503) when over. */
  function hold(req: IncomingMessage, res: ServerResponse): boolean {
    const key = limitKey(clientAddress(req, config.trustProxy));
    if (streams >= config.maxConnections) {
      sendText(res, 503, 'The server is full; try again later\n', { 'Retry-After': '10' });
      return false;
    }
    if (config.maxConnectionsPerIp > 0 && perAddress.get(key) >= config.maxConnectionsPerIp) {
      sendText(res, 429, `Too many open requests from your address (at most ${config.maxConnectionsPerIp})\n`, {
        'Retry-After': '10',
      });
      return false;
    }
    streams++;
    perAddress.add(key);
    res.once('close', () => {
      streams--;
      perAddress.remove(key);
    });
    return true;
  }

  function poll(res: ServerResponse, feed: HttpFeed, since: number): void {
    sendJson(res, `[${feed.newerThan(since).join(',')}]`);
  }

  function longPoll(req: IncomingMessage, res: ServerResponse, feed: HttpFeed, since: number): void {
    const newer = feed.newerThan(since);
    if (newer.length > 0) {
      sendJson(res, `[${newer.join(',')}]`);
      return;
    }
    if (!hold(req, res)) return;
    const waiter: Waiter = {
      res,
      since,
      timer: setTimeout(() => {
        feed.waiters.delete(waiter);
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
      }, LONG_POLL_MS),
    };
    feed.waiters.add(waiter);
    res.once('close', () => {
      clearTimeout(waiter.timer);
      feed.waiters.delete(waiter);
    });
  }

  function eventStream(req: IncomingMessage, res: ServerResponse, feed: HttpFeed, query: URLSearchParams): void {
    const lastEventId = req.headers['last-event-id'];
    const resumeFrom = (Array.isArray(lastEventId) ? lastEventId[0] : lastEventId) ?? query.get('since');
    let since = resumeFrom !== null && /^\d{1,15}$/.test(resumeFrom) ? Number(resumeFrom) : feed.seq;
    if (since > feed.seq) since = 0;
    if (!hold(req, res)) return;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no', // nginx: pass events through at once
    });
    res.write(SSE_PREAMBLE);
    for (const [seq, json] of feed.history) if (seq > since) res.write(sseEvent(seq, json));
    feed.streams.add(res);
    res.once('close', () => feed.streams.delete(res));
  }

  return {
    get streams() {
      return streams;
    },
    handle(req, res, url) {
      const origin = req.headers.origin;
      const cors = corsHeaders(config.allowedOrigins, origin, req.headers.host);
      if (cors === null) {
        // As the WebSocket handshake answers it; without CORS headers the browser would block it anyway.
        sendText(res, 403, `Origin ${printable(origin ?? '', 100)} is not allowed (see ALLOWED_ORIGINS)\n`, { Vary: 'Origin' });
        return;
      }
      for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        preflight(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD, OPTIONS' });
        return;
      }
      const route = url.pathname;
      if (!altRoutes.includes(route)) {
        sendText(res, 404, `Not found. Try ${listPaths(altRoutes)}\n`);
        return;
      }
      const feed = feedFor(url.searchParams);
      if (isRejection(feed)) {
        sendText(res, feed.status, `${feed.reason}\n`);
        return;
      }
      if (route === '/alt/sse') {
        eventStream(req, res, feed, url.searchParams);
        return;
      }
      let since = readInteger(url.searchParams, 'since', ENDPOINT_QUERY['/alt/poll'].since);
      if (isRejection(since)) {
        sendText(res, since.status, `${since.reason}\n`);
        return;
      }
      since = feed.quotes.sinceOrZero(since);
      if (route === '/alt/poll') poll(res, feed, since);
      else longPoll(req, res, feed, since);
    },
    sweep() {
      // A stopped feed keeps its history; its sequence numbers go on with the clock for returning pollers.
      for (const feed of feeds.values()) if (feed.idle) feed.stop();
    },
    stop() {
      for (const feed of feeds.values()) {
        feed.stop();
        for (const waiter of feed.waiters) {
          clearTimeout(waiter.timer);
          waiter.res.writeHead(204, { 'Cache-Control': 'no-store' });
          waiter.res.end();
        }
        feed.waiters.clear();
        for (const res of feed.streams) res.end();
        feed.streams.clear();
      }
      feeds.clear();
    },
  };
}
