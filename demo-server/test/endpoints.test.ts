// What each WebSocket endpoint does for a well-behaved client (docs/DEMO-SERVER.md).
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { FAULTS } from '../../src/lib/close/serverRules.ts';
import {
  client,
  closed,
  errored,
  eventually,
  expectControlEcho,
  nextJson,
  nextMessage,
  open,
  refusal,
  sharedServer,
} from './helpers.ts';
import { frame, RawClient } from './raw.ts';

const server = sharedServer({ HEARTBEAT_MS: '1000', MESSAGES_PER_SECOND: '0' });

describe('/echo and /echo-deflate', () => {
  test('?fragment=3 replies in three frames: opcode 1 then continuations, FIN on the last', async () => {
    const client = await RawClient.connect(server.port, '/echo?fragment=3');
    client.send(frame({ opcode: 1, payload: 'Hello, frames' }));
    const reply = await client.message();
    expect(reply.frames.map((f) => [f.opcode, f.fin])).toEqual([
      [1, false],
      [0, false],
      [0, true],
    ]);
    expect(reply.payload.toString()).toBe('Hello, frames');
    client.destroy();
  });

  test('/echo never negotiates compression', async () => {
    const ws = await open(server.url('/echo'), [], { perMessageDeflate: true });
    expect(ws.extensions).toBe('');
    ws.close();
  });

  test('/echo-deflate negotiates permessage-deflate and sends compressed frames (RSV1)', async () => {
    const ws = await open(server.url('/echo-deflate'), ['echo'], { perMessageDeflate: true });
    expect(ws.extensions).toMatch(/^permessage-deflate/);
    expect(ws.protocol).toBe('echo');
    const reply = nextMessage(ws);
    ws.send('nén nén nén nén nén');
    expect((await reply).text).toBe('nén nén nén nén nén');
    ws.close();

    const client = await RawClient.connect(server.port, '/echo-deflate', 'Sec-WebSocket-Extensions: permessage-deflate\r\n');
    client.send(frame({ opcode: 1, payload: 'aaaaaaaaaaaaaaaaaaaa' })); // uncompressed is allowed too
    const echoed = await client.message();
    expect(echoed.frames[0]!.rsv).toBe(0x40);
    expect(echoed.payload.length).toBeLessThan(20);
    client.destroy();
  });
});

describe('/ticker', () => {
  test('quotes as JSON at ?hz=, with a sequence number and the server time', async () => {
    const ws = await open(server.url('/ticker?hz=20'));
    const started = Date.now();
    const quotes = await nextJson(ws, 10);
    const elapsed = Date.now() - started;
    ws.close();
    expect(elapsed).toBeGreaterThan(350);
    expect(elapsed).toBeLessThan(1500);
    for (const [i, q] of quotes.entries()) {
      expect(Object.keys(q)).toEqual(['type', 'seq', 't', 'symbol', 'price', 'change']);
      expect(q.type).toBe('quote');
      expect(q.seq).toBe(quotes[0].seq + i);
      expect(Math.abs(q.t - Date.now())).toBeLessThan(2000);
      expect(q.symbol).toMatch(/^[A-Z]{3,5}$/);
      expect(typeof q.price).toBe('number');
      expect(typeof q.change).toBe('number');
    }
  });

  test('default rate is 2 per second', async () => {
    const ws = await open(server.url('/ticker'));
    // Quotes follow the clock, so the first may come at once: time the two after it.
    await nextJson(ws, 1);
    const started = Date.now();
    await nextJson(ws, 2);
    ws.close();
    expect(Date.now() - started).toBeGreaterThan(800);
  });
});

