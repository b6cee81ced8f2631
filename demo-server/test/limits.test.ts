// Autobahn case 9 and our own limits: payload size (1009), connection caps (429 / 503), the message
// rate (1008), the heartbeat. Each attack is answered exactly, and a control client still echoes.
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import {
  closed,
  delay,
  eventually,
  expectControlEcho,
  nextMessage,
  open,
  refusal,
  startServer,
  type TestServer,
} from './helpers.ts';
import { frame, RawClient } from './raw.ts';

let server: TestServer;
afterEach(() => server?.close());

describe('9 · payload limit (MAX_PAYLOAD)', () => {
  test('one byte over MAX_PAYLOAD → 1009', async () => {
    server = await startServer({ MAX_PAYLOAD: '1024' });
    const client = await RawClient.connect(server.port);
    client.send(frame({ opcode: 2, payload: Buffer.alloc(1025) }));
    expect((await client.serverClose()).code).toBe(1009);
    await expectControlEcho(server);
  });

  test('a declared 64-bit length of 4 GiB → 1009 before any payload is sent', async () => {
    server = await startServer();
    const client = await RawClient.connect(server.port);
    client.send(frame({ opcode: 2, declaredLength: 2 ** 32 }).subarray(0, 14)); // header + mask only
    expect((await client.serverClose()).code).toBe(1009);
    await expectControlEcho(server);
  });

  test('a length with the most significant bit set (§5.2 forbids it) is refused', async () => {
    server = await startServer();
    const client = await RawClient.connect(server.port);
    client.send('82 ff 80 00 00 00 00 00 00 05 37 fa 21 3d');
    expect((await client.serverClose()).code).toBe(1009);
    await expectControlEcho(server);
  });

  test('fragments that add up to more than MAX_PAYLOAD → 1009', async () => {
    server = await startServer({ MAX_PAYLOAD: '4096' });
    const client = await RawClient.connect(server.port);
    client.send(frame({ opcode: 2, fin: false, payload: Buffer.alloc(3000) }));
    client.send(frame({ opcode: 0, payload: Buffer.alloc(3000) }));
    expect((await client.serverClose()).code).toBe(1009);
    await expectControlEcho(server);
  });

  test('a deflate bomb on /echo-deflate (tiny on the wire, huge inflated) → 1009', async () => {
    server = await startServer({ MAX_PAYLOAD: '65536' });
    const client = await RawClient.connect(server.port, '/echo-deflate', 'Sec-WebSocket-Extensions: permessage-deflate\r\n');
    const bomb = deflateRawSync(Buffer.alloc(10 * 1024 * 1024), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    const payload = bomb.subarray(0, bomb.length - 4); // §7.2.1: drop the trailing 00 00 ff ff
    expect(payload.length).toBeLessThan(20_000);
    client.send(frame({ opcode: 2, rsv: 0x40, payload }));
    expect((await client.serverClose()).code).toBe(1009);
    await expectControlEcho(server);
  });
});

describe('connection caps', () => {
  test('MAX_CONNECTIONS_PER_IP: the next upgrade from that address → 429', async () => {
    server = await startServer({ MAX_CONNECTIONS_PER_IP: '3' });
    const mine = await Promise.all([1, 2, 3].map(() => open(server.url('/echo'))));
    const refused = await refusal(server.url('/echo'));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/at most 3/);
    expect(refused.headers['retry-after']).toBe('10');
    await expectControlEcho(server); // another address is unaffected
    const gone = closed(mine[0]!);
    mine[0]!.close();
    await gone;
    (await open(server.url('/echo'))).close(); // a slot is free again
    for (const ws of mine) ws.close();
  });

  test('MAX_CONNECTIONS: the next upgrade from anyone → 503', async () => {
    server = await startServer({ MAX_CONNECTIONS: '3' });
    const held = await Promise.all([1, 2, 3].map(() => open(server.url('/ticker'))));
    const refused = await refusal(server.url('/echo'), [], { localAddress: '127.0.0.5' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(/full/);
    const gone = closed(held[0]!);
    held[0]!.close();
    await gone;
    await expectControlEcho(server);
    for (const ws of held) ws.close();
  });

  test('a burst of 200 simultaneous upgrades from one address: exactly the cap gets in', async () => {
    server = await startServer({ MAX_CONNECTIONS_PER_IP: '20' });
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => open(server.url('/echo'))));
    const opened = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status);
    expect(opened.length).toBe(20);
    expect(new Set(refused)).toEqual(new Set([429]));
    expect(server.demo.stats().connections).toBe(20);
    await expectControlEcho(server);
    for (const r of opened) (r as PromiseFulfilledResult<WebSocket>).value.terminate();
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  test('on: the per-address cap counts X-Forwarded-For addresses', async () => {
    server = await startServer({ MAX_CONNECTIONS_PER_IP: '1', TRUST_PROXY: 'on' });
    const as = (address: string) => ({ headers: { 'X-Forwarded-For': `198.51.100.1, ${address}` } });
    const first = await open(server.url('/echo'), [], as('203.0.113.1'));
    const second = await open(server.url('/echo'), [], as('203.0.113.2'));
    expect((await refusal(server.url('/echo'), [], as('203.0.113.1'))).status).toBe(429);
    first.close();
    second.close();
  });

  test('off: X-Forwarded-For is ignored, so it cannot be used to dodge the cap', async () => {
    server = await startServer({ MAX_CONNECTIONS_PER_IP: '1' });
    const first = await open(server.url('/echo'), [], { headers: { 'X-Forwarded-For': '203.0.113.1' } });
    const refused = await refusal(server.url('/echo'), [], { headers: { 'X-Forwarded-For': '203.0.113.2' } });
    expect(refused.status).toBe(429);
    await expectControlEcho(server);
    first.close();
  });
});

describe('message rate (MESSAGES_PER_SECOND)', () => {
  test('a burst far over the rate → 1008 with a reason; the sender\'s neighbours are unaffected', async () => {
    server = await startServer({ MESSAGES_PER_SECOND: '20' });
    const ws = await open(server.url('/echo'));
    const done = closed(ws);
    for (let i = 0; i < 200; i++) ws.send(`m${i}`);
    const { code, reason } = await done;
    expect(code).toBe(1008);
    expect(reason).toMatch(/at most 20 messages per second/);
    await expectControlEcho(server);
  });

  test('sending at the rate is fine', async () => {
    server = await startServer({ MESSAGES_PER_SECOND: '20' });
    const ws = await open(server.url('/echo'));
    for (let i = 0; i < 30; i++) {
      const reply = nextMessage(ws);
      ws.send(`m${i}`);
      expect((await reply).text).toBe(`m${i}`);
      await delay(40); // 25 per second sustained after the first second's allowance
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  test('the chat room is rate-limited too', async () => {
    server = await startServer({ MESSAGES_PER_SECOND: '5' });
    const ws = await open(server.url('/chat?nick=spammer'));
    const done = closed(ws);
    for (let i = 0; i < 50; i++) ws.send(JSON.stringify({ type: 'message', text: `spam ${i}` }));
    expect((await done).code).toBe(1008);
    await expectControlEcho(server);
  });
});

describe('heartbeat (HEARTBEAT_MS)', () => {
  test('a peer that never answers pings is cut off after about two intervals', async () => {
    server = await startServer({ HEARTBEAT_MS: '200' });
    const silent = await RawClient.connect(server.port, '/echo');
    const started = Date.now();
    await silent.closedPromise;
    const elapsed = Date.now() - started;
    expect(silent.frames().filter((f) => f.opcode === 9).length).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(1500);
    await eventually(() => server.demo.stats().connections === 0);
    await expectControlEcho(server);
  });

  test('a peer that answers pings stays connected', async () => {
    server = await startServer({ HEARTBEAT_MS: '100' });
    const ws = await open(server.url('/ticker?hz=1'));
    await delay(700);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});
