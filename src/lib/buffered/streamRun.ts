// The third way to send a burst to /slow: WebSocketStream, awaiting writer.write() for each message. The
// promise settles when the browser has taken the message off the page's hands, so the page never holds more
// than what it is writing — backpressure without polling. Same snapshot as BurstRun, so the lab's chart and
// table show all three side by side; "queued" here means bytes written but not yet accepted.

import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { chunkFor } from './burst.ts';
import { BurstProgress, type Every } from './progress.ts';
import type { RunSnapshot } from './run.ts';
import { describeStreamError, type StreamFactory, type WebSocketStreamLike } from './stream.ts';

export type StreamRunOptions = {
  url: string;
  totalBytes: number;
  createStream: StreamFactory;
  sampleMs?: number;
  now?: () => number;
  every?: Every;
};

export class StreamBurstRun implements Readable<RunSnapshot> {
  readonly strategy = 'stream' as const;
  #o: StreamRunOptions;
  #progress: BurstProgress;
  #stream: WebSocketStreamLike | null = null;
  #abort = new AbortController();
  #sent = 0;
  /** Bytes handed to write() whose promise has not settled yet. */
  #pending = 0;
  #snapshots = new Snapshots(() => this.snapshot());

  constructor(options: StreamRunOptions) {
    this.#o = options;
    this.#progress = new BurstProgress({ ...options, queued: () => this.#pending });
  }

  /** The store contract (reactive/store.ts): called at once with the current snapshot, then on every change. */
  subscribe(listener: Subscriber<RunSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  snapshot(): RunSnapshot {
    return {
      ...this.#progress.fields(),
      strategy: 'stream',
      threshold: 0,
      messagesSent: this.#sent,
      bufferedAmount: this.#pending,
      // Nothing waits in the page once the last write settled: queued and drained are the same moment.
      tDrained: this.#progress.tQueued,
      waits: 0,
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
      (error) => this.#fail(error, this.#progress.t0 === null),
    );
    stream.opened.then(
      (opened) => this.#run(opened.writable, opened.readable),
      (error) => this.#fail(error, true),
    );
    return true;
  }

  stop(): void {
    if (!this.#progress.stop()) return;
    this.#progress.halt();
    // Before `opened` settles, aborting is the only way to cancel the opening handshake.
    if (this.#progress.t0 === null) this.#abort.abort();
    else this.#stream?.close({ closeCode: 1000, reason: 'stopped' });
    this.#emit();
  }

  dispose(): void {
    this.#progress.halt();
    this.#snapshots.clear();
    if (!this.#progress.finished) this.stop();
  }

  async #run(writable: WritableStream<string | Uint8Array | ArrayBuffer>, readable: ReadableStream<string | Uint8Array>): Promise<void> {
    if (this.#progress.finished) return;
    this.#progress.opened(() => this.#sample());
    this.#progress.phase = 'sending';
    this.#emit();
    void this.#readAcks(readable);
    const writer = writable.getWriter();
    const plan = this.#progress.plan;
    const full = new Uint8Array(plan.messageBytes);
    try {
      for (let i = 0; i < plan.messages && !this.#progress.finished; i++) {
        const chunk = chunkFor(plan, i, full);
        this.#pending += chunk.length;
        this.#progress.series.add(this.#progress.time(), this.#pending);
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
    if (this.#progress.finished) return;
    this.#progress.tQueued = this.#progress.time();
    this.#progress.series.add(this.#progress.tQueued, 0);
    this.#progress.phase = 'reading';
    this.#progress.event('queued');
    this.#checkRead();
  }

  async #readAcks(readable: ReadableStream<string | Uint8Array>): Promise<void> {
    const reader = readable.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (this.#progress.ack(value)) this.#checkRead();
      }
    } catch {
      // closed or failed: reported through `closed`
    }
  }

  /** Ends the run once the server has read everything; emits either way. */
  #checkRead(): void {
    if (this.#progress.allRead()) {
      this.#progress.halt();
      this.#stream?.close({ closeCode: 1000, reason: 'done' });
    }
    this.#emit();
  }

  #sample(): void {
    if (this.#progress.finished) return;
    this.#progress.series.add(this.#progress.time(), this.#pending);
    this.#emit();
  }

  #ended(info: { closeCode: number; reason: string }): void {
    this.#progress.halt();
    this.#progress.fail({ code: info.closeCode, reason: info.reason, wasClean: true }, false);
    this.#emit();
  }

  #fail(error: unknown, beforeOpen: boolean): void {
    this.#progress.halt();
    const e = describeStreamError(error);
    this.#progress.fail({ code: e.closeCode ?? 1006, reason: e.reason || e.message, wasClean: false }, beforeOpen);
    this.#emit();
  }

  #emit(): void {
    this.#snapshots.emit();
  }
}
