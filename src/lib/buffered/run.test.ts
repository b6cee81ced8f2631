import { describe, expect, it } from 'vitest';
import { ConnectionModel } from '../connection/model.ts';
import { FakeSocket } from '../connection/testing.ts';
import { MIB } from './burst.ts';
import { BurstRun, type RunSnapshot, type Strategy } from './run.ts';

/** /slow as the browser sees it: open, a queue that drains when the test says so, acks from the server. */
class SlowSocket extends FakeSocket {
  serverRead = 0;
  override send(data: Uint8Array) {
    this.bufferedAmount += data.byteLength;
  }
  override close(code = 1005, reason = '') {
    if (this.readyState < 2) this.closed(code, reason, true);
  }
  /** The network takes `bytes` from the queue and the server reads and acks them. */
  flow(bytes: number) {
    const n = Math.min(bytes, this.bufferedAmount);
    this.bufferedAmount -= n;
    this.serverRead += n;
    this.fire('message', { data: JSON.stringify({ type: 'ack', bytes: this.serverRead, messages: 0 }) });
  }
}

function setup(strategy: Strategy, totalBytes = 4 * MIB) {
  let clock = 0;
  const sockets: SlowSocket[] = [];
  const timers: Array<() => void> = [];
  const intervals: Array<() => void> = [];
  const model = new ConnectionModel({
    createSocket: (url) => (sockets.push(new SlowSocket(url)), sockets.at(-1)!),
    pollMs: 0,
    logSends: false,
    logMessages: false,
  });
  const run = new BurstRun({
    url: 'ws://h/slow',
    strategy,
    totalBytes,
    threshold: 1 * MIB,
    model,
    now: () => clock,
    schedule: (fn) => (timers.push(fn), () => timers.splice(timers.indexOf(fn), 1)),
    every: (fn) => (intervals.push(fn), () => intervals.splice(intervals.indexOf(fn), 1)),
  });
  const snaps: RunSnapshot[] = [];
  run.subscribe((s) => snaps.push(s));
  /** 50 ms pass: the network moves `bytes`, paced checks run, the sampler samples. */
  const step = (bytes: number) => {
    clock += 50;
    sockets[0]!.flow(bytes);
    for (const fn of timers.splice(0)) fn();
    for (const fn of intervals.slice()) fn();
  };
  return { run, sockets, step, snaps, last: () => snaps.at(-1)! };
}

describe('BurstRun', () => {
  it('naive: queues everything on open, peaks at the whole burst, drains, and ends when the server read it all', () => {
    const { run, sockets, step, last } = setup('naive');
    run.start();
    expect(last().phase).toBe('connecting');
    sockets[0]!.open();
    expect(last().phase).toBe('draining');
    expect(last().messagesSent).toBe(64);
    expect(last().peak.value).toBe(4 * MIB);
    expect(last().tQueued).toBe(0);
    for (let i = 0; i < 100 && last().phase !== 'done'; i++) step(256 * 1024);
    const end = last();
    expect(end.phase).toBe('done');
    expect(end.tDrained).toBe(16 * 50);
    expect(end.tRead).toBe(16 * 50);
    expect(end.serverBytes).toBe(4 * MIB);
    expect(sockets[0]!.readyState).toBe(3);
    expect(end.samples.length).toBeGreaterThan(10);
    expect(end.events.map((e) => [e.kind, e.t])).toEqual([
      ['open', 0],
      ['queued', 0],
      ['drained', 800],
      ['read', 800],
    ]);
    expect(end.events[1]!.bufferedAmount).toBe(4 * MIB);
    run.dispose();
  });

  it('paced: keeps bufferedAmount near the threshold and delivers the same bytes', () => {
    const { run, sockets, step, last } = setup('paced');
    run.start();
    sockets[0]!.open();
    expect(last().phase).toBe('sending');
    expect(last().messagesSent).toBe(16);
    for (let i = 0; i < 200 && last().phase !== 'done'; i++) step(128 * 1024);
    const end = last();
    expect(end.phase).toBe('done');
    expect(end.serverBytes).toBe(4 * MIB);
    expect(end.peak.value).toBeLessThanOrEqual(1 * MIB);
    expect(end.waits).toBe(0); // this network drains between every check
    expect(end.tQueued).not.toBe(null);
    run.dispose();
  });

  it('reports a connection that closed early, with its code', () => {
    const { run, sockets, last } = setup('naive');
    run.start();
    sockets[0]!.open();
    sockets[0]!.readyState = 3;
    sockets[0]!.fire('close', { code: 1009, reason: 'Message too big', wasClean: true });
    expect(last().phase).toBe('failed');
    expect(last().closed).toEqual({ code: 1009, reason: 'Message too big', wasClean: true });
    expect(last().unreachable).toBe(false);
  });

  it('says when the server could not be reached', () => {
    const { run, sockets, last } = setup('paced');
    run.start();
    sockets[0]!.readyState = 3;
    sockets[0]!.fire('error');
    sockets[0]!.fire('close', { code: 1006, reason: '', wasClean: false });
    expect(last().phase).toBe('failed');
    expect(last().unreachable).toBe(true);
    expect(last().events).toEqual([{ t: 0, kind: 'failed', bufferedAmount: 0 }]);
  });

  it('stop() closes the connection and stops sending', () => {
    const { run, sockets, step, last } = setup('paced');
    run.start();
    sockets[0]!.open();
    run.stop();
    expect(last().phase).toBe('stopped');
    const sent = last().messagesSent;
    step(4 * MIB);
    expect(last().messagesSent).toBe(sent);
    expect(sockets[0]!.readyState).toBe(3);
  });
});
