import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionModel } from './model.ts';
import { FakeSocket, setup } from './testing.ts';

describe('ConnectionModel', () => {
  it('walks CONNECTING → OPEN → CLOSING → CLOSED with times', () => {
    const { model, sockets, tick } = setup();
    model.connect('ws://localhost/echo');
    expect(model.snapshot().readyState).toBe(0);
    tick(12);
    sockets[0]!.open();
    tick(5);
    model.close(1000, 'bye');
    expect(model.snapshot().readyState).toBe(2);
    tick(3);
    sockets[0]!.closed(1000, 'bye', true);
    const snap = model.snapshot();
    expect(snap.transitions.map((t) => [t.from, t.to, t.t])).toEqual([
      [null, 0, 0],
      [0, 1, 12],
      [1, 2, 17],
      [2, 3, 20],
    ]);
    const close = snap.log.at(-1);
    expect(close).toMatchObject({ kind: 'close', code: 1000, reason: 'bye', wasClean: true, t: 20 });
    expect(snap.failedToOpen).toBe(false);
  });

  it('says where each transition was first seen: the constructor, a call, or an event', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/echo');
    sockets[0]!.open();
    model.close();
    sockets[0]!.closed(1005, '', true);
    expect(model.snapshot().transitions.map((t) => [t.to, t.seenIn])).toEqual([
      [0, 'constructor'],
      [1, 'open'],
      [2, 'close()'],
      [3, 'close'],
    ]);
  });

  it('records the MessageEvent origin with each message', () => {
    const { model, sockets } = setup();
    model.connect('ws://h:8080/echo');
    sockets[0]!.open();
    sockets[0]!.fire('message', { data: 'hi', origin: 'ws://h:8080' });
    expect(model.snapshot().log.at(-1)).toMatchObject({ kind: 'message', origin: 'ws://h:8080' });
  });

  it('logs messages as text or bytes', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/echo');
    sockets[0]!.open();
    sockets[0]!.fire('message', { data: 'xin chào' });
    sockets[0]!.fire('message', { data: new Uint8Array([1, 2, 3]).buffer });
    const messages = model.snapshot().log.filter((e) => e.kind === 'message');
    expect(messages.map((m) => m.kind === 'message' && m.data)).toEqual([
      { type: 'text', text: 'xin chào' },
      { type: 'arraybuffer', bytes: new Uint8Array([1, 2, 3]) },
    ]);
  });

  it('records the exception send() throws while CONNECTING instead of throwing', () => {
    const { model } = setup();
    model.connect('ws://h/echo');
    const error = model.send('too early');
    expect(error?.name).toBe('InvalidStateError');
    expect(model.snapshot().log.at(-1)).toMatchObject({ kind: 'exception', call: 'send', name: 'InvalidStateError' });
  });

  it('records the exception close() throws for a code the browser refuses', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/echo');
    sockets[0]!.open();
    expect(model.close(1001)?.name).toBe('InvalidAccessError');
    expect(model.snapshot().readyState).toBe(1);
  });

  it('marks a connection that closed before opening as failed (server unreachable)', () => {
    const { model, sockets } = setup();
    model.connect('ws://127.0.0.1:1/echo');
    sockets[0]!.fire('error');
    sockets[0]!.closed(1006, '', false);
    const snap = model.snapshot();
    expect(snap.failedToOpen).toBe(true);
    expect(snap.transitions.map((t) => t.to)).toEqual([0, 3]);
    expect(snap.log.map((e) => e.kind)).toEqual(['connect', 'error', 'close']);
  });

  it('logs a constructor SyntaxError for a bad URL and keeps no socket', () => {
    const { model } = setup();
    expect(model.connect('http//oops')).toBe(false);
    expect(model.snapshot().log.at(-1)).toMatchObject({ kind: 'exception', call: 'constructor', name: 'SyntaxError' });
    expect(model.snapshot().readyState).toBe(null);
  });

  it('ignores late events from a socket it has replaced', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/a');
    model.connect('ws://h/b');
    sockets[0]!.closed(1000, 'replaced', true);
    const snap = model.snapshot();
    expect(snap.readyState).toBe(0);
    expect(snap.log.filter((e) => e.kind === 'close')).toEqual([]);
  });

  it('notifies subscribers and applies binaryType to the socket', () => {
    const { model, sockets } = setup();
    const seen: (number | null)[] = [];
    model.subscribe((s) => seen.push(s.readyState));
    model.setBinaryType('arraybuffer');
    model.connect('ws://h/echo');
    expect(sockets[0]!.binaryType).toBe('arraybuffer');
    sockets[0]!.open();
    expect(seen.at(-1)).toBe(1);
  });

  it('keeps the log bounded', () => {
    let clock = 0;
    const s = new FakeSocket('ws://h');
    const model = new ConnectionModel({ createSocket: () => s, now: () => clock++, pollMs: 0, maxLog: 10 });
    model.connect('ws://h');
    s.open();
    for (let i = 0; i < 50; i++) s.fire('message', { data: String(i) });
    const log = model.snapshot().log;
    expect(log).toHaveLength(10);
    expect(log.at(-1)).toMatchObject({ kind: 'message', data: { type: 'text', text: '49' } });
  });

  it('hands message data to onMessage listeners, and can leave messages out of the log', () => {
    const s = new FakeSocket('ws://h');
    const model = new ConnectionModel({ createSocket: () => s, pollMs: 0, logMessages: false });
    const seen: unknown[] = [];
    const states: (number | null)[] = [];
    model.subscribe((snap) => states.push(snap.readyState));
    const stop = model.onMessage((data) => seen.push(data));
    model.connect('ws://h');
    s.open();
    s.fire('message', { data: '{"seq":1}' });
    stop();
    s.fire('message', { data: '{"seq":2}' });
    expect(seen).toEqual(['{"seq":1}']);
    expect(model.snapshot().log.map((e) => e.kind)).toEqual(['connect', 'open']);
    expect(states.length).toBeGreaterThan(3);
  });

  it('tells onLifecycle listeners when a socket opens and closes, and whether it ever opened', () => {
    const sockets: FakeSocket[] = [];
    const model = new ConnectionModel({ createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1)!), pollMs: 0 });
    const seen: unknown[] = [];
    const stop = model.onLifecycle((event) => seen.push(event));
    model.connect('ws://h/a');
    sockets[0]!.open();
    sockets[0]!.fire('message', { data: 'x' });
    sockets[0]!.closed(1001, 'restarting', true);
    model.connect('ws://h/b');
    sockets[1]!.fire('error');
    sockets[1]!.closed(1006, '', false);
    stop();
    model.connect('ws://h/c');
    sockets[2]!.open();
    expect(seen).toEqual([
      { kind: 'open' },
      { kind: 'close', code: 1001, reason: 'restarting', wasClean: true, failedToOpen: false },
      { kind: 'close', code: 1006, reason: '', wasClean: false, failedToOpen: true },
    ]);
  });

  it('ignores messages from a replaced socket in onMessage too', () => {
    const sockets: FakeSocket[] = [];
    const model = new ConnectionModel({ createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1)!), pollMs: 0 });
    const seen: unknown[] = [];
    model.onMessage((data) => seen.push(data));
    model.connect('ws://h/a');
    sockets[0]!.open();
    model.connect('ws://h/b');
    sockets[0]!.fire('message', { data: 'late' });
    expect(seen).toEqual([]);
  });

  it('names the typed array a page sent, and logs only the bytes of its view', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/echo');
    sockets[0]!.open();
    const buffer = new Uint8Array([9, 1, 2, 3, 9]).buffer;
    model.send(new Uint8Array(buffer, 1, 3));
    model.send(new DataView(buffer, 0, 1));
    model.send(buffer);
    const sends = model.snapshot().log.filter((e) => e.kind === 'send').map((e) => e.kind === 'send' && e.data);
    expect(sends).toEqual([
      { type: 'arraybuffer', bytes: new Uint8Array([1, 2, 3]), view: 'Uint8Array' },
      { type: 'arraybuffer', bytes: new Uint8Array([9]), view: 'DataView' },
      { type: 'arraybuffer', bytes: new Uint8Array([9, 1, 2, 3, 9]) },
    ]);
    expect(sends[2]).not.toHaveProperty('view');
  });

  it('records send() after close() without an exception, with the readyState it met and the grown bufferedAmount', () => {
    const { model, sockets } = setup();
    model.connect('ws://h/echo');
    sockets[0]!.open();
    model.close(1000);
    expect(model.send('xin chào')).toBe(null); // 8 characters, 9 bytes of UTF-8
    sockets[0]!.closed(1000, '', true);
    expect(model.send(new Uint8Array(4))).toBe(null);
    const sends = model.snapshot().log.filter((e) => e.kind === 'send');
    expect(sends.map((e) => e.kind === 'send' && [e.readyState, e.bufferedAmount])).toEqual([
      [2, 9],
      [3, 13],
    ]);
    expect(model.snapshot().bufferedAmount).toBe(13);
    expect(model.snapshot().log.some((e) => e.kind === 'exception')).toBe(false);
  });

  it('can leave successful sends out of the log (bursts) but still logs exceptions', () => {
    const s = new FakeSocket('ws://h');
    const model = new ConnectionModel({ createSocket: () => s, pollMs: 0, logSends: false });
    model.connect('ws://h');
    expect(model.send('early')?.name).toBe('InvalidStateError');
    s.open();
    for (let i = 0; i < 100; i++) model.send(new Uint8Array(1024));
    expect(s.sent).toHaveLength(100);
    expect(model.snapshot().log.map((e) => e.kind)).toEqual(['connect', 'exception', 'open']);
  });

  describe('polling', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('catches a server-initiated CLOSING, which fires no event, only by polling', () => {
      vi.useFakeTimers();
      let clock = 0;
      const s = new FakeSocket('ws://h/close');
      const model = new ConnectionModel({ createSocket: () => s, now: () => clock, pollMs: 50 });
      model.connect('ws://h/close');
      s.open();
      clock = 1000;
      s.readyState = 2; // the server's Close frame arrived: the browser moves to CLOSING silently
      vi.advanceTimersByTime(50);
      clock = 1001;
      s.closed(1000, '', true);
      expect(model.snapshot().transitions.map((t) => [t.from, t.to, t.t, t.seenIn])).toEqual([
        [null, 0, 0, 'constructor'],
        [0, 1, 0, 'open'],
        [1, 2, 1000, 'poll'],
        [2, 3, 1001, 'close'],
      ]);
      model.dispose();
    });
  });
});
