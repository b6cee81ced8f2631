// What every way of sending a burst to /slow keeps the same way (BurstRun over WebSocket, StreamBurstRun over
// WebSocketStream): the phase, a clock that starts at open, bufferedAmount sampled over time, the server's acks
// ({"type":"ack","bytes":n}), the moments a reader is told about, and how the run ended. The runs keep only
// what their API does differently: how they send, what counts as queued, how they close.

import { burstPlan, type BurstPlan } from './burst.ts';
import type { RunEvent, RunPhase, RunSnapshot } from './run.ts';
import { BufferSeries } from './series.ts';

export type Every = (fn: () => void, ms: number) => () => void;

const realEvery: Every = (fn, ms) => {
  const id = setInterval(fn, ms);
  return () => clearInterval(id);
};

export type ProgressOptions = {
  totalBytes: number;
  /** The bytes waiting in the page right now (what the run calls bufferedAmount). */
  queued: () => number;
  now?: () => number;
  every?: Every;
  sampleMs?: number;
};

/** The snapshot fields that mean the same for every run. */
export type ProgressFields = Pick<
  RunSnapshot,
  'phase' | 'totalBytes' | 'messages' | 'peak' | 'samples' | 'serverBytes' | 'tQueued' | 'tRead' | 'closed' | 'unreachable' | 'events'
>;

export class BurstProgress {
  readonly plan: BurstPlan;
  readonly series = new BufferSeries();
  phase: RunPhase = 'connecting';
  /** When the connection opened; times are counted from here. */
  t0: number | null = null;
  serverBytes = 0;
  tQueued: number | null = null;
  tRead: number | null = null;
  closed: RunSnapshot['closed'] = null;
  unreachable = false;
  #events: RunEvent[] = [];
  #o: ProgressOptions;
  #now: () => number;
  #stopSampling: (() => void) | null = null;

  constructor(options: ProgressOptions) {
    this.#o = options;
    this.plan = burstPlan(options.totalBytes);
    this.#now = options.now ?? (() => performance.now());
  }

  /** The connection is open: the clock starts, and `sample` runs every sampleMs until the run halts. */
  opened(sample: () => void): void {
    this.t0 = this.#now();
    this.series.add(0, this.#o.queued());
    this.event('open');
    this.#stopSampling = (this.#o.every ?? realEvery)(sample, this.#o.sampleMs ?? 50);
  }

  /** Milliseconds since open (0 before). */
  time(): number {
    return this.t0 === null ? 0 : Math.round(this.#now() - this.t0);
  }

  event(kind: RunEvent['kind']): void {
    this.#events.push({ t: this.time(), kind, bufferedAmount: this.#o.queued() });
  }

  get finished(): boolean {
    return this.phase === 'done' || this.phase === 'failed' || this.phase === 'stopped';
  }

  /** Marks the run stopped by the reader; false when it had already ended. */
  stop(): boolean {
    if (this.finished) return false;
    this.phase = 'stopped';
    this.event('stopped');
    return true;
  }

  /** Marks the run failed, unless it already ended; false then. */
  fail(closed: RunSnapshot['closed'], unreachable: boolean): boolean {
    if (this.finished) return false;
    this.phase = 'failed';
    this.unreachable = unreachable;
    this.closed = closed;
    this.event('failed');
    return true;
  }

  /** Takes a message from /slow; true when it was an ack (non-acks and non-JSON are ignored). */
  ack(data: unknown): boolean {
    if (typeof data !== 'string') return false;
    let message: { type?: unknown; bytes?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return false;
    }
    if (message?.type !== 'ack' || typeof message.bytes !== 'number') return false;
    this.serverBytes = message.bytes;
    return true;
  }

  /** Once everything is handed over (phase `reading`), the server having read it all ends the run: true then. */
  allRead(): boolean {
    if (this.phase !== 'reading' || this.serverBytes < this.#o.totalBytes) return false;
    this.tRead = this.time();
    this.phase = 'done';
    this.event('read');
    return true;
  }

  /** Stops sampling (the run is over, or being disposed). */
  halt(): void {
    this.#stopSampling?.();
    this.#stopSampling = null;
  }

  fields(): ProgressFields {
    return {
      phase: this.phase,
      totalBytes: this.#o.totalBytes,
      messages: this.plan.messages,
      peak: this.series.peak,
      samples: this.series.samples.slice(),
      serverBytes: this.serverBytes,
      tQueued: this.tQueued,
      tRead: this.tRead,
      closed: this.closed,
      unreachable: this.unreachable,
      events: this.#events.slice(),
    };
  }
}
