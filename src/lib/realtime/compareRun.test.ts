import { describe, expect, it } from 'vitest';
import { setup } from '../connection/testing.ts';
import { CompareRun, LATE_ENTRIES_MS, type CompareSnapshot } from './compareRun.ts';
import type { EventSourceLike, TransportDeps } from './transports.ts';

const profile = { userAgent: 'UA', languages: ['en'], brands: null, platform: null, mobile: false, secureContext: true, cookie: '' };

/** A run whose clock and timers the test moves by hand; fetch fails as an unreachable server's does. */
function harness(fetchOk: boolean) {
  const { model, sockets } = setup();
  let clock = 0;
  let tick: (() => void) | null = null;
  const later: Array<() => void> = [];
  const sources: EventSourceLike[] = [];
  const watched: string[] = [];
  let unwatched = 0;
  const deps = (): TransportDeps => ({
    fetch: async () => {
      if (!fetchOk) throw new TypeError('Failed to fetch');
      return new Response('[]');
    },
    createEventSource: () => {
      const source: EventSourceLike = { readyState: 0, onopen: null, onmessage: null, onerror: null, close() {} };
      sources.push(source);
      return source;
    },
    now: () => clock,
    profile,
    page: { href: 'http://h/alternatives/', origin: 'http://h' },
  });
  const run = new CompareRun({
    model,
    deps,
    watch: (httpBase) => {
      watched.push(httpBase);
      return () => unwatched++;
    },
    now: () => clock,
    every: (fn) => {
      tick = fn;
      return () => (tick = null);
    },
    later: (fn) => {
      later.push(fn);
      return () => {};
    },
  });
  const seen: CompareSnapshot[] = [];
  run.subscribe((s) => seen.push(s));
  return {
    run, sockets, sources, watched, later,
    unwatched: () => unwatched,
    advance(ms: number) {
      clock += ms;
      tick?.();
    },
    ticking: () => tick !== null,
    last: () => seen.at(-1)!,
  };
}

describe('CompareRun', () => {
  it('starts all four methods on the server, counts down, and ends on time', () => {
    const h = harness(true);
    expect(h.last()).toMatchObject({ running: false, summaries: [], problems: [] });
    h.run.start({ wsBase: 'ws://h:8080', hz: 2, pollMs: 500, seconds: 2 });
    expect(h.watched).toEqual(['http://h:8080']);
    expect(h.sockets[0]!.url).toBe('ws://h:8080/ticker?hz=2');
    expect(h.sources).toHaveLength(1);
    expect(h.last()).toMatchObject({ running: true, left: 2 });
    expect(h.last().summaries.map((s) => s.method)).toEqual(['poll', 'longPoll', 'sse', 'ws']);
    h.advance(1200);
    expect(h.last()).toMatchObject({ running: true, left: 1 });
    h.advance(800);
    expect(h.last()).toMatchObject({ running: false, ran: 2 });
    expect(h.ticking()).toBe(false);
    expect(h.last().summaries.every((s) => s.status === 'done')).toBe(true);
    // Resource Timing is listened to a little longer, for the event stream's entry.
    expect(h.unwatched()).toBe(0);
    h.later.shift()!();
    expect(h.unwatched()).toBe(1);
    expect(LATE_ENTRIES_MS).toBeGreaterThan(0);
  });

  it('names each method the server could not serve, with the address it tried, and stops when all failed', async () => {
    const h = harness(false);
    h.run.start({ wsBase: 'ws://127.0.0.1:9', hz: 2, pollMs: 500, seconds: 10 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    h.sources[0]!.onerror?.({});
    h.sockets[0]!.closed(1006, '', false);
    const problems = h.last().problems;
    expect(problems.map((p) => [p.method, p.url])).toEqual(
      expect.arrayContaining([
        ['poll', 'http://127.0.0.1:9'],
        ['longPoll', 'http://127.0.0.1:9'],
        ['sse', 'http://127.0.0.1:9'],
        ['ws', 'ws://127.0.0.1:9'],
      ]),
    );
    h.advance(250);
    expect(h.last().running).toBe(false);
    expect(h.last().summaries.every((s) => s.status === 'failed')).toBe(true);
  });

  it('a Stop keeps what was measured; a new start forgets the old problems', () => {
    const h = harness(true);
    h.run.start({ wsBase: 'ws://h', hz: 1, pollMs: 250, seconds: 30 });
    h.advance(500);
    h.run.finish();
    expect(h.last()).toMatchObject({ running: false, ran: 0.5 });
    h.run.start({ wsBase: 'ws://h', hz: 1, pollMs: 250, seconds: 30 });
    expect(h.last()).toMatchObject({ running: true, problems: [] });
    h.run.dispose();
  });
});
