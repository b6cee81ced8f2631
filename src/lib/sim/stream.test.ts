import { describe, expect, it } from 'vitest';
import { decodeFrames, fromHex, OPCODE } from '../protocol/index.ts';
import { parseRecordMessage, type FrameRecord } from '../inspect/records.ts';
import { newSessionId } from '../inspect/session.ts';
import { FIREHOSE_MAX_QUEUED_BYTES, FIREHOSE_MAX_STREAMS, Firehose, firehoseMessage, parseFirehoseQuery, type FirehoseConnection } from '../buffered/firehose.ts';
import { SLOW_PAUSE_MS, SLOW_READ_BYTES } from '../endpoints.ts';
import { createSimulatedServer, SimulatedWebSocket, WebSocketError, type SimulatedWebSocketStream } from './index.ts';

const sim = createSimulatedServer();
const url = (path: string) => `ws://simulated.invalid${path}`;
const openStream = (path: string, options?: { protocols?: string[]; signal?: AbortSignal }) => sim.openStream(url(path), options) as SimulatedWebSocketStream;
const openSim = (path: string) => sim.openSocket(url(path)) as SimulatedWebSocket;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await delay(5);
  }
};

type Status = { type: string; waiting?: boolean; sent?: number; bufferedAmount?: number; heldBack?: number; ended?: boolean };

/** A /firehose?watch= connection and the statuses it has reported. */
function watch(id: string): { socket: SimulatedWebSocket; statuses: Status[] } {
  const socket = openSim(`/firehose?watch=${id}`);
  const statuses: Status[] = [];
  socket.addEventListener('message', (e) => statuses.push(JSON.parse((e as MessageEvent).data)));
  return { socket, statuses };
}

describe('SimulatedWebSocketStream: the API', () => {
  it('opens with the protocol chosen, echoes text as strings and binary as Uint8Array, and closes with the code given', async () => {
    const wss = openStream('/echo', { protocols: ['json'] });
    const { readable, writable, protocol, extensions } = await wss.opened;
    expect({ protocol, extensions }).toEqual({ protocol: 'json', extensions: '' });
    const writer = writable.getWriter();
    const reader = readable.getReader();
    await writer.write('Xin chào');
    expect((await reader.read()).value).toBe('Xin chào');
    await writer.write(Uint8Array.of(1, 2, 3));
    const binary = (await reader.read()).value;
    expect(binary).toBeInstanceOf(Uint8Array);
    expect([...(binary as Uint8Array)]).toEqual([1, 2, 3]);
    wss.close({ closeCode: 3001, reason: 'tạm biệt' });
    expect(await wss.closed).toEqual({ closeCode: 3001, reason: 'tạm biệt' });
    expect(await reader.read()).toEqual({ value: undefined, done: true });
  });

  it('close() with nothing sends an empty close frame (1005); a bad code or reason throws as WebSocket does', async () => {
    const wss = openStream('/echo');
    await wss.opened;
    expect(() => wss.close({ closeCode: 1001 })).toThrow(expect.objectContaining({ name: 'InvalidAccessError' }));
    expect(() => wss.close({ reason: 'x'.repeat(124) })).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    wss.close({ reason: '' });
    expect(await wss.closed).toEqual({ closeCode: 1005, reason: '' });
  });

  it('a refused handshake rejects opened and closed with a WebSocketError without a close code', async () => {
    const wss = openStream('/no-such-endpoint');
    const error = await wss.opened.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebSocketError);
    expect(error).toMatchObject({ name: 'WebSocketError', closeCode: null });
    await expect(wss.closed).rejects.toBeInstanceOf(WebSocketError);
  });

  it('an aborted opening rejects with the signal’s reason; a server that drops TCP rejects closed with 1006', async () => {
    const controller = new AbortController();
    const aborted = openStream('/echo', { signal: controller.signal });
    controller.abort(new Error('too slow'));
    await expect(aborted.opened).rejects.toThrow('too slow');

    const dropped = openStream('/close?drop=1&after=50');
    await dropped.opened;
    await expect(dropped.closed).rejects.toMatchObject({ name: 'WebSocketError', closeCode: 1006 });
  });
});

