// One run of the bufferedAmount lab: a fresh connection to /slow, a burst sent naively or with
// backpressure, bufferedAmount sampled over time, and the server's acks ({"type":"ack","bytes":n}) to know
// when it has read everything. Built on the shared ConnectionModel; views subscribe to snapshots.

import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { ConnectionModel, type ModelOptions } from '../connection/model.ts';
import { burstPlan, CHECK_MS, PacedSender, sendAll, type BurstPlan, type Schedule, type Sink } from './burst.ts';
import { BufferSeries, type Sample } from './series.ts';

/** How a burst is sent with WebSocket: all at once, or paced by polling bufferedAmount. */
export type Strategy = 'naive' | 'paced';
/** The chart and table also show WebSocketStream's run (streamRun.ts). */
export type AnyStrategy = Strategy | 'stream';

/**
 * connecting → sending (paced only) → draining (all queued, bufferedAmount > 0) → reading (the browser
 * handed everything to the network; the server is still reading) → done. Or failed / stopped.
 */
export type RunPhase = 'connecting' | 'sending' | 'draining' | 'reading' | 'done' | 'failed' | 'stopped';

/** The moments a reader wants told, with the bufferedAmount at that moment. */
export type RunEvent = { t: number; kind: 'open' | 'queued' | 'drained' | 'read' | 'failed' | 'stopped'; bufferedAmount: number };

export type RunSnapshot = {
  strategy: AnyStrategy;
  phase: RunPhase;
  totalBytes: number;
  threshold: number;
  messages: number;
  messagesSent: number;
  bufferedAmount: number;
  peak: Sample;
  samples: readonly Sample[];
  /** Payload bytes the server says it has read. */
  serverBytes: number;
  /** Milliseconds after open: last message queued, bufferedAmount back to 0, server read everything. */
  tQueued: number | null;
  tDrained: number | null;
  tRead: number | null;
  /** Checks in which the paced sender found the queue full and waited. */
  waits: number;
  /** How the connection ended when it ended early (failed), or null. */
  closed: { code: number; reason: string; wasClean: boolean } | null;
  unreachable: boolean;
  events: readonly RunEvent[];
};

export type RunOptions = {
  url: string;
  strategy: Strategy;
  totalBytes: number;
  threshold: number;
  sampleMs?: number;
  checkMs?: number;
  /** For tests: the model (with a fake socket factory) and timers. */
  model?: ConnectionModel;
  modelOptions?: ModelOptions;
  now?: () => number;
  schedule?: Schedule;
  every?: (fn: () => void, ms: number) => () => void;
};

const realEvery = (fn: () => void, ms: number) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

export class BurstRun implements Readable<RunSnapshot> {
  readonly model: ConnectionModel;
  readonly strategy: Strategy;
  #o: RunOptions;
  #plan: BurstPlan;
  #series = new BufferSeries();
  #phase: RunPhase = 'connecting';
  /** When the connection opened; times are counted from here. */
  #t0: number | null = null;
  #now: () => number;
  #sent = 0;
  #serverBytes = 0;
  #tQueued: number | null = null;
  #tDrained: number | null = null;
  #tRead: number | null = null;
  #closed: RunSnapshot['closed'] = null;
  #unreachable = false;
  #events: RunEvent[] = [];
  #paced: PacedSender | null = null;
  #stopSampling: (() => void) | null = null;
  #unsubscribe: Array<() => void> = [];
  #snapshots = new Snapshots(() => this.snapshot());

  constructor(options: RunOptions) {
    this.#o = options;
    this.strategy = options.strategy;
    this.#plan = burstPlan(options.totalBytes);
    this.#now = options.now ?? (() => performance.now());
    this.model = options.model ?? new ConnectionModel({ logSends: false, logMessages: false, ...options.modelOptions });
  }

