// Replaying a transcript: step through it by hand, or play it at 1×, 4× or at once, while views follow the
// readyState and the events. A model with the store contract (subscribe calls at once, returns unsubscribe).

import type { ReadyState } from '../connection/model.ts';
import { readyStateAfter } from './timeline.ts';
import type { Transcript } from './transcript.ts';

export type ReplaySpeed = 1 | 4 | 'instant';

export type ReplaySnapshot = {
  /** How many items have happened (0 … total). */
  shown: number;
  total: number;
  playing: boolean;
  speed: ReplaySpeed;
  readyState: ReadyState | null;
  /** The time of the last item shown, ms since the start. */
  t: number;
};

export type Timers = {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

const realTimers: Timers = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** Waits longer than this are shortened, so a recording with a minute of silence does not look frozen. */
export const MAX_REPLAY_WAIT_MS = 2000;

export class Replay {
  readonly transcript: Transcript;
  #shown = 0;
  #playing = false;
  #speed: ReplaySpeed = 1;
  #timer: unknown = null;
  #timers: Timers;
  #listeners = new Set<(s: ReplaySnapshot) => void>();

  constructor(transcript: Transcript, timers: Timers = realTimers) {
    this.transcript = transcript;
    this.#timers = timers;
  }

  snapshot(): ReplaySnapshot {
    const items = this.transcript.items;
    return {
      shown: this.#shown,
      total: items.length,
      playing: this.#playing,
      speed: this.#speed,
      readyState: readyStateAfter(items, this.#shown),
      t: this.#shown > 0 ? items[this.#shown - 1]!.t : 0,
    };
  }

  subscribe(listener: (s: ReplaySnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.snapshot());
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    const snap = this.snapshot();
    for (const l of this.#listeners) l(snap);
  }

  #stopTimer(): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  seek(shown: number): void {
    this.#shown = Math.max(0, Math.min(this.transcript.items.length, Math.round(shown)));
    if (this.#shown === this.transcript.items.length) this.pause();
    this.#emit();
  }

  step(): void {
    this.seek(this.#shown + 1);
  }

  back(): void {
    this.pause();
    this.seek(this.#shown - 1);
  }

  reset(): void {
    this.pause();
    this.seek(0);
  }

  play(speed: ReplaySpeed): void {
    this.#stopTimer();
    this.#speed = speed;
    const items = this.transcript.items;
    if (this.#shown >= items.length) this.#shown = 0;
    if (speed === 'instant') {
      this.#playing = false;
      this.seek(items.length);
      return;
    }
    this.#playing = true;
    this.#emit();
    this.#schedule();
  }

  #schedule(): void {
    const items = this.transcript.items;
    if (!this.#playing || this.#shown >= items.length) return;
    const previous = this.#shown > 0 ? items[this.#shown - 1]!.t : items[0]!.t;
    const wait = Math.min(MAX_REPLAY_WAIT_MS, Math.max(0, items[this.#shown]!.t - previous)) / (this.#speed === 4 ? 4 : 1);
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      this.step();
      this.#schedule();
    }, wait);
  }

  pause(): void {
    this.#stopTimer();
    if (this.#playing) {
      this.#playing = false;
      this.#emit();
    }
  }

  dispose(): void {
    this.#stopTimer();
    this.#listeners.clear();
  }
}
