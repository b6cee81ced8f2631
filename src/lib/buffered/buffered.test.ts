import { describe, expect, it } from 'vitest';
import { burstPlan, chunkFor, MIB, PacedSender, sendAll, type Sink } from './burst.ts';
import { BufferSeries, formatBytes, formatSeconds, linePath, niceCeil, timeTicks, xOf, yOf, type Plot } from './series.ts';

/** A socket whose network takes `drain` bytes from the queue each time tick() runs. */
class FakeSink implements Sink {
  bufferedAmount = 0;
  messages: number[] = [];
  drain: number;
  constructor(drain: number) {
    this.drain = drain;
  }
  send(data: Uint8Array) {
    this.messages.push(data.byteLength);
    this.bufferedAmount += data.byteLength;
  }
  tick() {
    this.bufferedAmount = Math.max(0, this.bufferedAmount - this.drain);
  }
}

/** Timers run by hand: each run() fires what is due, in order. */
function manualTimers() {
  const queue: Array<() => void> = [];
  return {
    schedule: (fn: () => void) => {
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    run() {
      const due = queue.splice(0);
      for (const fn of due) fn();
      return due.length;
    },
  };
}

describe('burstPlan', () => {
  it('splits a burst into 64 KiB messages, the last one possibly shorter', () => {
    expect(burstPlan(8 * MIB)).toEqual({ messages: 128, messageBytes: 65536, lastBytes: 65536 });
    expect(burstPlan(100_000)).toEqual({ messages: 2, messageBytes: 65536, lastBytes: 34464 });
    expect(burstPlan(0).messages).toBe(0);
    const plan = burstPlan(100_000);
    const full = new Uint8Array(plan.messageBytes);
    expect(chunkFor(plan, 0, full).byteLength).toBe(65536);
    expect(chunkFor(plan, 1, full).byteLength).toBe(34464);
  });
});

describe('the naive loop', () => {
  it('queues the whole burst at once: bufferedAmount peaks at its full size', () => {
    const sink = new FakeSink(0);
    expect(sendAll(sink, burstPlan(4 * MIB))).toEqual({ peak: 4 * MIB });
    expect(sink.messages).toHaveLength(64);
  });
});

describe('PacedSender (backpressure)', () => {
  it('sends while bufferedAmount is below the threshold, waits otherwise, and never queues much more than it', () => {
    const sink = new FakeSink(256 * 1024);
    const timers = manualTimers();
    const tops: number[] = [];
    let done = false;
    const paced = new PacedSender({
      sink,
      plan: burstPlan(4 * MIB),
      threshold: 1 * MIB,
      schedule: timers.schedule,
      onSent: (amount) => tops.push(amount),
      onDone: () => (done = true),
    });
    paced.start();
    expect(paced.sent).toBe(16); // 16 × 64 KiB = exactly 1 MiB, then it stops to wait
    let peak = sink.bufferedAmount;
    for (let i = 0; i < 1000 && !done; i++) {
      sink.tick();
      timers.run();
      peak = Math.max(peak, sink.bufferedAmount);
    }
    expect(done).toBe(true);
    expect(sink.messages).toHaveLength(64);
    expect(peak).toBeLessThanOrEqual(1 * MIB + 64 * 1024);
    expect(Math.max(...tops)).toBe(1 * MIB);
    expect(timers.run()).toBe(0); // nothing left scheduled
  });

  it('counts the checks that found the queue full, and stops cleanly', () => {
    const sink = new FakeSink(0); // a network that takes nothing
    const timers = manualTimers();
    const paced = new PacedSender({ sink, plan: burstPlan(4 * MIB), threshold: 128 * 1024, schedule: timers.schedule });
    paced.start();
    expect(paced.sent).toBe(2);
    timers.run();
    timers.run();
    expect(paced.waits).toBe(2);
    paced.stop();
    expect(timers.run()).toBe(0);
    expect(paced.done).toBe(false);
  });
});

describe('BufferSeries', () => {
  it('tracks the peak and stays bounded without losing it', () => {
    const series = new BufferSeries(10);
    for (let t = 0; t < 100; t++) series.add(t, t === 37 ? 9999 : t);
    expect(series.samples.length).toBeLessThanOrEqual(10);
    expect(series.peak).toEqual({ t: 37, value: 9999 });
    expect(series.samples.some((s) => s.value === 9999)).toBe(true);
    expect(series.last?.t).toBeGreaterThan(90);
  });
});

describe('chart helpers', () => {
  const plot: Plot = { width: 300, height: 100, left: 50, right: 10, top: 10, bottom: 20, tMax: 1000, yMax: 100 };

  it('maps time and bytes into the plot area, clamping at the edges', () => {
    expect(xOf(plot, 0)).toBe(50);
    expect(xOf(plot, 1000)).toBe(290);
    expect(xOf(plot, 5000)).toBe(290);
    expect(yOf(plot, 0)).toBe(80);
    expect(yOf(plot, 100)).toBe(10);
    expect(linePath([{ t: 0, value: 0 }, { t: 500, value: 50 }], plot)).toBe('M50.0 80.0L170.0 45.0');
    expect(linePath([], plot)).toBe('');
  });

  it('rounds a byte axis up to a power of two and picks readable time ticks', () => {
    expect(niceCeil(8 * MIB)).toBe(8 * MIB);
    expect(niceCeil(5 * MIB)).toBe(8 * MIB);
    expect(niceCeil(1000)).toBe(64 * 1024);
    expect(timeTicks(9000)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(timeTicks(700)).toEqual([0, 100, 200, 300, 400, 500, 600, 700]);
  });

  it('formats bytes and seconds for each language', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(8 * MIB)).toBe('8 MiB');
    expect(formatBytes(1.25 * MIB, 'vi')).toBe('1,3 MiB');
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSeconds(12_345, 'vi')).toBe('12,3 s');
  });
});