describe('SimulatedWebSocketStream: backpressure', () => {
  it('writer.write() to /slow settles as the simulated link carries the bytes, at about 640 KiB/s', async () => {
    const wss = openStream('/slow');
    const { readable, writable } = await wss.opened;
    const acks: number[] = [];
    void (async () => {
      const reader = readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        acks.push(JSON.parse(value as string).bytes);
      }
    })();
    const writer = writable.getWriter();
    const message = new Uint8Array(SLOW_READ_BYTES);
    const started = Date.now();
    const settled: number[] = [];
    for (let i = 0; i < 6; i++) {
      await writer.write(message);
      settled.push(Date.now() - started);
    }
    // Six 64 KiB messages at 64 KiB per 100 ms: the last write settles no sooner than five periods in.
    expect(settled.at(-1)!).toBeGreaterThanOrEqual(5 * SLOW_PAUSE_MS - 20);
    expect(settled.at(-1)!).toBeLessThan(12 * SLOW_PAUSE_MS);
    await until(() => acks.at(-1) === 6 * SLOW_READ_BYTES);
    wss.close();
    await wss.closed;
  });

  it('a stream that is not read makes /firehose’s bufferedAmount grow, bounded; with WebSocket the page takes it all', async () => {
    const id = newSessionId();
    const watcher = watch(id);
    await until(() => watcher.statuses.some((s) => s.waiting));
    const wss = openStream(`/firehose?rate=1000&size=2048&seconds=10&id=${id}`);
    await wss.opened; // and never read
    await until(() => watcher.statuses.some((s) => (s.bufferedAmount ?? 0) > 1024 * 1024), 4000);
    expect(Math.max(...watcher.statuses.map((s) => s.bufferedAmount ?? 0))).toBeLessThanOrEqual(FIREHOSE_MAX_QUEUED_BYTES + 2048);
    wss.close({ closeCode: 1000, reason: 'done' });
    expect(await wss.closed).toEqual({ closeCode: 1000, reason: 'done' });
    await until(() => watcher.statuses.at(-1)?.ended === true);
    watcher.socket.close();

    // The same stream read through WebSocket: every message reaches the page, nothing waits in the server.
    const id2 = newSessionId();
    const watcher2 = watch(id2);
    const ws = openSim(`/firehose?rate=1000&size=2048&seconds=1&id=${id2}`);
    const got: string[] = [];
    ws.addEventListener('message', (e) => got.push((e as MessageEvent).data));
    const closed = await new Promise<CloseEvent>((resolve) => ws.addEventListener('close', (e) => resolve(e as CloseEvent)));
    expect({ code: closed.code, reason: closed.reason, wasClean: closed.wasClean }).toEqual({ code: 1000, reason: 'done', wasClean: true });
    const end = JSON.parse(got.at(-1)!);
    expect(end).toEqual({ type: 'end', sent: got.length - 1, heldBack: 0 });
    expect(got.length - 1).toBeGreaterThanOrEqual(800);
    expect(got.slice(0, -1).every((m) => m.length === 2048)).toBe(true);
    // (The real spec's bound is 256 KiB; a test worker starting up on a busy machine may stall the page's timers for a moment.)
    expect(Math.max(...watcher2.statuses.map((s) => s.bufferedAmount ?? 0))).toBeLessThan(1024 * 1024);
    watcher2.socket.close();
  }, 15_000);

  it('frames on the simulated wire decode with the codec: the firehose’s unmasked text, the stream’s masked write', async () => {
    const session = newSessionId();
    const inspector = openSim(`/inspect?session=${session}`);
    const frames: FrameRecord[] = [];
    inspector.addEventListener('message', (e) => {
      for (const r of parseRecordMessage((e as MessageEvent).data)) if ('record' in r && r.record.kind === 'frame') frames.push(r.record);
    });
    await new Promise((resolve) => inspector.addEventListener('open', resolve));
    const wss = openStream(`/firehose?rate=20&size=64&seconds=1&session=${session}`);
    const { readable, writable } = await wss.opened;
    const first = (await readable.getReader().read()).value as string;
    await writable.getWriter().write('hi');
    await until(() => frames.some((f) => f.dir === 'client' && f.opcode === OPCODE.TEXT));
    const server = frames.find((f) => f.dir === 'server')!;
    const serverBytes = fromHex(server.headerHex + server.payloadHex) as { bytes: Uint8Array };
    const [decoded] = decodeFrames(serverBytes.bytes, { expectMasked: false }).frames;
    expect(decoded).toMatchObject({ fin: true, opcode: OPCODE.TEXT, masked: false });
    expect(new TextDecoder().decode(decoded!.payload)).toBe(first);
    expect(first).toHaveLength(64);

    const client = frames.find((f) => f.dir === 'client' && f.opcode === OPCODE.TEXT)!;
    const key = (fromHex(client.maskKey!) as { bytes: Uint8Array }).bytes;
    const masked = (fromHex(client.payloadHex) as { bytes: Uint8Array }).bytes.map((b, i) => b ^ key[i % 4]!);
    const clientBytes = new Uint8Array([...(fromHex(client.headerHex) as { bytes: Uint8Array }).bytes, ...masked]);
    const [write] = decodeFrames(clientBytes, { expectMasked: true }).frames;
    expect(write).toMatchObject({ fin: true, opcode: OPCODE.TEXT, masked: true });
    expect(new TextDecoder().decode(write!.payload)).toBe('hi');
    wss.close();
    inspector.close();
  });
});

