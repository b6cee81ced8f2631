// When a live connection drops, decide whether to try again, and when: the policy the chat and the ticker
// share. Backoff and jitter come from backoff.ts; this adds the bookkeeping a view needs (which attempt,
// when the next one starts, when to give up) and owns the timer, so a view only renders what it reports.
import { reconnectDelay, shouldReconnect } from './backoff.ts';

export type RetryDecision =
  /** A retry is scheduled in delayMs; attempt counts retries since the last successful open, from 1. */
  | { kind: 'retry'; delayMs: number; attempt: number }
  /** The very first attempt never opened: say so (server not running?) instead of retrying blindly. */
  | { kind: 'unreachable' }
  /** maxAttempts retries in a row failed to open. */
  | { kind: 'gave-up'; attempts: number }
  /** Closed with a code that retrying would only repeat (1000, 1008, 1002…). */
  | { kind: 'final' };

export type ReconnectOptions = {
  maxAttempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

/** Whole seconds from `now` until `retryAt`, rounded up, for a countdown; 0 when no retry is scheduled. */
export function secondsUntil(retryAt: number | null, now: number): number {
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}

export class Reconnector {
  readonly maxAttempts: number;
  /** Retries since the last successful open. */
  attempt = 0;
  /** When the scheduled retry starts (epoch ms), or null when none is scheduled. */
  retryAt: number | null = null;
  #options: Required<Omit<ReconnectOptions, 'maxAttempts'>>;
  #timer: unknown = undefined;
  #listeners = new Set<() => void>();

  constructor(options: ReconnectOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.#options = {
      baseMs: options.baseMs ?? 1000,
      capMs: options.capMs ?? 15_000,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
      setTimer: options.setTimer ?? ((run, ms) => setTimeout(run, ms)),
      clearTimer: options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)),
    };
  }

  /** Listen for changes of attempt and retryAt. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The connection opened: the next drop starts counting from the first attempt again. */
  opened(): void {
    this.attempt = 0;
    this.#changed();
  }

  /**
   * The connection closed without the reader asking. Decides what happens next and, for a retry,
   * schedules `run` (which should open a new connection).
   */
  closed(code: number, failedToOpen: boolean, run: () => void): RetryDecision {
    this.#clear();
    if (failedToOpen && this.attempt === 0) {
      this.#changed();
      return { kind: 'unreachable' };
    }
    if ((failedToOpen || shouldReconnect(code)) && this.attempt < this.maxAttempts) {
      const { baseMs, capMs, random } = this.#options;
      const delayMs = reconnectDelay(this.attempt, { baseMs, capMs, random });
      this.attempt++;
      this.retryAt = this.#options.now() + delayMs;
      this.#timer = this.#options.setTimer(() => {
        this.#timer = undefined;
        this.retryAt = null;
        this.#changed();
        run();
      }, delayMs);
      this.#changed();
      return { kind: 'retry', delayMs, attempt: this.attempt };
    }
    const attempts = this.attempt;
    this.attempt = 0;
    this.#changed();
    return failedToOpen ? { kind: 'gave-up', attempts } : { kind: 'final' };
  }

  /** Drop a scheduled retry but keep the count: the reader pressed "Reconnect now". */
  cancel(): void {
    this.#clear();
    this.#changed();
  }

  /** Drop a scheduled retry and forget the count: the reader stopped trying, left, or started afresh. */
  reset(): void {
    this.#clear();
    this.attempt = 0;
    this.#changed();
  }

  #clear(): void {
    if (this.#timer !== undefined) this.#options.clearTimer(this.#timer);
    this.#timer = undefined;
    this.retryAt = null;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
