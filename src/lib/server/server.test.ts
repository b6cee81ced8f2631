import { describe, expect, it } from 'vitest';
import { defaultChoice, isSimulatedUrl, parseServerChoice, SIMULATED_BASE, wsBaseOf, httpBaseOf } from './choice.ts';
import { SERVER_STORAGE_KEY, ServerSetting, type ServerSnapshot, type StorageLike } from './setting.ts';
import { createSocket, createEventSource, serverFetch, setSimulatedServer, streamFactoryFor, type SimulatedServer, type WebSocketLike } from './sockets.ts';
import type { WebSocketStreamLike } from '../buffered/stream.ts';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => void (data[key] = value),
    removeItem: (key) => void delete data[key],
  };
}

const page = { protocol: 'http:', host: 'localhost:4321' };

describe('parseServerChoice', () => {
  it('takes ws, wss, http and https bases and the keyword simulated', () => {
    expect(parseServerChoice(' http://h:8080/ ')).toEqual({ mode: 'real', url: 'ws://h:8080' });
    expect(parseServerChoice('wss://labs.example.com/demo')).toEqual({ mode: 'real', url: 'wss://labs.example.com/demo' });
    expect(parseServerChoice('Simulated')).toEqual({ mode: 'simulated' });
    expect(parseServerChoice(`${SIMULATED_BASE}/`)).toEqual({ mode: 'simulated' });
  });

  it('refuses what names no server', () => {
    for (const text of ['', 'ftp://example', 'localhost:8080', 'ws://']) expect(parseServerChoice(text)).toBeNull();
  });

  it('gives each choice a ws base and an http base on the same host', () => {
    expect(wsBaseOf({ mode: 'simulated' })).toBe(SIMULATED_BASE);
    expect(httpBaseOf({ mode: 'real', url: 'wss://a.example' })).toBe('https://a.example');
    expect(isSimulatedUrl(`${httpBaseOf({ mode: 'simulated' })}/alt/poll?hz=2`)).toBe(true);
    expect(isSimulatedUrl('ws://localhost:8080/echo')).toBe(false);
    expect(isSimulatedUrl('not a url')).toBe(false);
  });

  it('defaults to PUBLIC_DEMO_SERVER, else the page origin with its ws scheme', () => {
    expect(defaultChoice({ protocol: 'https:', host: 'school.example' }, undefined)).toEqual({ mode: 'real', url: 'wss://school.example' });
    expect(defaultChoice(page, 'simulated')).toEqual({ mode: 'simulated' });
    expect(defaultChoice(page, 'wss://labs.example.com')).toEqual({ mode: 'real', url: 'wss://labs.example.com' });
    expect(defaultChoice(page, 'nonsense')).toEqual({ mode: 'real', url: 'ws://localhost:4321' });
  });
});