describe('/chat', () => {
  test('join, message, error, leave: exactly the formats in docs/DEMO-SERVER.md; text is relayed verbatim', async () => {
    const ana = await open(server.url('/chat?nick=%20Ana%20'));
    expect(await nextJson(ana)).toEqual([{ type: 'join', nick: 'Ana', count: 1 }]);
    const binhJoined = nextJson(ana);
    const binh = await open(server.url('/chat?nick=B%C3%ACnh'));
    expect(await nextJson(binh)).toEqual([{ type: 'join', nick: 'Bình', count: 2 }]);
    expect(await binhJoined).toEqual([{ type: 'join', nick: 'Bình', count: 2 }]);

    const html = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    const toAna = nextJson(ana);
    const toBinh = nextJson(binh);
    ana.send(JSON.stringify({ type: 'message', text: html }));
    const [a] = await toAna;
    const [b] = await toBinh;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ type: 'message', nick: 'Ana', text: html });
    expect(Object.keys(a)).toEqual(['type', 'nick', 'text', 't']);

    for (const [bad, reason] of [
      ['not json', /Not JSON/],
      ['{"type":"shout","text":"x"}', /Unknown message/],
      ['{"type":"message","text":"   "}', /non-empty/],
      [JSON.stringify({ type: 'message', text: 'x'.repeat(501) }), /longer than 500/],
      [JSON.stringify({ type: 'message', text: 'a\u0000b' }), /control characters/],
    ] as const) {
      const error = nextJson(ana);
      ana.send(bad);
      const [e] = await error;
      expect(e.type).toBe('error');
      expect(e.message).toMatch(reason);
    }
    expect(ana.readyState).toBe(WebSocket.OPEN);

    const left = nextJson(ana);
    binh.close();
    expect(await left).toEqual([{ type: 'leave', nick: 'Bình', count: 1 }]);

    const done = closed(ana);
    ana.send(Buffer.from('binary'));
    expect(await done).toEqual({ code: 1003, reason: 'Chat accepts text messages only' });
    await expectControlEcho(server);
  });
});

describe('/slow', () => {
  test('reads about 64 KiB per 100 ms and acknowledges the running totals', async () => {
    const ws = await open(server.url('/slow'));
    const acks: Array<{ type: string; bytes: number; messages: number }> = [];
    ws.on('message', (data: Buffer) => acks.push(JSON.parse(data.toString())));
    const started = Date.now();
    for (let i = 0; i < 16; i++) ws.send(Buffer.alloc(64 * 1024));
    await eventually(() => acks.at(-1)?.bytes === 16 * 64 * 1024, 5000, 'every byte acknowledged');
    const elapsed = Date.now() - started;
    expect(acks.at(-1)).toEqual({ type: 'ack', bytes: 16 * 64 * 1024, messages: 16 });
    expect(acks.length).toBeGreaterThan(3);
    expect(elapsed).toBeGreaterThan(1000); // 1 MiB at ≈ 640 KiB/s
    ws.close();
  });
});

