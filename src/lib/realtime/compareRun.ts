// One run of "polling vs long-polling vs SSE vs WebSocket": the four transports started side by side for a
// fixed time, each feeding its MethodMeter, a countdown, the failures each one met, and — because an event
// stream's Resource Timing entry only appears once it has ended — a short listen after the end. The view
// renders the snapshots; browser APIs and clocks are passed in, so tests drive a whole run with fakes.
import type { ConnectionModel } from '../connection/model.ts';
import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { httpBaseFrom } from '../server/url.ts';
import { METHODS, MethodMeter, type MethodId, type MethodSummary } from './compare.ts';
import { runEventSource, runPolling, runWebSocket, type Problem, type TransportDeps } from './transports.ts';

/** What one method could not do, with the address it was trying (the ws URL base, or the http base). */
export type MethodProblem = { method: MethodId; problem: Problem; detail: string; url: string };

export type CompareSnapshot = {
  running: boolean;
  /** Whole seconds left while running. */
  left: number;
  /** How long the last run lasted, in seconds with one decimal (0 before any run). */
  ran: number;
  summaries: MethodSummary[];
  problems: MethodProblem[];
};

export type CompareSettings = { wsBase: string; hz: number; pollMs: number; seconds: number };

/** Reports each finished /alt/… request's Resource Timing entry by method; returns the stop function. */
export type ResourceWatcher = (httpBase: string, report: (method: MethodId, entry: PerformanceResourceTiming) => void) => () => void;

export type CompareRunOptions = {
  /** The WebSocket method's connection (its log is the lab's). */
  model: ConnectionModel;
  /** The browser APIs and facts a run uses, read when it starts (the cookie or the page may have changed). */
  deps: () => TransportDeps;
  watch?: ResourceWatcher;
  now?: () => number;
  every?: (run: () => void, ms: number) => () => void;
  later?: (run: () => void, ms: number) => () => void;
};

const TICK_MS = 250;
/** How long Resource Timing is still listened to after a run, for the event stream's entry. */
export const LATE_ENTRIES_MS = 1500;

export class CompareRun implements Readable<CompareSnapshot> {
  #o: Required<CompareRunOptions>;
  #meters: MethodMeter[] = [];
  #problems: MethodProblem[] = [];
  #running = false;
  #left = 0;
  #ran = 0;
  #startedAt = 0;
  #endsAt = 0;
  #controller: AbortController | null = null;
  #stopTick: () => void = () => {};
  #unwatch: () => void = () => {};
  #cancelLate: () => void = () => {};
  #snapshots = new Snapshots(() => this.snapshot());

  constructor(options: CompareRunOptions) {
    this.#o = {
      watch: () => () => {},
      now: () => Date.now(),
      every: (run, ms) => {
        const id = setInterval(run, ms);
        return () => clearInterval(id);
      },
      later: (run, ms) => {
        const id = setTimeout(run, ms);
        return () => clearTimeout(id);
      },
      ...options,
    };
  }

  snapshot(): CompareSnapshot {
    return { running: this.#running, left: this.#left, ran: this.#ran, summaries: this.#meters.map((m) => m.summary()), problems: this.#problems.slice() };
  }

  subscribe(listener: Subscriber<CompareSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  /** Starts all four methods against the server at `wsBase` (its HTTP routes on the same host and port). */
  start(settings: CompareSettings): void {
    this.#halt();
    this.#cancelLate();
    this.#unwatch();
    const { wsBase, hz, pollMs, seconds } = settings;
    const httpBase = httpBaseFrom(wsBase);
    const controller = (this.#controller = new AbortController());
    this.#problems = [];
    this.#meters = METHODS.map((m) => new MethodMeter(m));
    const meterOf = (m: MethodId) => this.#meters[METHODS.indexOf(m)]!;
    this.#unwatch = this.#o.watch(httpBase, (method, entry) => meterOf(method).browserEntry(entry));
    const opt = { httpBase, wsBase, hz, pollMs, signal: controller.signal };
    const failFor = (method: MethodId) => (problem: Problem, detail: string) => {
      if (this.#controller !== controller) return;
      meterOf(method).fail(detail);
      this.#problems = [...this.#problems, { method, problem, detail, url: method === 'ws' ? wsBase : httpBase }];
      this.#snapshots.emit();
    };
    const deps = this.#o.deps();
    const model = this.#o.model;
    void runPolling('poll', meterOf('poll'), deps, opt, failFor('poll'));
    void runPolling('longPoll', meterOf('longPoll'), deps, opt, failFor('longPoll'));
    runEventSource(meterOf('sse'), deps, opt, failFor('sse'));
    runWebSocket(meterOf('ws'), model, deps, opt, failFor('ws'));
    this.#running = true;
    this.#startedAt = this.#o.now();
    this.#endsAt = this.#startedAt + seconds * 1000;
    this.#left = seconds;
    this.#stopTick = this.#o.every(() => {
      this.#left = Math.max(0, Math.ceil((this.#endsAt - this.#o.now()) / 1000));
      if (this.#o.now() >= this.#endsAt || this.#meters.every((m) => m.status === 'failed')) this.finish();
      else this.#snapshots.emit();
    }, TICK_MS);
    this.#snapshots.emit();
  }

  /** Ends the run now (the reader's Stop, or time is up): what was measured stays. */
  finish(): void {
    if (!this.#running) return;
    this.#halt();
    for (const m of this.#meters) if (m.status !== 'failed') m.status = 'done';
    this.#ran = Math.round((this.#o.now() - this.#startedAt) / 100) / 10;
    this.#running = false;
    this.#snapshots.emit();
    this.#cancelLate = this.#o.later(() => {
      this.#unwatch();
      this.#unwatch = () => {};
      this.#snapshots.emit();
    }, LATE_ENTRIES_MS);
  }

  dispose(): void {
    this.#halt();
    this.#cancelLate();
    this.#unwatch();
    this.#snapshots.clear();
  }

  #halt(): void {
    this.#stopTick();
    this.#stopTick = () => {};
    this.#controller?.abort();
  }
}