describe('ServerSetting', () => {
  const fallback = defaultChoice(page, undefined);

  it('starts from the saved choice, else the fallback, and hands subscribers the current snapshot at once', () => {
    const seen: ServerSnapshot[] = [];
    const saved = new ServerSetting({ fallback, storage: memoryStorage({ [SERVER_STORAGE_KEY]: 'simulated' }) });
    saved.subscribe((s) => seen.push(s))();
    expect(seen).toEqual([{ text: 'simulated', choice: { mode: 'simulated' }, base: SIMULATED_BASE }]);
    const fresh = new ServerSetting({ fallback, storage: memoryStorage({ [SERVER_STORAGE_KEY]: 'garbage' }) });
    expect(fresh.snapshot.base).toBe('ws://localhost:4321');
  });

  it('tells every subscriber about an edit and remembers a valid one, but not the fallback', () => {
    const storage = memoryStorage();
    const setting = new ServerSetting({ fallback, storage });
    const a: Array<string | null> = [];
    const b: Array<string | null> = [];
    const offA = setting.subscribe((s) => a.push(s.base));
    setting.subscribe((s) => b.push(s.base));
    setting.edit('ws://other:9000');
    expect(storage.data[SERVER_STORAGE_KEY]).toBe('ws://other:9000');
    offA();
    setting.edit('ftp://nope');
    expect(setting.snapshot).toEqual({ text: 'ftp://nope', choice: null, base: null });
    expect(storage.data[SERVER_STORAGE_KEY]).toBe('ws://other:9000'); // an invalid edit loses nothing remembered
    setting.edit('http://localhost:4321');
    expect(storage.data[SERVER_STORAGE_KEY]).toBeUndefined();
    expect(a).toEqual(['ws://localhost:4321', 'ws://other:9000']);
    expect(b).toEqual(['ws://localhost:4321', 'ws://other:9000', null, 'ws://localhost:4321']);
  });

  it('joins endpoints to the chosen server and offers the default as an example', () => {
    const setting = new ServerSetting({ fallback });
    setting.choose({ mode: 'simulated' });
    expect(setting.endpoint('/chat?nick=An')).toBe('ws://simulated.invalid/chat?nick=An');
    setting.edit('');
    expect(setting.endpoint('/echo')).toBeNull();
    expect(setting.example('/echo')).toBe('ws://localhost:4321/echo');
  });

  it('keeps working when storage throws', () => {
    const throwing: StorageLike = {
      getItem: () => { throw new Error('blocked'); },
      setItem: () => { throw new Error('blocked'); },
      removeItem: () => { throw new Error('blocked'); },
    };
    const setting = new ServerSetting({ fallback, storage: throwing });
    setting.edit('ws://x:1');
    expect(setting.snapshot.base).toBe('ws://x:1');
  });

  it('waits with no server before there is a page (fallback null)', () => {
    const setting = new ServerSetting({ fallback: null });
    expect(setting.snapshot).toEqual({ text: '', choice: null, base: null });
  });
});

describe('the socket factory', () => {
  it('refuses a simulated URL with a clear error while no simulator is registered', () => {
    setSimulatedServer(null);
    expect(() => createSocket(`${SIMULATED_BASE}/echo`)).toThrow(/setSimulatedServer/);
    expect(() => createEventSource('http://simulated.invalid/alt/sse')).toThrow(/simulated server/);
    return expect(serverFetch('http://simulated.invalid/alt/poll')).rejects.toThrow(/none is registered/);
  });

  it('hands simulated URLs, with their protocols, to the registered simulator', async () => {
    const calls: unknown[] = [];
    const socket = { url: 'x' } as unknown as WebSocketLike;
    const stream = { url: 'y' } as unknown as WebSocketStreamLike;
    const sim: SimulatedServer = {
      openSocket: (url, protocols) => (calls.push(['ws', url, protocols]), socket),
      fetch: async (url) => (calls.push(['fetch', url]), new Response('[]')),
      openEventSource: (url) => (calls.push(['sse', url]), { readyState: 0, onopen: null, onmessage: null, onerror: null, close() {} }),
      openStream: (url, options) => (calls.push(['stream', url, options]), stream),
    };
    setSimulatedServer(sim);
    try {
      expect(createSocket('ws://simulated.invalid/echo', ['json'])).toBe(socket);
      await serverFetch('http://simulated.invalid/alt/poll?hz=2');
      createEventSource('http://simulated.invalid/alt/sse');
      expect(streamFactoryFor('ws://simulated.invalid/firehose')!('ws://simulated.invalid/firehose?rate=5', { protocols: ['x'] })).toBe(stream);
      // A real server's URL gets the browser's own WebSocketStream, here none (Node has no WebSocketStream).
      expect(streamFactoryFor('ws://127.0.0.1:1/firehose')).toBeNull();
      expect(calls).toEqual([
        ['ws', 'ws://simulated.invalid/echo', ['json']],
        ['fetch', 'http://simulated.invalid/alt/poll?hz=2'],
        ['sse', 'http://simulated.invalid/alt/sse'],
        ['stream', 'ws://simulated.invalid/firehose?rate=5', { protocols: ['x'] }],
      ]);
    } finally {
      setSimulatedServer(null);
    }
  });

  it('throws what the browser constructor throws for a real URL it refuses', () => {
    let thrown: unknown;
    try {
      createSocket('ftp://example/echo');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('SyntaxError');
  });
});
