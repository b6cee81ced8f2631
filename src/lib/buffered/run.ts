// One run of the bufferedAmount lab: a fresh connection to /slow, a burst sent naively or with
// backpressure, bufferedAmount sampled over time, and the server's acks ({"type":"ack","bytes":n}) to know
// when it has read everything. Built on the shared ConnectionModel; views subscribe to snapshots.

import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { ConnectionModel, type ModelOptions } from '../connection/model.ts';
import { CHECK_MS, PacedSender, sendAll, type Schedule, type Sink } from './burst.ts';
import { BurstProgress, type Every } from './progress.ts';
import type { Sample } from './series.ts';

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
  every?: Every;
};

export class BurstRun implements Readable<RunSnapshot> {
  readonly model: ConnectionModel;
  readonly strategy: Strategy;
  #o: RunOptions;
  #progress: BurstProgress;
  #sent = 0;
  #tDrained: number | null = null;
  #paced: PacedSender | null = null;
  #unsubscribe: Array<() => void> = [];
  #snapshots = new Snapshots(() => this.snapshot());

  constructor(options: RunOptions) {
    this.#o = options;
    this.strategy = options.strategy;
    this.model = options.model ?? new ConnectionModel({ logSends: false, logMessages: false, ...options.modelOptions });
    this.#progress = new BurstProgress({ ...options, queued: () => this.model.socket?.bufferedAmount ?? 0 });
  }

  /** The store contract (reactive/store.ts): called at once with the current snapshot, then on every change. */
  subscribe(listener: Subscriber<RunSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  snapshot(): RunSnapshot {
    return {
      ...this.#progress.fields(),
      strategy: this.strategy,
      threshold: this.#o.threshold,
      messagesSent: this.#paced ? this.#paced.sent : this.#sent,
      bufferedAmount: this.model.socket?.bufferedAmount ?? 0,
      tDrained: this.#tDrained,
      waits: this.#paced?.waits ?? 0,
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
      this.model.onMessage((data) => {
        if (this.#progress.ack(data)) this.#checkRead();
      }),
    );
    if (!this.model.connect(this.#o.url)) {
      this.#progress.phase = 'failed';
      this.#emit();
      return false;
    }
    return true;
  }

  /** Stops sending and closes the connection (whatever is still queued is thrown away with it). */
  stop(): void {
    if (!this.#progress.stop()) return;
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
    this.#progress.opened(() => this.#sample());
    const sink = this.#socket();
    if (this.strategy === 'naive') {
      sendAll(sink, this.#progress.plan);
      this.#queued();
      this.#sample();
    } else {
      this.#progress.phase = 'sending';
      this.#paced = new PacedSender({
        sink,
        plan: this.#progress.plan,
        threshold: this.#o.threshold,
        checkMs: this.#o.checkMs ?? CHECK_MS,
        ...(this.#o.schedule ? { schedule: this.#o.schedule } : {}),
        onSent: (amount) => this.#progress.series.add(this.#progress.time(), amount),
        onDone: () => this.#queued(),
      });
      this.#paced.start();
    }
    this.#emit();
  }

  #queued(): void {
    this.#progress.tQueued = this.#progress.time();
    this.#progress.phase = 'draining';
    this.#progress.event('queued');
  }

  #sample(): void {
    const socket = this.model.socket;
    if (!socket || this.#progress.finished) return;
    const amount = socket.bufferedAmount;
    this.#progress.series.add(this.#progress.time(), amount);
    if (this.#progress.phase === 'draining' && amount === 0) {
      this.#tDrained = this.#progress.time();
      this.#progress.phase = 'reading';
      this.#progress.event('drained');
    }
    this.#checkRead();
  }

  /** Ends the run once the server has read everything; emits either way. */
  #checkRead(): void {
    if (this.#progress.allRead()) {
      this.#halt();
      this.model.close(1000, 'done');
    }
    this.#emit();
  }

  #ended(failedToOpen: boolean): void {
    this.#halt();
    const close = this.model.snapshot().log.at(-1);
    this.#progress.fail(close?.kind === 'close' ? { code: close.code, reason: close.reason, wasClean: close.wasClean } : null, failedToOpen);
    this.#emit();
  }

  #halt(): void {
    this.#paced?.stop();
    this.#progress.halt();
  }

  #emit(): void {
    this.#snapshots.emit();
  }
}
