import { describe, expect, it } from 'vitest';
import { ConnectionModel, type SocketLike } from '../connection/model.ts';
import { FakeSocket } from '../connection/testing.ts';
import { MethodMeter } from './compare.ts';
import { httpBaseFrom, runEventSource, runPolling, runWebSocket, type EventSourceLike, type TransportDeps } from './transports.ts';
import { wsHandshakeResponseBytes, type BrowserProfile } from './wire.ts';

const profile: BrowserProfile = { userAgent: 'UA', languages: ['en'], brands: null, platform: null, mobile: false, secureContext: true, cookie: '' };
const page = { href: 'http://h/alternatives/', origin: 'http://h' };
const q = (seq: number, t: number) => ({ type: 'quote', seq, t, symbol: 'ACME', price: 1, change: 0 });

function deps(overrides: Partial<TransportDeps> = {}): TransportDeps {
  return {
    fetch: async () => new Response('[]'),
    createEventSource: () => {
      throw new Error('unused');
    },
    now: () => 1000,
    profile,
    page,
    ...overrides,
  };
}

function options(signal: AbortSignal) {
  return { httpBase: 'http://h', wsBase: 'ws://h', hz: 2, pollMs: 10, signal };
}

describe('runPolling', () => {
  it('syncs first (uncounted), then counts requests, bytes and latency per update', async () => {
    const controller = new AbortController();
    const urls: string[] = [];
    const bodies = [JSON.stringify([q(1, 0), q(2, 0)]), JSON.stringify([q(3, 990)]), '[]', JSON.stringify([q(4, 995)])];
    const meter = new MethodMeter('poll');
    await runPolling(
      'poll',
      meter,
      deps({
        fetch: async (url) => {
          urls.push(url);
          const body = bodies.shift();
          if (bodies.length === 0) controller.abort();
          return new Response(body, { headers: { 'Content-Type': 'application/json', 'Content-Length': String(body!.length) } });
        },
      }),
      options(controller.signal),
      (p, d) => meter.fail(`${p} ${d}`),
    );
    expect(urls).toEqual([
      'http://h/alt/poll?hz=2&since=0',
      'http://h/alt/poll?hz=2&since=2',
      'http://h/alt/poll?hz=2&since=3',
      'http://h/alt/poll?hz=2&since=3',
    ]);
    const s = meter.summary();
    expect(s).toMatchObject({ requests: 3, updates: 2, emptyResponses: 1, error: null });
    expect(s.latency).toMatchObject({ min: 5, max: 10 });
    expect(s.bytes.payload).toBe(JSON.stringify([q(3, 990)]).length + 2 + JSON.stringify([q(4, 995)]).length);
    expect(s.bytes.requestHeads).toBeGreaterThan(3 * 100);
    expect(s.bytes.responseHeads).toBeGreaterThan(3 * 50);
  });

  it('reports an unreachable server and an HTTP error plainly', async () => {
    const problems: string[] = [];
    await runPolling('longPoll', new MethodMeter('longPoll'), deps({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) }), options(new AbortController().signal), (p) => problems.push(p));
    await runPolling('longPoll', new MethodMeter('longPoll'), deps({ fetch: async () => new Response('Not found\n', { status: 404 }) }), options(new AbortController().signal), (p, d) => problems.push(`${p}: ${d}`));
    expect(problems).toEqual(['unreachable', 'http: 404 Not found']);
  });
});

