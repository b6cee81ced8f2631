// The third way to send a burst to /slow: WebSocketStream, awaiting writer.write() for each message. The
// promise settles when the browser has taken the message off the page's hands, so the page never holds more
// than what it is writing — backpressure without polling. Same snapshot as BurstRun, so the lab's chart and
// table show all three side by side; "queued" here means bytes written but not yet accepted.

import { burstPlan, chunkFor, type BurstPlan } from './burst.ts';
import type { RunEvent, RunPhase, RunSnapshot } from './run.ts';
import { BufferSeries } from './series.ts';
import { describeStreamError, type StreamFactory, type WebSocketStreamLike } from './stream.ts';

export type StreamRunOptions = {
  url: string;
  totalBytes: number;
  createStream: StreamFactory;
  sampleMs?: number;
  now?: () => number;
  every?: (fn: () => void, ms: number) => () => void;
};

const realEvery = (fn: () => void, ms: number) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

export class StreamBurstRun {
  readonly strategy = 'stream' as const;
  #o: StreamRunOptions;
  #plan: BurstPlan;
  #series = new BufferSeries();
  #phase: RunPhase = 'connecting';
  #t0: number | null = null;
  #now: () => number;
  #stream: WebSocketStreamLike | null = null;
  #abort = new AbortController();
  #sent = 0;
  /** Bytes handed to write() whose promise has not settled yet. */
  #pending = 0;
  #serverBytes = 0;
  #tQueued: number | null = null;
  #tRead: number | null = null;
  #closed: RunSnapshot['closed'] = null;
  #unreachable = false;
  #events: RunEvent[] = [];
  #stopSampling: (() => void) | null = null;
  #listeners = new Set<(s: RunSnapshot) => void>();

  constructor(options: StreamRunOptions) {
    this.#o = options;
    this.#plan = burstPlan(options.totalBytes);
    this.#now = options.now ?? (() => performance.now());
  }

  subscribe(listener: (s: RunSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.snapshot());
    return () => this.#listeners.delete(listener);
  }

  snapshot(): RunSnapshot {
    return {
      strategy: 'stream',
      phase: this.#phase,
      totalBytes: this.#o.totalBytes,
      threshold: 0,
      messages: this.#plan.messages,
      messagesSent: this.#sent,
      bufferedAmount: this.#pending,
      peak: this.#series.peak,
      samples: this.#series.samples.slice(),
      serverBytes: this.#serverBytes,
      tQueued: this.#tQueued,
      // Nothing waits in the page once the last write settled: queued and drained are the same moment.
      tDrained: this.#tQueued,
      tRead: this.#tRead,
      waits: 0,
      closed: this.#closed,
      unreachable: this.#unreachable,
      events: this.#events.slice(),
    };
  }

  /** Opens the stream and sends once it is open. False when the constructor refused the URL. */
  start(): boolean {
    try {
      this.#stream = this.#o.createStream(this.#o.url, { signal: this.#abort.signal });
    } catch (error) {
      this.#fail(error, false);
      return false;
    }
    const stream = this.#stream;
    stream.closed.then(
      (info) => this.#ended(info),
      (error) => this.#fail(error, this.#t0 === null),
    );
    stream.opened.then(
      (opened) => this.#run(opened.writable, opened.readable),
      (error) => this.#fail(error, true),
    );
    return true;
  }

  stop(): void {
    if (this.#finished()) return;
    this.#phase = 'stopped';
    this.#event('stopped');
    this.#halt();
    // Before `opened` settles, aborting is the only way to cancel the opening handshake.
    if (this.#t0 === null) this.#abort.abort();
    else this.#stream?.close({ closeCode: 1000, reason: 'stopped' });
    this.#emit();
  }

  dispose(): void {
    this.#halt();
    this.#listeners.clear();
    if (!this.#finished()) this.stop();
  }

  async #run(writable: WritableStream<string | Uint8Array | ArrayBuffer>, readable: ReadableStream<string | Uint8Array>): Promise<void> {
    if (this.#finished()) return;
    this.#t0 = this.#now();
    this.#series.add(0, 0);
    this.#event('open');
    this.#phase = 'sending';
    this.#stopSampling = (this.#o.every ?? realEvery)(() => this.#sample(), this.#o.sampleMs ?? 50);
    this.#emit();
    void this.#readAcks(readable);
    const writer = writable.getWriter();
    const full = new Uint8Array(this.#plan.messageBytes);
    try {
      for (let i = 0; i < this.#plan.messages && !this.#finished(); i++) {
        const chunk = chunkFor(this.#plan, i, full);
        this.#pending += chunk.length;
        this.#series.add(this.#time(), this.#pending);
        // The whole point: the next message is not made until the network took this one.
        await writer.write(chunk);
        this.#pending -= chunk.length;
        this.#sent++;
      }
    } catch {
      return; // the stream failed or was closed: #fail / #ended report it
    } finally {
      writer.releaseLock();
    }
    if (this.#finished()) return;
    this.#tQueued = this.#time();
    this.#series.add(this.#tQueued, 0);
    this.#phase = 'reading';
    this.#event('queued');
    this.#checkRead();
    this.#emit();
  }

  async #readAcks(readable: ReadableStream<string | Uint8Array>): Promise<void> {
    const reader = readable.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (typeof value !== 'string') continue;
        try {
          const m = JSON.parse(value) as { type?: unknown; bytes?: unknown };
          if (m.type === 'ack' && typeof m.bytes === 'number') this.#serverBytes = m.bytes;
        } catch {
          continue;
        }
        this.#checkRead();
        this.#emit();
      }
    } catch {
      // closed or failed: reported through `closed`
    }
  }

  #checkRead(): void {
    if (this.#phase !== 'reading' || this.#serverBytes < this.#o.totalBytes) return;
    this.#tRead = this.#time();
    this.#phase = 'done';
    this.#event('read');
    this.#halt();
    this.#stream?.close({ closeCode: 1000, reason: 'done' });
  }

  #sample(): void {
    if (this.#finished()) return;
    this.#series.add(this.#time(), this.#pending);
    this.#emit();
  }

  #ended(info: { closeCode: number; reason: string }): void {
    this.#halt();
    if (this.#finished()) return this.#emit();
    this.#phase = 'failed';
    this.#closed = { code: info.closeCode, reason: info.reason, wasClean: true };
    this.#event('failed');
    this.#emit();
  }

  #fail(error: unknown, beforeOpen: boolean): void {
    this.#halt();
    if (this.#finished()) return this.#emit();
    const e = describeStreamError(error);
    this.#phase = 'failed';
    this.#unreachable = beforeOpen;
    this.#closed = { code: e.closeCode ?? 1006, reason: e.reason || e.message, wasClean: false };
    this.#event('failed');
    this.#emit();
  }

  #time(): number {
    return this.#t0 === null ? 0 : Math.round(this.#now() - this.#t0);
  }

  #event(kind: RunEvent['kind']): void {
    this.#events.push({ t: this.#time(), kind, bufferedAmount: this.#pending });
  }

  #finished(): boolean {
    return this.#phase === 'done' || this.#phase === 'failed' || this.#phase === 'stopped';
  }

  #halt(): void {
    this.#stopSampling?.();
    this.#stopSampling = null;
  }

  #emit(): void {
    const snap = this.snapshot();
    for (const listener of this.#listeners) listener(snap);
  }
}
