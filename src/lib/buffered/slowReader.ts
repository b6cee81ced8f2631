// The receiving side of backpressure: a page that handles each message slowly, fed by /firehose. With
// WebSocket the browser keeps reading the socket and delivering `message` events, so what the page cannot
// handle yet piles up in the page (here: in its own queue, counted, as any app must keep them somewhere).
// With WebSocketStream the page reads when it is ready; unread data stays in the browser's small buffers,
// the browser stops reading the socket, TCP's window closes and the backlog waits in the server — whose
// bufferedAmount a second, ordinary connection (/firehose?watch=ID) reports live.

import type { SocketFactory, SocketLike } from '../connection/model.ts';
import { newSessionId } from '../inspect/session.ts';
import { createSocket } from '../server/sockets.ts';
import { BufferSeries, type Sample } from './series.ts';
import { describeStreamError, type StreamFactory, type WebSocketStreamLike } from './stream.ts';

export type ReadMode = 'websocket' | 'stream';
export type ReadPhase = 'connecting' | 'running' | 'draining' | 'done' | 'failed' | 'stopped';

export type ReadSnapshot = {
  mode: ReadMode;
  phase: ReadPhase;
  delayMs: number;
  /** Messages that reached the page (events delivered, or chunks read). */
  received: number;
  /** Messages the page finished handling. */
  handled: number;
  /** Received, not yet handled: waiting in the page. */
  pendingMessages: number;
  pendingBytes: number;
  /** What the server says, from the watcher. */
  serverSent: number;
  serverBuffered: number;
  serverHeldBack: number;
  /** The tab's JavaScript heap (Chromium's performance.memory; shared by every run in the tab), or null where not exposed. */
  heapBytes: number | null;
  page: readonly Sample[];
  server: readonly Sample[];
  peakPage: Sample;
  peakServer: Sample;
  error: { code: number | null; reason: string } | null;
  unreachable: boolean;
  /** The run stopped at its deadline with messages still unread (they were thrown away with the connection). */
  cutShort: boolean;
};

export type SlowReaderOptions = {
  /** e.g. ws://localhost:8080/firehose — the query is added here. */
  url: string;
  mode: ReadMode;
  delayMs: number;
  rate: number;
  size: number;
  seconds: number;
  createSocket?: SocketFactory;
  createStream?: StreamFactory;
  heap?: () => number | null;
  now?: () => number;
  every?: (fn: () => void, ms: number) => () => void;
  sleep?: (ms: number) => Promise<void>;
  newId?: () => string;
  /**
   * Stop reading this long after opening (default: the firehose's duration plus 2 s). A stream read at 50
   * messages a second would otherwise take minutes to drain: the lab's point is made once the server stopped.
   */
  stopAfterMs?: number;
  schedule?: (fn: () => void, ms: number) => () => void;
};

const realEvery = (fn: () => void, ms: number) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};
const realSchedule = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Chromium's non-standard performance.memory; coarse, but the only number a page can read about itself. */
export function chromiumHeap(): number | null {
  const memory = (globalThis.performance as { memory?: { usedJSHeapSize?: number } } | undefined)?.memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}

function withQuery(url: string, params: Record<string, string | number>): string {
  const parsed = new URL(url);
  for (const [k, v] of Object.entries(params)) parsed.searchParams.set(k, String(v));
  return parsed.toString();
}

export class SlowReader {
  #o: SlowReaderOptions;
  #now: () => number;
  #sleep: (ms: number) => Promise<void>;
  #id: string;
  #phase: ReadPhase = 'connecting';
  #t0 = 0;
  #opened = false;
  #received = 0;
  #handled = 0;
  #queue: number[] = []; // sizes of messages waiting in the page (websocket mode)
  #queuedBytes = 0;
  #inHand = 0; // bytes of the chunk being handled (stream mode)
  #server = { sent: 0, buffered: 0, heldBack: 0 };
  #pageSeries = new BufferSeries();
  #serverSeries = new BufferSeries();
  #error: ReadSnapshot['error'] = null;
  #unreachable = false;
  #socket: SocketLike | null = null;
  #stream: WebSocketStreamLike | null = null;
  #watcher: SocketLike | null = null;
  #stopSampling: (() => void) | null = null;
  #cancelDeadline: (() => void) | null = null;
  /** True when the run ended at its deadline with messages still unread. */
  #cutShort = false;
  #handling = false;
  #sourceEnded = false;
  #listeners = new Set<(s: ReadSnapshot) => void>();