describe('runEventSource', () => {
  it('counts one request per (re)connection and every event with its framing', () => {
    let source!: EventSourceLike & { readyState: number };
    const controller = new AbortController();
    const meter = new MethodMeter('sse');
    runEventSource(
      meter,
      deps({
        createEventSource: () => {
          source = { readyState: 0, onopen: null, onmessage: null, onerror: null, close() { this.readyState = 2; } };
          return source;
        },
      }),
      options(controller.signal),
      () => meter.fail('x'),
    );
    source.readyState = 1;
    source.onopen!({});
    const data = JSON.stringify(q(9, 980));
    source.onmessage!({ data, lastEventId: '9' });
    const s = meter.summary();
    expect(s).toMatchObject({ requests: 1, updates: 1, status: 'running' });
    expect(s.bytes.payload).toBe(data.length);
    // "id: 9\ndata: " + "\n\n", chunk framing for it and for the retry preamble, and the preamble itself
    expect(s.bytes.framing).toBe(14 + (data.length + 14).toString(16).length + 4 + 13 + 1 + 4);
    controller.abort();
    expect(source.readyState).toBe(2);
  });

  it('fails clearly when the stream never opens', () => {
    const problems: string[] = [];
    let source!: EventSourceLike & { readyState: number };
    runEventSource(new MethodMeter('sse'), deps({
      createEventSource: () => (source = { readyState: 0, onopen: null, onmessage: null, onerror: null, close() { this.readyState = 2; } }),
    }), options(new AbortController().signal), (p) => problems.push(p));
    source.onerror!({});
    expect(problems).toEqual(['stream']);
    expect(source.readyState).toBe(2);
  });
});

describe('runWebSocket', () => {
  it('counts the handshake once and a 2-byte frame header per quote', () => {
    const sockets: FakeSocket[] = [];
    const model = new ConnectionModel({ createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1)!), pollMs: 0, logMessages: false });
    const meter = new MethodMeter('ws');
    const controller = new AbortController();
    runWebSocket(meter, model, deps(), options(controller.signal), () => meter.fail('x'));
    expect(sockets[0]!.url).toBe('ws://h/ticker?hz=2');
    expect(meter.summary().requests).toBe(0); // counted once the handshake succeeds
    sockets[0]!.readyState = 1;
    sockets[0]!.fire('open');
    const data = JSON.stringify(q(1, 997));
    sockets[0]!.fire('message', { data });
    const s = meter.summary();
    expect(s).toMatchObject({ requests: 1, updates: 1, status: 'running' });
    expect(s.bytes).toMatchObject({ payload: data.length, framing: 2, responseHeads: wsHandshakeResponseBytes() });
    expect(s.latency?.median).toBe(3);
    controller.abort();
    expect(sockets[0]!.readyState).toBe(2);
  });

  it('reports a connection that never opened as unreachable', () => {
    const sockets: FakeSocket[] = [];
    const model = new ConnectionModel({ createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1)!), pollMs: 0 });
    const problems: string[] = [];
    runWebSocket(new MethodMeter('ws'), model, deps(), options(new AbortController().signal), (p) => problems.push(p));
    // The error event comes first, with readyState already CLOSED; only the close event decides.
    sockets[0]!.readyState = 3;
    sockets[0]!.fire('error');
    expect(problems).toEqual([]);
    sockets[0]!.fire('close', { code: 1006, reason: '', wasClean: false });
    expect(problems).toEqual(['unreachable']);
  });
});

describe('httpBaseFrom', () => {
  it('maps ws to http and wss to https', () => {
    expect(httpBaseFrom('ws://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(httpBaseFrom('wss://labs.example.com/demo')).toBe('https://labs.example.com/demo');
  });
});

describe('runWebSocket after opening', () => {
  it('reports a close the page did not ask for with its code and reason', () => {
    const handlers = new Map<string, ((e: any) => void)[]>();
    const socket: SocketLike = {
      readyState: 0, bufferedAmount: 0, protocol: '', extensions: '', url: 'ws://h/ticker?hz=2', binaryType: 'blob',
      send() {}, close() {},
      addEventListener(type, l) { handlers.set(type, [...(handlers.get(type) ?? []), l]); },
    };
    const fire = (type: string, e: object = {}) => { for (const h of handlers.get(type) ?? []) h(e); };
    const model = new ConnectionModel({ createSocket: () => socket, pollMs: 0 });
    const problems: string[] = [];
    runWebSocket(new MethodMeter('ws'), model, deps(), options(new AbortController().signal), (p, d) => problems.push(`${p}: ${d}`));
    (socket as { readyState: number }).readyState = 1;
    fire('open');
    (socket as { readyState: number }).readyState = 3;
    fire('close', { code: 1008, reason: 'Rate limit', wasClean: true });
    expect(problems).toEqual(['ws: close 1008 Rate limit']);
  });
});