  /** The store contract (reactive/store.ts): called at once with the current snapshot, then on every change. */
  subscribe(listener: Subscriber<RunSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  snapshot(): RunSnapshot {
    const socket = this.model.socket;
    return {
      strategy: this.strategy,
      phase: this.#phase,
      totalBytes: this.#o.totalBytes,
      threshold: this.#o.threshold,
      messages: this.#plan.messages,
      messagesSent: this.#paced ? this.#paced.sent : this.#sent,
      bufferedAmount: socket?.bufferedAmount ?? 0,
      peak: this.#series.peak,
      samples: this.#series.samples.slice(),
      serverBytes: this.#serverBytes,
      tQueued: this.#tQueued,
      tDrained: this.#tDrained,
      tRead: this.#tRead,
      waits: this.#paced?.waits ?? 0,
      closed: this.#closed,
      unreachable: this.#unreachable,
      events: this.#events.slice(),
    };
  }

  /** Opens the connection; sending starts on open. False when the URL is refused outright. */
  start(): boolean {
    let opened = false;
    this.#unsubscribe.push(
      this.model.subscribe((snap) => {
        if (!opened && snap.readyState === 1) {
          opened = true;
          this.#begin();
        }
        // readyState is already 3 during a failed connection's error event: wait for the close event.
        if (snap.readyState === 3 && snap.log.at(-1)?.kind === 'close') this.#ended(snap.failedToOpen);
      }),
      this.model.onMessage((data) => this.#ack(data)),
    );
    if (!this.model.connect(this.#o.url)) {
      this.#phase = 'failed';
      this.#emit();
      return false;
    }
    return true;
  }

  /** Stops sending and closes the connection (whatever is still queued is thrown away with it). */
  stop(): void {
    if (this.#finished()) return;
    this.#phase = 'stopped';
    this.#event('stopped');
    this.#halt();
    this.model.close(1000, 'stopped');
    this.#emit();
  }

  dispose(): void {
    this.#halt();
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.#snapshots.clear();
    this.model.dispose();
  }

  #time(): number {
    return this.#t0 === null ? 0 : Math.round(this.#now() - this.#t0);
  }

  #socket(): Sink {
    const socket = this.model.socket!;
    const model = this.model;
    return {
      send: (data) => {
        model.send(data);
        this.#sent++;
      },
      get bufferedAmount() {
        return socket.bufferedAmount;
      },
    };
  }

  #begin(): void {
    this.#t0 = this.#now();
    this.#series.add(0, this.model.socket?.bufferedAmount ?? 0);
    this.#event('open');
    this.#stopSampling = (this.#o.every ?? realEvery)(() => this.#sample(), this.#o.sampleMs ?? 50);
    const sink = this.#socket();
    if (this.strategy === 'naive') {
      sendAll(sink, this.#plan);
      this.#queued();
      this.#sample();
    } else {
      this.#phase = 'sending';
      this.#paced = new PacedSender({
        sink,
        plan: this.#plan,
        threshold: this.#o.threshold,
        checkMs: this.#o.checkMs ?? CHECK_MS,
        ...(this.#o.schedule ? { schedule: this.#o.schedule } : {}),
        onSent: (amount) => this.#series.add(this.#time(), amount),
        onDone: () => this.#queued(),
      });
      this.#paced.start();
    }
    this.#emit();
  }

  #queued(): void {
    this.#tQueued = this.#time();
    this.#phase = 'draining';
    this.#event('queued');
  }

  #sample(): void {
    const socket = this.model.socket;
    if (!socket || this.#finished()) return;
    const amount = socket.bufferedAmount;
    this.#series.add(this.#time(), amount);
    if (this.#phase === 'draining' && amount === 0) {
      this.#tDrained = this.#time();
      this.#phase = 'reading';
      this.#event('drained');
    }
    this.#checkRead();
    this.#emit();
  }

  #ack(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    const m = message as { type?: unknown; bytes?: unknown };
    if (m.type !== 'ack' || typeof m.bytes !== 'number') return;
    this.#serverBytes = m.bytes;
    this.#checkRead();
    this.#emit();
  }

  #checkRead(): void {
    if (this.#phase !== 'reading' || this.#serverBytes < this.#o.totalBytes) return;
    this.#tRead = this.#time();
    this.#phase = 'done';
    this.#event('read');
    this.#halt();
    this.model.close(1000, 'done');
  }

  #ended(failedToOpen: boolean): void {
    this.#halt();
    if (this.#finished()) return this.#emit();
    this.#phase = 'failed';
    this.#unreachable = failedToOpen;
    this.#event('failed');
    const close = this.model.snapshot().log.at(-1);
    if (close?.kind === 'close') this.#closed = { code: close.code, reason: close.reason, wasClean: close.wasClean };
    this.#emit();
  }

  #event(kind: RunEvent['kind']): void {
    this.#events.push({ t: this.#time(), kind, bufferedAmount: this.model.socket?.bufferedAmount ?? 0 });
  }

  #finished(): boolean {
    return this.#phase === 'done' || this.#phase === 'failed' || this.#phase === 'stopped';
  }

  #halt(): void {
    this.#paced?.stop();
    this.#stopSampling?.();
    this.#stopSampling = null;
  }

  #emit(): void {
    this.#snapshots.emit();
  }
}
