import { describe, expect, it } from 'vitest';
import { MESSAGE_BYTES, MIB } from './burst.ts';
import { SlowReader, type ReadSnapshot } from './slowReader.ts';
import { browserStreamFactory, describeStreamError, type StreamOpened, type WebSocketStreamLike } from './stream.ts';
import { StreamBurstRun } from './streamRun.ts';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** A WebSocketStream whose network accepts a write only when the test says so. */
function fakeStream() {
  const accept: Array<() => void> = [];
  let ackController!: ReadableStreamDefaultController<string>;
  let inFlight = 0;
  let maxInFlight = 0;
  const readable = new ReadableStream<string>({ start: (c) => void (ackController = c) });
  const writable = new WritableStream<Uint8Array>(
    {
      write: () =>
        new Promise<void>((resolve) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          accept.push(() => {
            inFlight--;
            resolve();
          });
        }),
    },
    { highWaterMark: 1 },
  );
  let closedResolve!: (v: { closeCode: number; reason: string }) => void;
  const closeCalls: unknown[] = [];
  const stream: WebSocketStreamLike = {
    url: 'ws://h/slow',
    opened: Promise.resolve({ readable, writable, protocol: '', extensions: '' } as unknown as StreamOpened),
    closed: new Promise((r) => (closedResolve = r)),
    close: (info) => {
      closeCalls.push(info);
      closedResolve({ closeCode: info?.closeCode ?? 1000, reason: info?.reason ?? '' });
    },
  };
  return { stream, accept, ack: (bytes: number) => ackController.enqueue(JSON.stringify({ type: 'ack', bytes })), closeCalls, maxInFlight: () => maxInFlight };
}

describe('StreamBurstRun', () => {
  it('never has more than one message written but not accepted, then waits for the server to read it all', async () => {
    const fake = fakeStream();
    const run = new StreamBurstRun({ url: 'ws://h/slow', totalBytes: 1 * MIB, createStream: () => fake.stream, every: () => () => {} });
    const snaps: string[] = [];
    run.subscribe((s) => snaps.push(s.phase));
    expect(run.start()).toBe(true);
    await tick();
    for (let i = 0; i < 16; i++) {
      expect(run.snapshot().bufferedAmount).toBe(MESSAGE_BYTES);
      fake.accept.shift()!();
      await tick();
    }
    expect(fake.maxInFlight()).toBe(1);
    expect(run.snapshot()).toMatchObject({ phase: 'reading', messagesSent: 16, bufferedAmount: 0, peak: { value: MESSAGE_BYTES } });
    fake.ack(1 * MIB);
    await tick();
    expect(run.snapshot().phase).toBe('done');
    expect(fake.closeCalls).toEqual([{ closeCode: 1000, reason: 'done' }]);
    expect(snaps).toContain('sending');
  });

  it('reports an opening that fails as unreachable, with the close code the browser gave', async () => {
    const error = Object.assign(new Error('connection failed'), { name: 'WebSocketError', closeCode: 1006, reason: '' });
    const failing: WebSocketStreamLike = { url: 'ws://nowhere/slow', opened: Promise.reject(error), closed: Promise.reject(error), close: () => {} };
    const run = new StreamBurstRun({ url: 'ws://nowhere/slow', totalBytes: MIB, createStream: () => failing, every: () => () => {} });
    run.start();
    await tick();
    expect(run.snapshot()).toMatchObject({ phase: 'failed', unreachable: true, closed: { code: 1006, wasClean: false } });
  });
});

describe('feature detection', () => {
  it('finds WebSocketStream only where it exists', () => {
    expect(browserStreamFactory({})).toBeNull();
    class Fake {
      url = '';
    }
    expect(browserStreamFactory({ WebSocketStream: Fake })).toBeTypeOf('function');
  });

  it('reads a WebSocketError, and anything else, for a person', () => {
    expect(describeStreamError(Object.assign(new Error('x'), { name: 'WebSocketError', closeCode: 4000, reason: 'bye' }))).toEqual({ name: 'WebSocketError', message: 'x', closeCode: 4000, reason: 'bye' });
    expect(describeStreamError('boom')).toMatchObject({ name: 'Error', message: 'boom', closeCode: null });
  });
});

