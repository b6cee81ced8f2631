import { describe, expect, it } from 'vitest';
import { Reconnector, secondsUntil } from './reconnect.ts';

/** A Reconnector on a hand-driven clock: timers fire only when the test advances time. */
function harness(maxAttempts = 3) {
  let now = 1_000;
  const timers: Array<{ at: number; run: () => void; handle: number }> = [];
  let next = 0;
  const reconnector = new Reconnector({
    maxAttempts,
    baseMs: 1000,
    capMs: 4000,
    random: () => 1,
    now: () => now,
    setTimer: (run, ms) => {
      timers.push({ at: now + ms, run, handle: ++next });
      return next;
    },
    clearTimer: (handle) => {
      const i = timers.findIndex((t) => t.handle === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  let runs = 0;
  const run = () => runs++;
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { reconnector, run, advance, runs: () => runs, pending: () => timers.length, now: () => now };
}

describe('Reconnector', () => {
  it('says "unreachable" when the first connection never opened, and schedules nothing', () => {
    const h = harness();
    expect(h.reconnector.closed(1006, true, h.run)).toEqual({ kind: 'unreachable' });
    expect(h.pending()).toBe(0);
    expect(h.reconnector.retryAt).toBeNull();
  });

  it('retries a dropped connection after a growing wait, counting attempts, and runs when the wait is over', () => {
    const h = harness();
    expect(h.reconnector.closed(1001, false, h.run)).toEqual({ kind: 'retry', delayMs: 1000, attempt: 1 });
    expect(h.reconnector.retryAt).toBe(h.now() + 1000);
    expect(secondsUntil(h.reconnector.retryAt, h.now())).toBe(1);
    expect(secondsUntil(h.reconnector.retryAt, h.now() + 1)).toBe(1);
    expect(secondsUntil(h.reconnector.retryAt, h.now() + 2000)).toBe(0);
    expect(secondsUntil(null, h.now())).toBe(0);
    h.advance(999);
    expect(h.runs()).toBe(0);
    h.advance(1);
    expect(h.runs()).toBe(1);
    expect(h.reconnector.retryAt).toBeNull();
    // The retry failed to open: the next wait doubles.
    expect(h.reconnector.closed(1006, true, h.run)).toEqual({ kind: 'retry', delayMs: 2000, attempt: 2 });
  });

  it('gives up after maxAttempts failed retries, then starts counting afresh', () => {
    const h = harness(2);
    h.reconnector.closed(1006, false, h.run);
    h.reconnector.closed(1006, true, h.run);
    expect(h.reconnector.closed(1006, true, h.run)).toEqual({ kind: 'gave-up', attempts: 2 });
    expect(h.pending()).toBe(0);
    expect(h.reconnector.attempt).toBe(0);
  });

  it('does not retry what would fail again: a normal end, a policy close, a protocol error', () => {
    for (const code of [1000, 1002, 1008, 1009]) {
      const h = harness();
      expect(h.reconnector.closed(code, false, h.run)).toEqual({ kind: 'final' });
      expect(h.pending()).toBe(0);
    }
  });

  it('an open resets the count; cancel keeps it, reset forgets it; both drop the pending retry', () => {
    const h = harness();
    h.reconnector.closed(1001, false, h.run);
    h.reconnector.cancel();
    expect(h.pending()).toBe(0);
    expect(h.reconnector.attempt).toBe(1);
    h.reconnector.closed(1006, true, h.run);
    expect(h.reconnector.attempt).toBe(2);
    h.reconnector.reset();
    expect(h.reconnector.attempt).toBe(0);
    expect(h.pending()).toBe(0);
    h.reconnector.closed(1001, false, h.run);
    h.reconnector.opened();
    expect(h.reconnector.attempt).toBe(0);
  });

  it('tells subscribers about every change', () => {
    const h = harness();
    let changes = 0;
    const off = h.reconnector.subscribe(() => changes++);
    h.reconnector.closed(1001, false, h.run);
    h.advance(1000);
    expect(changes).toBe(2);
    off();
    h.reconnector.opened();
    expect(changes).toBe(2);
  });
});