describe('/close', () => {
  test('?code=4000&reason=… closes at once with that code and reason', async () => {
    const ws = client(server.url('/close?code=4000&reason=xin%20ch%C3%A0o'));
    expect(await closed(ws)).toEqual({ code: 4000, reason: 'xin chào' });
  });

  test('no parameters: 1000 with an empty reason', async () => {
    expect(await closed(client(server.url('/close')))).toEqual({ code: 1000, reason: '' });
  });

  test('?after= waits (echoing meanwhile), then closes', async () => {
    const ws = await open(server.url('/close?code=1001&after=300'));
    const started = Date.now();
    const done = closed(ws);
    const reply = nextMessage(ws);
    ws.send('before');
    expect((await reply).text).toBe('before');
    expect((await done).code).toBe(1001);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  test('?drop=1 cuts TCP without a close frame: the client sees 1006', async () => {
    const raw = await RawClient.connect(server.port, '/close?drop=1&after=50');
    await raw.closedPromise;
    expect(raw.frames().filter((f) => f.opcode === 8)).toEqual([]);
    expect((await closed(client(server.url('/close?drop=1')))).code).toBe(1006);
    await expectControlEcho(server);
  });
});

describe('/misbehave', () => {
  const faults = Object.fromEntries(FAULTS.map((fault) => [fault.name, fault]));
  test.each(Object.keys(faults))('fault=%s: announces itself, then writes exactly the faulty bytes', async (name) => {
    const client = await RawClient.connect(server.port, `/misbehave?fault=${name}`);
    const announce = await client.message();
    expect(JSON.parse(announce.payload.toString())).toMatchObject({ type: 'fault', fault: name });
    const expected = Buffer.from(faults[name]!.bytes);
    const announceLength = 2 + announce.payload.length + (announce.payload.length > 125 ? 2 : 0);
    // The heartbeat (a ping, 89 00, every second here) may land before or after the fault: only those are set aside.
    const rest = () => client.received.subarray(announceLength).toString('hex').replace(/^(8900)+/, '').replace(/(8900)+$/, '');
    await eventually(() => rest().length >= expected.length * 2);
    expect(rest()).toBe(expected.toString('hex'));
    client.destroy();
  });

  test.each([
    ['bad-utf8', /invalid UTF-8/i],
    ['masked', /MASK must be clear/i],
    ['reserved-bit', /RSV1 must be clear/i],
    ['bad-opcode', /invalid opcode 3/i],
    ['long-ping', /invalid payload length 126/i],
  ])('fault=%s makes a client fail the connection (%s)', async (name, message) => {
    const ws = await open(server.url(`/misbehave?fault=${name}`));
    expect((await errored(ws)).message).toMatch(message);
    expect((await closed(ws)).code).toBe(1006);
    await expectControlEcho(server);
  });
});

describe('/heartbeat', () => {
  test('pings (protocol and JSON) every interval while the page answers; closes with 4000 when it stops', async () => {
    // Listeners go on before the handshake completes: ping 1 is sent the moment the connection opens.
    const ws = client(server.url('/heartbeat?interval=250'));
    const protocolPings: number[] = [];
    ws.on('ping', () => protocolPings.push(Date.now()));
    const done = closed(ws);
    const seen: number[] = [];
    const started = Date.now();
    ws.on('message', (data) => {
      const ping = JSON.parse(String(data)) as { type: string; n: number };
      expect(ping.type).toBe('ping');
      seen.push(ping.n);
      // Answer the first three, then fall silent like a frozen page.
      if (ping.n <= 3) ws.send(JSON.stringify({ type: 'pong', n: ping.n }));
    });
    expect(await done).toEqual({ code: 4000, reason: 'no pong for ping 4 within 250 ms' });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(protocolPings.length).toBeGreaterThanOrEqual(4); // the server-wide HEARTBEAT_MS round may add one
    // Four intervals: pings 1–4 at 0, 250, 500, 750 ms, the deadline of ping 4 at 1000 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('an answer to an older ping does not count', async () => {
    const ws = client(server.url('/heartbeat?interval=250'));
    const done = closed(ws);
    ws.on('message', (data) => {
      const ping = JSON.parse(String(data)) as { n: number };
      ws.send(JSON.stringify({ type: 'pong', n: ping.n - 1 }));
    });
    expect(await done).toEqual({ code: 4000, reason: 'no pong for ping 1 within 250 ms' });
  });

  test('a message that is not a pong gets an error message, and the connection stays', async () => {
    const ws = await open(server.url('/heartbeat?interval=2000'));
    expect(await nextJson(ws)).toEqual([{ type: 'ping', n: 1 }]);
    const reply = nextJson(ws);
    ws.send('hello');
    expect(await reply).toEqual([{ type: 'error', message: 'expected JSON: {"type":"pong","n":N}' }]);
    const binary = nextJson(ws);
    ws.send(Buffer.from([1, 2]));
    expect(await binary).toEqual([{ type: 'error', message: 'expected a text message: {"type":"pong","n":N}' }]);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  test.each(['100', '10001', 'fast'])('?interval=%s is refused with 400', async (interval) => {
    const refused = await refusal(server.url(`/heartbeat?interval=${interval}`));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('?interval= must be a whole number from 250 to 10000');
  });
});