  constructor(options: SlowReaderOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? realSleep;
    this.#id = (options.newId ?? newSessionId)();
  }

  subscribe(listener: (s: ReadSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.snapshot());
    return () => this.#listeners.delete(listener);
  }

  snapshot(): ReadSnapshot {
    const pendingMessages = this.#o.mode === 'websocket' ? this.#queue.length : this.#inHand > 0 ? 1 : 0;
    return {
      mode: this.#o.mode,
      phase: this.#phase,
      delayMs: this.#o.delayMs,
      received: this.#received,
      handled: this.#handled,
      pendingMessages,
      pendingBytes: this.#o.mode === 'websocket' ? this.#queuedBytes : this.#inHand,
      serverSent: this.#server.sent,
      serverBuffered: this.#server.buffered,
      serverHeldBack: this.#server.heldBack,
      heapBytes: (this.#o.heap ?? chromiumHeap)(),
      page: this.#pageSeries.samples.slice(),
      server: this.#serverSeries.samples.slice(),
      peakPage: this.#pageSeries.peak,
      peakServer: this.#serverSeries.peak,
      error: this.#error,
      unreachable: this.#unreachable,
      cutShort: this.#cutShort,
    };
  }

  /** Opens the watcher, then the firehose with the chosen API. False when a URL is refused outright. */
  start(): boolean {
    const { url, rate, size, seconds } = this.#o;
    try {
      const watcher = (this.#o.createSocket ?? createSocket)(withQuery(url, { watch: this.#id }));
      this.#watcher = watcher;
      watcher.addEventListener('message', (e: { data: unknown }) => this.#status(e.data));
      watcher.addEventListener('error', () => {});
    } catch (error) {
      this.#fail(null, error instanceof Error ? error.message : String(error), true);
      return false;
    }
    const source = withQuery(url, { rate, size, seconds, id: this.#id });
    try {
      if (this.#o.mode === 'websocket') this.#openSocket(source);
      else this.#openStream(source);
    } catch (error) {
      this.#fail(null, error instanceof Error ? error.message : String(error), true);
      return false;
    }
    return true;
  }

  stop(): void {
    if (this.#finished()) return;
    this.#phase = 'stopped';
    this.#end();
    this.#socket?.close(1000, 'stopped');
    this.#stream?.close({ closeCode: 1000, reason: 'stopped' });
    this.#emit();
  }

  dispose(): void {
    this.stop();
    this.#listeners.clear();
  }

  #began(): void {
    this.#t0 = this.#now();
    this.#opened = true;
    this.#phase = 'running';
    this.#stopSampling = (this.#o.every ?? realEvery)(() => this.#sample(), 100);
    const deadline = this.#o.stopAfterMs ?? this.#o.seconds * 1000 + 2000;
    this.#cancelDeadline = (this.#o.schedule ?? realSchedule)(() => this.#deadline(), deadline);
    this.#sample();
  }

  /** Time is up: keep the numbers as they are now, and let the connections go. */
  #deadline(): void {
    if (this.#finished()) return;
    this.#cutShort = true;
    this.#sample();
    this.#phase = 'done';
    this.#end();
    this.#socket?.close(1000, 'done');
    this.#stream?.close({ closeCode: 1000, reason: 'done' });
    this.#emit();
  }

  #openSocket(url: string): void {
    const socket = (this.#o.createSocket ?? createSocket)(url);
    this.#socket = socket;
    socket.addEventListener('open', () => this.#began());
    socket.addEventListener('message', (e: { data: unknown }) => {
      if (typeof e.data !== 'string' || e.data.startsWith('{"type":"end"')) return;
      this.#received++;
      this.#queue.push(e.data.length);
      this.#queuedBytes += e.data.length;
      void this.#handleQueue();
    });
    socket.addEventListener('close', (e: { code: number; reason: string; wasClean: boolean }) => {
      if (!this.#opened) return this.#fail(e.code, e.reason, true);
      if (e.code !== 1000) return this.#fail(e.code, e.reason, false);
      this.#sourceEnded = true;
      this.#maybeDone();
    });
  }

  /** The app's own handling: one message per `delayMs`, the rest waiting in the page. */
  async #handleQueue(): Promise<void> {
    if (this.#handling) return;
    this.#handling = true;
    while (this.#queue.length > 0 && !this.#finished()) {
      await this.#sleep(this.#o.delayMs);
      const bytes = this.#queue.shift()!;
      this.#queuedBytes -= bytes;
      this.#handled++;
    }
    this.#handling = false;
    this.#maybeDone();
  }

  #openStream(url: string): void {
    const create = this.#o.createStream;
    if (!create) throw new Error('WebSocketStream is not available in this browser');
    const stream = create(url);
    this.#stream = stream;
    stream.opened.then(
      async ({ readable }) => {
        this.#began();
        const reader = readable.getReader();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done || this.#finished()) break;
            if (typeof value !== 'string' || value.startsWith('{"type":"end"')) continue;
            this.#received++;
            this.#inHand = value.length;
            // Handling takes time, and nothing is read meanwhile: this is the backpressure.
            await this.#sleep(this.#o.delayMs);
            this.#inHand = 0;
            this.#handled++;
          }
        } catch {
          return; // reported through `closed`
        }
        this.#sourceEnded = true;
        this.#maybeDone();
      },
      (error) => {
        const e = describeStreamError(error);
        this.#fail(e.closeCode, e.reason || e.message, true);
      },
    );
    stream.closed.then(
      () => {},
      (error) => {
        const e = describeStreamError(error);
        if (this.#opened) this.#fail(e.closeCode, e.reason || e.message, false);
      },
    );
  }

  #status(data: unknown): void {
    if (typeof data !== 'string') return;
    try {
      const s = JSON.parse(data) as { type?: string; sent?: number; bufferedAmount?: number; heldBack?: number };
      if (s.type !== 'status' || typeof s.sent !== 'number') return;
      this.#server = { sent: s.sent, buffered: s.bufferedAmount ?? 0, heldBack: s.heldBack ?? 0 };
      this.#serverSeries.add(this.#time(), this.#server.buffered);
      this.#emit();
    } catch {
      // not a status
    }
  }

  #sample(): void {
    const snap = this.snapshot();
    this.#pageSeries.add(this.#time(), snap.pendingBytes);
    this.#emit();
  }

  #maybeDone(): void {
    if (this.#finished() || !this.#sourceEnded) return;
    if (this.#o.mode === 'websocket' && this.#queue.length > 0) {
      this.#phase = 'draining';
      return this.#emit();
    }
    this.#phase = 'done';
    this.#sample();
    this.#end();
    this.#emit();
  }

  #fail(code: number | null, reason: string, beforeOpen: boolean): void {
    if (this.#finished()) return;
    this.#phase = 'failed';
    this.#error = { code, reason };
    this.#unreachable = beforeOpen;
    this.#end();
    this.#emit();
  }

  #end(): void {
    this.#stopSampling?.();
    this.#stopSampling = null;
    this.#cancelDeadline?.();
    this.#cancelDeadline = null;
    // Let the watcher report the final numbers before it goes.
    const watcher = this.#watcher;
    this.#watcher = null;
    if (watcher) setTimeout(() => watcher.close(1000, 'done'), 600);
  }

  #time(): number {
    return this.#opened ? Math.round(this.#now() - this.#t0) : 0;
  }

  #finished(): boolean {
    return this.#phase === 'done' || this.#phase === 'failed' || this.#phase === 'stopped';
  }

  #emit(): void {
    const snap = this.snapshot();
    for (const l of this.#listeners) l(snap);
  }
}