describe('/firehose rules, shared by the demo server and the simulator', () => {
  it('refuses what the demo server refuses, with its words', () => {
    const refusal = (query: string) => parseFirehoseQuery(new URLSearchParams(query));
    expect(refusal('rate=0')).toMatchObject({ status: 400, reason: expect.stringMatching(/rate= must be a whole number from 1 to 1000/) });
    expect(refusal('rate=1000&size=16384')).toMatchObject({ status: 400, reason: expect.stringMatching(/rate × size must be at most 2097152/) });
    expect(refusal('id=nope')).toMatchObject({ status: 400 });
    expect(refusal('watch=nope')).toMatchObject({ status: 400, reason: expect.stringMatching(/\?watch= must be a stream id/) });
    expect(refusal('rate=5')).toEqual({ kind: 'stream', rate: 5, size: 1024, seconds: 10, id: null });
    expect(firehoseMessage(7, 1, 100)).toHaveLength(100);
  });

  it('holds messages back past the queued limit, and caps streams and watchers', () => {
    let now = 0;
    const ticks = new Map<FirehoseConnection, () => void>();
    const hose = new Firehose<FirehoseConnection>({ now: () => now, every: (c, fn) => (ticks.set(c, fn), () => ticks.delete(c)), later: () => {} });
    const sent: string[] = [];
    const slow = { readyState: 1, bufferedAmount: 0, send: (t: string) => sent.push(t), close() {} };
    const open = hose.prepare(new URLSearchParams('rate=1000&size=1024&seconds=5'));
    if (typeof open !== 'function') throw new Error('refused');
    open(slow);
    now = 100;
    ticks.get(slow)!();
    expect(sent).toHaveLength(100);
    slow.bufferedAmount = FIREHOSE_MAX_QUEUED_BYTES; // the reader stopped reading
    now = 200;
    ticks.get(slow)!();
    expect(sent).toHaveLength(100);
    now = 5000;
    ticks.get(slow)!();
    expect(JSON.parse(sent.at(-1)!)).toEqual({ type: 'end', sent: 100, heldBack: 100 });

    const id = newSessionId();
    const watcher = () => hose.prepare(new URLSearchParams(`watch=${id}`));
    for (let i = 0; i < 2; i++) (watcher() as (c: FirehoseConnection) => void)({ ...slow, send() {} });
    expect(watcher()).toMatchObject({ status: 429 });
    for (let i = 1; i < FIREHOSE_MAX_STREAMS; i++) (hose.prepare(new URLSearchParams('rate=1')) as (c: FirehoseConnection) => void)({ ...slow });
    expect(hose.prepare(new URLSearchParams('rate=1'))).toMatchObject({ status: 503, headers: { 'Retry-After': '10' } });
    hose.stop();
  });
});
