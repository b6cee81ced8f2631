// A stream the reader asked for that should survive a dropped connection: the chat room and the ticker.
// It joins the shared ConnectionModel (the socket, its log) to the Reconnector (when to try again) and
// reports one typed status — what went wrong, the retry pending, whether the open connection came from a
// retry — that the view only puts into words.
import type { ConnectionModel, LifecycleEvent } from '../connection/model.ts';
import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { Reconnector, type ReconnectOptions } from './reconnect.ts';

export type StreamProblem =
  /** The very first attempt never opened: the server is probably not running. */
  | { kind: 'unreachable'; url: string }
  /** The connection dropped and a retry is scheduled (see retryAt / attempt). */
  | { kind: 'lost'; code: number }
  /** Every retry failed to open. */
  | { kind: 'gaveUp'; attempts: number; url: string }
  /** The server closed with a code retrying would only repeat (1000, 1008…). */
  | { kind: 'closed'; code: number; reason: string }
  /** The reader stopped the pending retries. */
  | { kind: 'stopped' };

export type StreamStatus = {
  problem: StreamProblem | null;
  /** When the scheduled retry starts (epoch ms), or null. */
  retryAt: number | null;
  /** Retries since the last successful open. */
  attempt: number;
  maxAttempts: number;
  /** The current connection was opened by a retry (or "Reconnect now"), not by the reader's first click. */
  reconnected: boolean;
};

export type ReconnectingStreamOptions = ReconnectOptions & {
  /** Runs before every attempt, first or retry (the chat marks itself joining, the ticker restarts its sequence). */
  beforeAttempt?: (retry: boolean) => void;
};

export class ReconnectingStream implements Readable<StreamStatus> {
  readonly model: ConnectionModel;
  readonly reconnector: Reconnector;
  #beforeAttempt: (retry: boolean) => void;
  #url: () => string = () => '';
  #problem: StreamProblem | null = null;
  #reconnected = false;
  /** The reader closed on purpose: the close that follows is not a drop. */
  #closing = false;
  #snapshots = new Snapshots(() => this.snapshot());
  #offs: Array<() => void>;

  constructor(model: ConnectionModel, options: ReconnectingStreamOptions = {}) {
    this.model = model;
    this.reconnector = new Reconnector(options);
    this.#beforeAttempt = options.beforeAttempt ?? (() => {});
    this.#offs = [
      model.onLifecycle((event) => this.#lifecycle(event)),
      this.reconnector.subscribe(() => this.#snapshots.emit()),
    ];
  }

  snapshot(): StreamStatus {
    const r = this.reconnector;
    return { problem: this.#problem, retryAt: r.retryAt, attempt: r.attempt, maxAttempts: r.maxAttempts, reconnected: this.#reconnected };
  }

  subscribe(listener: Subscriber<StreamStatus>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  /** The reader starts the stream: forget earlier failures. `url` is read again for every retry. */
  open(url: string | (() => string)): void {
    this.#url = typeof url === 'string' ? () => url : url;
    this.reconnector.reset();
    this.#reconnected = false;
    this.#attempt(false);
  }

  /** "Reconnect now": try at once, keeping the count of failed attempts. */
  reconnectNow(): void {
    this.#attempt(true);
  }

  /** The reader stops waiting for the scheduled retries. */
  stopTrying(): void {
    this.reconnector.reset();
    this.#reconnected = false;
    this.#problem = { kind: 'stopped' };
    this.#snapshots.emit();
  }

  /** The reader closes the stream (leave, stop): no retry follows. */
  close(code = 1000, reason?: string): void {
    this.reconnector.reset();
    this.#reconnected = false;
    this.#closing = true;
    this.model.close(code, reason);
    this.#snapshots.emit();
  }

  dispose(): void {
    this.reconnector.reset();
    for (const off of this.#offs) off();
    this.#snapshots.clear();
  }

  #attempt(retry: boolean): void {
    this.reconnector.cancel(); // "Reconnect now" while a retry is pending
    this.#closing = false;
    this.#problem = null;
    if (retry) this.#reconnected = true;
    this.#beforeAttempt(retry);
    this.model.connect(this.#url());
    this.#snapshots.emit();
  }

  #lifecycle(event: LifecycleEvent): void {
    if (event.kind === 'open') {
      this.reconnector.opened();
      return;
    }
    if (this.#closing) {
      this.#closing = false;
      return;
    }
    const url = this.model.snapshot().url;
    const decision = this.reconnector.closed(event.code, event.failedToOpen, () => this.#attempt(true));
    if (decision.kind === 'unreachable') this.#problem = { kind: 'unreachable', url };
    else if (decision.kind === 'retry') this.#problem = { kind: 'lost', code: event.code };
    else if (decision.kind === 'gave-up') this.#problem = { kind: 'gaveUp', attempts: decision.attempts, url };
    else this.#problem = { kind: 'closed', code: event.code, reason: event.reason };
    this.#snapshots.emit();
  }
}
