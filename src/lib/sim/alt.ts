// The comparison lab's HTTP feeds in the page: /alt/poll, /alt/long-poll and /alt/sse answered as the demo
// server answers them (demo-server/endpoints/alt.ts) — the same quote history, the same bodies, and the
// response heads Node writes for them — through a fetch and an EventSource look-alike. No bytes cross a
// network, so the lab labels every figure it shows in simulation as modelled, not measured.
import { ENDPOINT_QUERY, HTTP_PATHS, listPaths } from '../endpoints.ts';
import { LONG_POLL_MS, QuoteHistory } from '../realtime/quoteHistory.ts';
import { isRejection, readInteger } from '../server/params.ts';
import type { EventSourceLike } from '../server/sockets.ts';

const ALT_ROUTES: readonly string[] = HTTP_PATHS.filter((path) => path.startsWith('/alt/'));
/** A feed stops ticking this long after its last reader, as the demo server's does. */
const FEED_IDLE_MS = 30_000;

/** The head lines Node adds to every answer of a keep-alive connection, and the server's own. */
function nodeHeaders(own: Record<string, string>): Headers {
  return new Headers({ Vary: 'Origin', ...own, Date: new Date().toUTCString(), Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' });
}

function text(status: number, statusText: string, body: string): Response {
  const line = `${body}\n`;
  return new Response(line, {
    status,
    statusText,
    headers: nodeHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(new TextEncoder().encode(line).length) }),
  });
}

function json(body: string): Response {
  return new Response(body, {
    status: 200,
    statusText: 'OK',
    headers: nodeHeaders({ 'Content-Type': 'application/json', 'Content-Length': String(new TextEncoder().encode(body).length), 'Cache-Control': 'no-store' }),
  });
}

class Feed {
  readonly quotes: QuoteHistory;
  readonly #listeners = new Set<(seq: number, json: string) => void>();
  #idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(hz: number) {
    this.quotes = new QuoteHistory(hz, (seq, quote) => this.#listeners.forEach((listener) => listener(seq, quote)));
  }

  /** Starts the feed if idle; it stops FEED_IDLE_MS after the last poll once no one listens. */
  use(): void {
    this.quotes.start();
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#stopIfIdle(), FEED_IDLE_MS);
  }

  listen(listener: (seq: number, json: string) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      this.use();
    };
  }

  #stopIfIdle(): void {
    if (this.#listeners.size === 0) this.quotes.stop();
    else this.use();
  }
}

export class SimAlt {
  readonly #feeds = new Map<number, Feed>();

  #feed(query: URLSearchParams): Feed | Response {
    const hz = readInteger(query, 'hz', ENDPOINT_QUERY['/alt/poll'].hz);
    if (isRejection(hz)) return text(hz.status, 'Bad Request', hz.reason);
    let feed = this.#feeds.get(hz);
    if (!feed) this.#feeds.set(hz, (feed = new Feed(hz)));
    feed.use();
    return feed;
  }

  /** Like fetch(url) against the demo server's /alt/poll and /alt/long-poll. */
  async fetch(url: string, init: { signal?: AbortSignal } = {}): Promise<Response> {
    init.signal?.throwIfAborted();
    const target = new URL(url);
    if (!ALT_ROUTES.includes(target.pathname)) return text(404, 'Not Found', `Not found. Try ${listPaths(ALT_ROUTES)}`);
    if (target.pathname === '/alt/sse') return text(400, 'Bad Request', 'The simulated /alt/sse is an EventSource stream');
    const feed = this.#feed(target.searchParams);
    if (feed instanceof Response) return feed;
    const asked = readInteger(target.searchParams, 'since', ENDPOINT_QUERY['/alt/poll'].since);
    if (isRejection(asked)) return text(asked.status, 'Bad Request', asked.reason);
    const since = feed.quotes.sinceOrZero(asked);
    const newer = feed.quotes.newerThan(since);
    if (target.pathname === '/alt/poll' || newer.length > 0) return json(`[${newer.join(',')}]`);
    // A long poll is held until the next quote, or answered 204 after LONG_POLL_MS.
    return new Promise<Response>((resolve, reject) => {
      const done = (answer: () => void) => {
        clearTimeout(timer);
        stop();
        init.signal?.removeEventListener('abort', aborted);
        answer();
      };
      const stop = feed.listen((_seq, quote) => done(() => resolve(json(`[${quote}]`))));
      const timer = setTimeout(() => done(() => resolve(new Response(null, { status: 204, statusText: 'No Content', headers: nodeHeaders({ 'Cache-Control': 'no-store' }) }))), LONG_POLL_MS);
      const aborted = () => done(() => reject(init.signal!.reason));
      init.signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Like new EventSource(url) on /alt/sse: open, then one message per quote, `lastEventId` its seq. */
  openEventSource(url: string): EventSourceLike {
    const target = new URL(url);
    const feed = target.pathname === '/alt/sse' ? this.#feed(target.searchParams) : null;
    let stop: (() => void) | null = null;
    const source: { -readonly [K in keyof EventSourceLike]: EventSourceLike[K] } = {
      readyState: 0,
      onopen: null,
      onmessage: null,
      onerror: null,
      close() {
        source.readyState = 2;
        stop?.();
        stop = null;
      },
    };
    setTimeout(() => {
      if (source.readyState === 2) return;
      if (!(feed instanceof Feed)) {
        // A 404 or 400 answer: EventSource fails the connection and does not retry.
        source.readyState = 2;
        source.onerror?.(new Event('error'));
        return;
      }
      source.readyState = 1;
      source.onopen?.(new Event('open'));
      stop = feed.listen((seq, data) => source.onmessage?.({ data, lastEventId: String(seq) }));
    }, 0);
    return source;
  }
}
