import { describe, expect, it } from 'vitest';
import { setup } from '../connection/testing.ts';
import { ReconnectingStream, type StreamStatus } from './reconnecting.ts';

/** A stream on fake sockets whose retry timer the test fires by hand. */
function stream() {
  const { model, sockets } = setup();
  const timers: Array<() => void> = [];
  const attempts: boolean[] = [];
  const s = new ReconnectingStream(model, {
    maxAttempts: 2,
    random: () => 0.5,
    now: () => 1000,
    setTimer: (run) => timers.push(run),
    clearTimer: () => {},
    beforeAttempt: (retry) => attempts.push(retry),
  });
  const seen: StreamStatus[] = [];
  s.subscribe((status) => seen.push(status));
  return { s, model, sockets, timers, attempts, last: () => seen.at(-1)! };
}

describe('ReconnectingStream', () => {
  it('says the server is unreachable when the very first attempt never opens, and does not retry', () => {
    const { s, sockets, timers, last } = stream();
    s.open('ws://h/ticker?hz=2');
    sockets[0]!.closed(1006, '', false);
    expect(last().problem).toEqual({ kind: 'unreachable', url: 'ws://h/ticker?hz=2' });
    expect(timers).toHaveLength(0);
  });

  it('retries a dropped stream, reading the URL again, and marks the new connection as reconnected', () => {
    const { s, sockets, timers, attempts, last } = stream();
    let hz = 2;
    s.open(() => `ws://h/ticker?hz=${hz}`);
    sockets[0]!.open();
    sockets[0]!.closed(1006, '', false);
    expect(last()).toMatchObject({ problem: { kind: 'lost', code: 1006 }, attempt: 1, retryAt: expect.any(Number), reconnected: false });
    hz = 5;
    timers.shift()!();
    expect(sockets[1]!.url).toBe('ws://h/ticker?hz=5');
    sockets[1]!.open();
    expect(last()).toMatchObject({ problem: null, attempt: 0, retryAt: null, reconnected: true });
    expect(attempts).toEqual([false, true]);
  });

  it('gives up after maxAttempts retries that never open', () => {
    const { s, sockets, timers, last } = stream();
    s.open('ws://h/chat?nick=An');
    sockets[0]!.open();
    sockets[0]!.closed(1001, 'restart', true);
    timers.shift()!();
    sockets[1]!.closed(1006, '', false);
    timers.shift()!();
    sockets[2]!.closed(1006, '', false);
    expect(last().problem).toEqual({ kind: 'gaveUp', attempts: 2, url: 'ws://h/chat?nick=An' });
    expect(timers).toHaveLength(0);
  });

  it('reports a close that retrying would only repeat, with its code and reason', () => {
    const { s, sockets, timers, last } = stream();
    s.open('ws://h/chat?nick=An');
    sockets[0]!.open();
    sockets[0]!.closed(1008, 'too many messages', true);
    expect(last().problem).toEqual({ kind: 'closed', code: 1008, reason: 'too many messages' });
    expect(timers).toHaveLength(0);
  });

  it('treats a close the reader asked for as no problem, and stopTrying ends the pending retries', () => {
    const { s, sockets, timers, last } = stream();
    s.open('ws://h/ticker');
    sockets[0]!.open();
    s.close(1000, 'bye');
    sockets[0]!.closed(1000, 'bye', true);
    expect(last()).toMatchObject({ problem: null, retryAt: null });
    s.open('ws://h/ticker');
    sockets[1]!.open();
    sockets[1]!.closed(1006, '', false);
    expect(last().retryAt).not.toBeNull();
    s.stopTrying();
    expect(last()).toMatchObject({ problem: { kind: 'stopped' }, retryAt: null, attempt: 0 });
  });

  it('"Reconnect now" opens at once and cancels the scheduled retry', () => {
    const { s, sockets, attempts, last } = stream();
    s.open('ws://h/ticker');
    sockets[0]!.open();
    sockets[0]!.closed(1006, '', false);
    s.reconnectNow();
    expect(sockets).toHaveLength(2);
    expect(last()).toMatchObject({ problem: null, retryAt: null, attempt: 1, reconnected: true });
    expect(attempts).toEqual([false, true]);
  });
});