describe('SlowReader', () => {
  type Listener = (e: any) => void;
  function fakeSockets() {
    const made: Array<{ url: string; on: Map<string, Listener[]>; closed: unknown[] }> = [];
    const factory = (url: string) => {
      const socket = { url, on: new Map<string, Listener[]>(), closed: [] as unknown[] };
      made.push(socket);
      return {
        readyState: 1, bufferedAmount: 0, protocol: '', extensions: '', url, binaryType: 'blob' as const,
        send() {},
        close: (...args: unknown[]) => socket.closed.push(args),
        addEventListener: (type: string, l: Listener) => socket.on.set(type, [...(socket.on.get(type) ?? []), l]),
      };
    };
    const fire = (i: number, type: string, e: unknown = {}) => made[i]!.on.get(type)?.forEach((l) => l(e));
    return { made, factory, fire };
  }
  function manualSleep() {
    const wake: Array<() => void> = [];
    return { sleep: () => new Promise<void>((r) => wake.push(r)), next: async () => (wake.shift()?.(), await tick()) };
  }
  const message = (seq: number) => ({ data: `{"seq":${seq},"t":0,"pad":"xxxx"}` });

  it('WebSocket: messages pile up in the page while it handles them one by one; the server keeps nothing', async () => {
    const s = fakeSockets();
    const sl = manualSleep();
    const reader = new SlowReader({ url: 'ws://h/firehose', mode: 'websocket', delayMs: 50, rate: 100, size: 64, seconds: 2, createSocket: s.factory, sleep: sl.sleep, every: () => () => {}, heap: () => null, newId: () => 'a'.repeat(32) });
    reader.start();
    expect(s.made.map((m) => m.url)).toEqual([
      'ws://h/firehose?watch=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'ws://h/firehose?rate=100&size=64&seconds=2&id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]);
    s.fire(1, 'open');
    for (let i = 0; i < 10; i++) s.fire(1, 'message', message(i));
    s.fire(0, 'message', { data: JSON.stringify({ type: 'status', sent: 10, bufferedAmount: 0, heldBack: 0 }) });
    let snap: ReadSnapshot = reader.snapshot();
    expect(snap).toMatchObject({ phase: 'running', received: 10, handled: 0, pendingMessages: 10, serverSent: 10, serverBuffered: 0 });
    await sl.next();
    await sl.next();
    expect(reader.snapshot()).toMatchObject({ handled: 2, pendingMessages: 8 });
    s.fire(1, 'close', { code: 1000, reason: 'done', wasClean: true });
    expect(reader.snapshot().phase).toBe('draining');
    for (let i = 0; i < 8; i++) await sl.next();
    snap = reader.snapshot();
    expect(snap).toMatchObject({ phase: 'done', handled: 10, pendingMessages: 0 });
  });

  it('WebSocketStream: the page holds at most the message it is handling; the rest waits upstream', async () => {
    const s = fakeSockets();
    const sl = manualSleep();
    let controller!: ReadableStreamDefaultController<string>;
    const readable = new ReadableStream<string>({ start: (c) => void (controller = c) }, { highWaterMark: 0 });
    const stream: WebSocketStreamLike = { url: '', opened: Promise.resolve({ readable, writable: new WritableStream(), protocol: '', extensions: '' } as unknown as StreamOpened), closed: new Promise(() => {}), close: () => {} };
    const reader = new SlowReader({ url: 'ws://h/firehose', mode: 'stream', delayMs: 50, rate: 100, size: 64, seconds: 2, createSocket: s.factory, createStream: () => stream, sleep: sl.sleep, every: () => () => {}, heap: () => null });
    reader.start();
    await tick();
    for (let i = 0; i < 10; i++) controller.enqueue(message(i).data);
    await tick();
    expect(reader.snapshot()).toMatchObject({ phase: 'running', received: 1, pendingMessages: 1 });
    await sl.next();
    expect(reader.snapshot()).toMatchObject({ received: 2, handled: 1, pendingMessages: 1 });
    controller.close();
    for (let i = 0; i < 9; i++) await sl.next();
    expect(reader.snapshot()).toMatchObject({ phase: 'done', received: 10, handled: 10 });
  });

  it('says when the firehose cannot be reached', () => {
    const s = fakeSockets();
    const reader = new SlowReader({ url: 'ws://h/firehose', mode: 'websocket', delayMs: 50, rate: 100, size: 64, seconds: 2, createSocket: s.factory, every: () => () => {}, heap: () => null });
    reader.start();
    s.fire(1, 'close', { code: 1006, reason: '', wasClean: false });
    expect(reader.snapshot()).toMatchObject({ phase: 'failed', unreachable: true, error: { code: 1006 } });
  });
});
