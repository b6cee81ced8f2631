import { describe, expect, it } from 'vitest';
import { MethodMeter, maxOf, PROVENANCE, METHODS } from './compare.ts';
import { reconnectDelay, shouldReconnect } from './backoff.ts';

describe('MethodMeter', () => {
  it('adds bytes by kind and divides by updates', () => {
    const m = new MethodMeter('poll');
    m.request(500);
    m.response(180, 100, 2);
    m.request(500);
    m.response(180, 2, 0);
    expect(m.update({ seq: 10, t: 0 }, 40)).toBe(true);
    expect(m.update({ seq: 11, t: 0 }, 60)).toBe(true);
    expect(m.update({ seq: 11, t: 0 }, 60)).toBe(false); // a duplicate is not a new update
    m.update({ seq: 14, t: 100 }, 110);
    const s = m.summary();
    expect(s).toMatchObject({ requests: 2, emptyResponses: 1, updates: 3, missed: 2, totalBytes: 1462 });
    expect(s.bytesPerUpdate).toBeCloseTo(1462 / 3);
    expect(s.headBytesPerUpdate).toBeCloseTo(1360 / 3);
    expect(s.latency).toMatchObject({ min: 10, median: 40, max: 60 });
  });

  it('has no per-update figures before the first update, and keeps browser reports apart', () => {
    const m = new MethodMeter('sse');
    m.request(540);
    m.browserEntry({ transferSize: 390, encodedBodySize: 90, nextHopProtocol: 'http/1.1' });
    m.browserEntry({ transferSize: 300, encodedBodySize: 0, nextHopProtocol: 'http/1.1' });
    const s = m.summary();
    expect(s.bytesPerUpdate).toBeNull();
    expect(s.latency).toBeNull();
    expect(s.browser).toEqual({ entries: 2, transferSize: 690, encodedBodySize: 90, protocols: ['http/1.1'] });
  });

  it('maxOf ignores missing values', () => {
    const a = new MethodMeter('ws').summary();
    const b = new MethodMeter('poll');
    b.request(10);
    b.update({ seq: 1, t: 0 }, 0);
    expect(maxOf([a, b.summary()], (s) => s.bytesPerUpdate)).toBe(10);
  });

  it('states the provenance of every byte kind for every method', () => {
    for (const method of METHODS) expect(Object.keys(PROVENANCE[method]).sort()).toEqual(['framing', 'payload', 'requestHeads', 'responseHeads']);
    expect(PROVENANCE.poll.requestHeads).toBe('estimated');
  });
});

describe('backoff', () => {
  it('grows exponentially up to a cap, with jitter from random()', () => {
    expect([0, 1, 2, 3, 10].map((a) => reconnectDelay(a, { random: () => 1 }))).toEqual([500, 1000, 2000, 4000, 15000]);
    expect(reconnectDelay(3, { random: () => 0.5 })).toBe(3000);
    expect(reconnectDelay(3, { random: () => 0 })).toBe(2000);
    expect(reconnectDelay(10, { random: () => 0 })).toBe(7500);
  });

  it('retries dropped connections but not policy closes or normal ends', () => {
    expect([1000, 1001, 1006, 1008, 1009, 1011].map(shouldReconnect)).toEqual([false, true, true, false, false, true]);
  });
});
