import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { computeAccept, decodeFrames, fromHex } from '../protocol/index.ts';
import { parseRecordMessage, type FrameRecord, type HandshakeRecord, type InspectRecord } from '../inspect/records.ts';
import { newSessionId } from '../inspect/session.ts';
import { startServer, type TestServer } from '../../../demo-server/test/helpers.ts';
import { FAULTS } from '../close/serverRules.ts';
import { createSimulatedServer, SimulatedWebSocket } from './index.ts';
import { until, watch } from './testing.ts';

const sim = createSimulatedServer();
const url = (path: string) => `ws://simulated.invalid${path}`;
const openSim = (path: string, protocols?: string | string[]) => sim.openSocket(url(path), protocols) as SimulatedWebSocket;

const opened = (ws: SimulatedWebSocket) => new Promise<void>((resolve) => ws.addEventListener('open', () => resolve()));
const closedEvent = (ws: SimulatedWebSocket) => new Promise<CloseEvent>((resolve) => ws.addEventListener('close', (e) => resolve(e as CloseEvent)));

describe('SimulatedWebSocket: the API', () => {
  it('throws SyntaxError for what the constructor refuses', () => {
    for (const bad of ['ftp://simulated.invalid/echo', 'ws://simulated.invalid/echo#x', 'not a url']) {
      expect(() => sim.openSocket(bad)).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    }
    expect(() => openSim('/echo', ['echo', 'echo'])).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(() => openSim('/echo', ['a b'])).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(sim.openSocket('http://simulated.invalid/echo').url).toBe('ws://simulated.invalid/echo');
  });

  it('send() while CONNECTING is an InvalidStateError; close() checks code and reason', async () => {
    const ws = openSim('/echo');
    expect(ws.readyState).toBe(0);
    expect(() => ws.send('x')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    await opened(ws);
    expect(() => ws.close(1001)).toThrow(expect.objectContaining({ name: 'InvalidAccessError' }));
    expect(() => ws.close(1000, 'é'.repeat(62))).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(ws.readyState).toBe(1);
    ws.close();
    expect(ws.readyState).toBe(2);
    const event = await closedEvent(ws);
    expect([event.code, event.wasClean, ws.readyState]).toEqual([1005, true, 3]);
  });

  it('echoes text and binary with their types, in order, then closes cleanly with the code given', async () => {
    const ws = openSim('/echo', ['chat', 'json']);
    ws.binaryType = 'arraybuffer';
    const seen = watch(ws);
    await opened(ws);
    expect(ws.protocol).toBe('json');
    expect(ws.extensions).toBe('');
    ws.send('héllo');
    ws.send(Uint8Array.of(1, 2, 3));
    ws.send(new Blob([Uint8Array.of(9)]));
    await until(() => seen.length === 4);
    ws.close(4001, 'bye');
    await until(() => seen.length === 5);
    expect(seen).toEqual(['open 1', 'message héllo', 'message ab:1,2,3', 'message ab:9', 'close 4001 "bye" true 3']);
    // After the close, data is counted but not sent.
    ws.send('late');
    expect(ws.bufferedAmount).toBe(4);
  });

  it('onX handlers run with listeners, in the order they were set', async () => {
    const ws = openSim('/echo');
    const order: string[] = [];
    ws.addEventListener('open', () => order.push('listener 1'));
    ws.onopen = () => order.push('handler');
    ws.addEventListener('open', () => order.push('listener 2'));
    await opened(ws);
    expect(order).toEqual(['listener 1', 'handler', 'listener 2']);
    ws.close();
  });

  it('close() while CONNECTING fails the connection: error, then close 1006', async () => {
    const ws = openSim('/echo');
    const seen = watch(ws);
    ws.close();
    expect(ws.readyState).toBe(2);
    await until(() => seen.length === 2);
    expect(seen).toEqual(['error 3', 'close 1006 "" false 3']);
  });

  it('a refused handshake (404, 400) is error then 1006', async () => {
    for (const path of ['/nope', '/echo?fragment=99', '/close?code=1005', '/chat']) {
      const ws = openSim(path);
      const seen = watch(ws);
      await until(() => seen.length === 2);
      expect(seen).toEqual(['error 3', 'close 1006 "" false 3']);
    }
  });

  it('offers a subprotocol as the demo server answers it: one it speaks is chosen, only others is refused (error, 1006)', async () => {
    const chosen = openSim('/echo', ['chat.v2', 'json']);
    await opened(chosen);
    expect(chosen.protocol).toBe('json');
    chosen.close();
    const refused = openSim('/echo', ['chat.v2']);
    const seen = watch(refused);
    await until(() => seen.length === 2);
    expect(seen).toEqual(['error 3', 'close 1006 "" false 3']);
  });
});

describe('simulated endpoints', () => {
  it('/close closes with the code and reason asked for; drop=1 is 1006 without error', async () => {
    const a = openSim('/close?code=4000&reason=h%E1%BA%BFt+gi%E1%BB%9D');
    const seen = watch(a);
    await until(() => seen.length === 2);
    expect(seen).toEqual(['open 1', 'close 4000 "hết giờ" true 3']);
    const b = openSim('/close?drop=1&after=50');
    const dropped = watch(b);
    await until(() => dropped.length === 2);
    expect(dropped).toEqual(['open 1', 'close 1006 "" false 3']);
  });

  it.each(FAULTS.map((f) => f.name))('/misbehave?fault=%s: the announcement, then error and 1006', async (fault) => {
    const ws = openSim(`/misbehave?fault=${fault}`);
    const seen = watch(ws);
    await until(() => seen.length === 4);
    expect(seen[0]).toBe('open 1');
    expect(JSON.parse(seen[1]!.slice('message '.length))).toMatchObject({ type: 'fault', fault });
    expect(seen.slice(2)).toEqual(['error 3', 'close 1006 "" false 3']);
  });

  it('/heartbeat pings each interval; an answered ping keeps it open, an unanswered one closes with 4000', async () => {
    const ws = openSim('/heartbeat?interval=250');
    const seen = watch(ws);
    ws.addEventListener('message', (e) => {
      const ping = JSON.parse((e as MessageEvent).data as string) as { n: number };
      if (ping.n === 1) ws.send(JSON.stringify({ type: 'pong', n: 1 }));
      if (ping.n === 2) ws.send('not json');
    });
    await until(() => seen.some((s) => s.startsWith('close')), 3000);
    expect(seen).toEqual([
      'open 1',
      'message {"type":"ping","n":1}',
      'message {"type":"ping","n":2}',
      'message {"type":"error","message":"expected JSON: {\\"type\\":\\"pong\\",\\"n\\":N}"}',
      'close 4000 "no pong for ping 2 within 250 ms" true 3',
    ]);
  });

  it('/echo-deflate negotiates permessage-deflate and echoes through it', async () => {
    const ws = openSim('/echo-deflate?fragment=3');
    const seen = watch(ws);
    await opened(ws);
    expect(ws.extensions).toBe('permessage-deflate');
    ws.send('a'.repeat(1000));
    await until(() => seen.length === 2);
    expect(seen[1]).toBe(`message ${'a'.repeat(1000)}`);
    ws.close();
  });

  it('/slow: bufferedAmount rises, then drains at about 640 KiB/s, with the demo server acks', async () => {
    const ws = openSim('/slow');
    const acks: Array<{ bytes: number; messages: number }> = [];
    ws.addEventListener('message', (e) => acks.push(JSON.parse((e as MessageEvent).data)));
    await opened(ws);
    const started = Date.now();
    for (let i = 0; i < 4; i++) ws.send(new Uint8Array(64 * 1024));
    expect(ws.bufferedAmount).toBe(4 * 64 * 1024);
    await until(() => ws.bufferedAmount === 0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await until(() => acks.at(-1)?.bytes === 4 * 64 * 1024);
    expect(acks.at(-1)).toEqual({ type: 'ack', bytes: 262144, messages: 4 });
    ws.close();
  });

  it('/ticker pushes quotes; /chat answers and broadcasts with the server rules', async () => {
    const t = openSim('/ticker?hz=20');
    const quote = await new Promise<any>((resolve) => t.addEventListener('message', (e) => resolve(JSON.parse((e as MessageEvent).data))));
    expect(quote).toMatchObject({ type: 'quote', seq: expect.any(Number), symbol: expect.any(String) });
    t.close();
    const c = openSim('/chat?nick=An');
    const got: any[] = [];
    c.addEventListener('message', (e) => got.push(JSON.parse((e as MessageEvent).data)));
    await until(() => got.length === 1);
    expect(got[0]).toEqual({ type: 'join', nick: 'An', count: 1 });
    c.send('nope');
    c.send(JSON.stringify({ type: 'message', text: 'xin chào' }));
    await until(() => got.length === 3);
    expect(got[1]).toMatchObject({ type: 'error', message: expect.stringContaining('Not JSON') });
    expect(got[2]).toMatchObject({ type: 'message', nick: 'An', text: 'xin chào' });
    c.close();
  });

  it('/chat takes a message sent the moment the socket opens (before the room has counted the tabs), after the join', async () => {
    const c = openSim('/chat?nick=Lan');
    const got: any[] = [];
    c.addEventListener('message', (e) => got.push(JSON.parse((e as MessageEvent).data)));
    await opened(c);
    c.send(JSON.stringify({ type: 'message', text: 'sớm' }));
    await until(() => got.length === 2);
    expect(got.map((m) => m.type)).toEqual(['join', 'message']);
    expect(got[1]).toMatchObject({ nick: 'Lan', text: 'sớm' });
    c.close();
  });
});

/** Opens an inspector then the connection on `open`, sends `send`, and returns the session's records. */
/** An open simulated inspector for session `id`, and the records it has received so far. */
async function simInspector(id: string): Promise<{ inspector: SimulatedWebSocket; records: InspectRecord[] }> {
  const inspector = openSim(`/inspect?session=${id}`);
  const records: InspectRecord[] = [];
  inspector.addEventListener('message', (e) => {
    for (const r of parseRecordMessage((e as MessageEvent).data)) if ('record' in r) records.push(r.record);
  });
  await opened(inspector);
  return { inspector, records };
}

async function inspectSim(path: string, send: Array<string | Uint8Array>, frames: number): Promise<InspectRecord[]> {
  const id = newSessionId();
  const { inspector, records } = await simInspector(id);
  const ws = openSim(`${path}${path.includes('?') ? '&' : '?'}session=${id}`);
  await opened(ws);
  for (const m of send) ws.send(m);
  await until(() => records.filter((r) => r.kind === 'frame').length >= frames);
  ws.close();
  inspector.close();
  return records;
}

describe('simulated inspector records', () => {
  it('records the handshake with a real key and its Accept, and masked client frames that decode with the codec', async () => {
    const records = await inspectSim('/echo', ['Hello'], 2);
    const handshake = records[0] as HandshakeRecord;
    expect(handshake.kind).toBe('handshake');
    const key = handshake.request.headers.find(([n]) => n === 'Sec-WebSocket-Key')![1];
    expect(handshake.response.headers).toContainEqual(['Sec-WebSocket-Accept', await computeAccept(key)]);
    const [client, server] = records.filter((r): r is FrameRecord => r.kind === 'frame');
    expect(client).toMatchObject({ dir: 'client', masked: true, opcode: 1, text: 'Hello', payloadHex: '48656c6c6f' });
    expect(client!.maskKey).toMatch(/^[0-9a-f]{8}$/);
    expect(server).toMatchObject({ dir: 'server', masked: false, headerHex: '8105', text: 'Hello' });
    const decoded = decodeFrames((fromHex(client!.headerHex) as { bytes: Uint8Array }).bytes, { expectMasked: true });
    expect(decoded.incomplete?.needed).toBe(5);
  });

  it('shows a refused handshake and every fault as a refused frame', async () => {
    const id = newSessionId();
    const { inspector, records } = await simInspector(id);
    openSim(`/misbehave?fault=masked&session=${id}`);
    await until(() => records.some((r) => r.kind === 'frame' && r.error !== undefined));
    expect(records.find((r) => r.kind === 'frame' && r.error)).toMatchObject({ dir: 'server', masked: true, error: { closeCode: 1002 } });
    inspector.close();
  });

  it('records a refused subprotocol with the demo server\'s status and reason', async () => {
    const id = newSessionId();
    const { inspector, records } = await simInspector(id);
    sim.openSocket(url(`/echo?session=${id}`), ['chat.v2']);
    await until(() => records.some((r) => r.kind === 'handshake'));
    const handshake = records.find((r): r is HandshakeRecord => r.kind === 'handshake')!;
    expect(handshake.response.status).toBe(400);
    // Byte for byte what the demo server sends (demo-server's tap test records the same refusal).
    expect(handshake.response.statusText).toBe('Bad Request');
    expect(handshake.response.headers).toContainEqual(['Cache-Control', 'no-store']);
    expect(handshake.response.body).toBe('Unsupported subprotocol: /echo speaks only echo, json\n');
    inspector.close();
  });
});

describe('the simulator and the real demo server write the same bytes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  async function inspectReal(path: string, send: Array<string | Uint8Array>, frames: number): Promise<InspectRecord[]> {
    const id = newSessionId();
    const inspector = new WebSocket(server.url(`/inspect?session=${id}`));
    const records: InspectRecord[] = [];
    inspector.on('message', (data) => {
      for (const r of parseRecordMessage(data.toString())) if ('record' in r) records.push(r.record);
    });
    await new Promise((resolve) => inspector.once('open', resolve));
    const ws = new WebSocket(server.url(`${path}${path.includes('?') ? '&' : '?'}session=${id}`));
    await new Promise((resolve) => ws.once('open', resolve));
    for (const m of send) ws.send(m);
    await until(() => records.filter(notHeartbeat).length >= frames);
    ws.close();
    inspector.close();
    return records;
  }

  // The real server pings every connection for its own heartbeat (HEARTBEAT_MS); that is not the endpoint's doing.
  const notHeartbeat = (r: InspectRecord): r is FrameRecord => r.kind === 'frame' && r.opcode !== 0x9 && r.opcode !== 0xa;

  const comparable = (r: FrameRecord) => ({
    dir: r.dir, fin: r.fin, rsv: r.rsv, opcode: r.opcode, masked: r.masked, length: r.length, payloadHex: r.payloadHex, text: r.text,
    // The masking key is fresh for every frame; everything else in the header must match.
    header: r.masked ? r.headerHex.slice(0, -8) : r.headerHex,
  });

  it.each([
    ['/echo', ['Hello', Uint8Array.of(0, 255, 7), 'x'.repeat(300)], 6],
    ['/echo?fragment=3', ['fragmented'], 4],
    // One message a second for one second: none is due before the end, so both servers send the same end and close.
    ['/firehose?rate=1&size=64&seconds=1', [], 2],
  ] as const)('%s', async (path, send, frames) => {
    const real = (await inspectReal(path, [...send], frames)).filter(notHeartbeat).slice(0, frames);
    const simulated = (await inspectSim(path, [...send], frames)).filter((r): r is FrameRecord => r.kind === 'frame').slice(0, frames);
    const order = (rs: FrameRecord[]) => [...rs.filter((r) => r.dir === 'client'), ...rs.filter((r) => r.dir === 'server')].map(comparable);
    expect(order(simulated)).toEqual(order(real));
    expect(real.filter((r) => r.dir === 'server').map((r) => r.headerHex)).toEqual(simulated.filter((r) => r.dir === 'server').map((r) => r.headerHex));
  });

  it('/alt/poll, /alt/long-poll and /alt/sse: the same heads, bodies and events as the real server', async () => {
    const http = server.url('').replace(/^ws/, 'http');
    const heads = (res: Response) => [...res.headers.keys()].sort();
    const real = await fetch(`${http}/alt/poll?hz=5&since=0`);
    const simulated = await sim.fetch('http://simulated.invalid/alt/poll?hz=5&since=0');
    expect([simulated.status, heads(simulated)]).toEqual([real.status, heads(real)]);
    const [realQuotes, simQuotes] = [JSON.parse(await real.text()) as Array<{ seq: number }>, JSON.parse(await simulated.text()) as Array<{ seq: number }>];
    // The feeds follow the quote clock: the simulator's newest quote is the real server's, or the next one.
    expect(simQuotes.at(-1)!.seq - realQuotes.at(-1)!.seq).toBeGreaterThanOrEqual(0);
    expect(simQuotes.at(-1)!.seq - realQuotes.at(-1)!.seq).toBeLessThanOrEqual(1);

    // A long poll is held until the next quote; an abort rejects it.
    const since = simQuotes.at(-1)!.seq;
    const held = await sim.fetch(`http://simulated.invalid/alt/long-poll?hz=5&since=${since}`);
    expect((JSON.parse(await held.text()) as Array<{ seq: number }>)[0]!.seq).toBe(since + 1);
    const abort = new AbortController();
    const latest = (JSON.parse(await (await sim.fetch('http://simulated.invalid/alt/poll?hz=1')).text()) as Array<{ seq: number }>).at(-1)!.seq;
    const pending = sim.fetch(`http://simulated.invalid/alt/long-poll?hz=1&since=${latest}`, { signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect((await sim.fetch('http://simulated.invalid/alt/poll?hz=99')).status).toBe(400);

    const source = sim.openEventSource('http://simulated.invalid/alt/sse?hz=20');
    const events: Array<{ data: string; lastEventId: string }> = [];
    source.onmessage = (event) => events.push(event);
    await until(() => events.length >= 2);
    source.close();
    expect(events[1]!.lastEventId).toBe(String(Number(events[0]!.lastEventId) + 1));
    expect(JSON.parse(events[1]!.data)).toMatchObject({ type: 'quote', seq: Number(events[1]!.lastEventId) });
  });
});
