// What each endpoint does for a well-behaved client (DESIGN.md's contract), plus the HTTP side:
// /healthz, the built site, the /alt/… comparison endpoints.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { faults } from '../endpoints/misbehave.ts';
import {
  client,
  closed,
  errored,
  delay,
  eventually,
  expectControlEcho,
  frame,
  nextJson,
  nextMessage,
  open,
  RawClient,
  startServer,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ HEARTBEAT_MS: '1000', MESSAGES_PER_SECOND: '0' });
});
afterAll(() => server.close());

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
    const started = Date.now();
    await nextJson(ws, 2);
    ws.close();
    expect(Date.now() - started).toBeGreaterThan(800);
  });
});

describe('/chat', () => {
  test('join, message, error, leave: exactly the formats in DESIGN.md; text is relayed verbatim', async () => {
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
  test.each(Object.keys(faults))('fault=%s: announces itself, then writes exactly the faulty bytes', async (name) => {
    const client = await RawClient.connect(server.port, `/misbehave?fault=${name}`);
    const announce = await client.message();
    expect(JSON.parse(announce.payload.toString())).toMatchObject({ type: 'fault', fault: name });
    const expected = Buffer.from(faults[name]!.bytes);
    const announceLength = 2 + announce.payload.length + (announce.payload.length > 125 ? 2 : 0);
    const rest = () => client.received.subarray(announceLength).toString('hex').replace(/^(8900)+/, ''); // heartbeat pings
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

describe('/healthz', () => {
  test('200 "ok" with connection counts per endpoint', async () => {
    const held = [await open(server.url('/echo')), await open(server.url('/echo')), await open(server.url('/ticker'))];
    await eventually(() => server.demo.stats().connections === 3);
    const res = await fetch(server.http('/healthz'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^ok\nconnections 3\n\/echo 2\n\/ticker 1\nstreams 0\nsessions 0\nrss \d+\n$/);
    for (const ws of held) ws.close();
  });
});

describe('the built site', () => {
  test('serves files with ETags and revalidation; fingerprinted assets are immutable', async () => {
    const home = await fetch(server.http('/'));
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/home/);
    const etag = home.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(server.http('/'), { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const asset = await fetch(server.http('/_astro/app.js'));
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  test('a lesson without its trailing slash redirects to it', async () => {
    const res = await fetch(server.http('/en/lesson?x=1'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/lesson/?x=1');
    expect((await fetch(server.http('/en/lesson/'))).status).toBe(200);
  });

  test('unknown pages get the 404 page with status 404, in Vietnamese under /vi/', async () => {
    const en = await fetch(server.http('/en/nope/'));
    expect(en.status).toBe(404);
    expect(await en.text()).toMatch(/not found \(root\)/);
    const vi = await fetch(server.http('/vi/khong-co/'));
    expect(vi.status).toBe(404);
    expect(await vi.text()).toMatch(/không tìm thấy/);
  });

  test('other methods → 405', async () => {
    expect((await fetch(server.http('/'), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  test('without a built site, / explains how to build one', async () => {
    const bare = await startServer({ SITE_DIR: '/nonexistent/site' });
    const res = await fetch(bare.http('/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/npm run build/);
    expect((await fetch(bare.http('/en/'))).status).toBe(404);
    await bare.close();
  });
});

describe('/alt: polling, long polling, server-sent events', () => {
  test('/alt/poll returns the quotes newer than ?since=', async () => {
    const first = (await (await fetch(server.http('/alt/poll?hz=20'))).json()) as any[];
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toMatchObject({ type: 'quote' });
    expect(typeof first[0].t).toBe('number');
    const last = first.at(-1).seq;
    await delay(200);
    const next = (await (await fetch(server.http(`/alt/poll?hz=20&since=${last}`))).json()) as any[];
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((q) => q.seq > last)).toBe(true);
  });

  test('/alt/long-poll holds the request until a newer quote exists', async () => {
    const latest = (await (await fetch(server.http('/alt/poll?hz=5'))).json()) as any[];
    const since = latest.at(-1).seq;
    const started = Date.now();
    const res = await fetch(server.http(`/alt/long-poll?hz=5&since=${since}`));
    const quotes = (await res.json()) as any[];
    expect(res.status).toBe(200);
    expect(quotes.map((q) => q.seq)).toEqual([since + 1]);
    expect(Date.now() - started).toBeGreaterThan(50);
  });

  test('/alt/sse streams quotes as events with id: seq', async () => {
    const controller = new AbortController();
    const res = await fetch(server.http('/alt/sse?hz=20'), { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while ((text.match(/\n\n/g) ?? []).length < 4) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const events = text.split('\n\n').filter((e) => e.startsWith('id:'));
    const [id, data] = events[0]!.split('\n');
    expect(JSON.parse(data!.slice(6)).seq).toBe(Number(id!.slice(4)));
    await eventually(() => server.demo.stats().streams === 0);
  });

  test('held requests are capped per address: the next one → 429', async () => {
    const capped = await startServer({ MAX_CONNECTIONS_PER_IP: '2' });
    const controllers = [new AbortController(), new AbortController()];
    for (const c of controllers) await fetch(capped.http('/alt/sse'), { signal: c.signal });
    const third = await fetch(capped.http('/alt/long-poll?since=999999'));
    // since from the future is treated as 0, so this answers at once; a fresh stream is refused
    expect(third.status).toBe(200);
    const fourth = await fetch(capped.http('/alt/sse'));
    expect(fourth.status).toBe(429);
    for (const c of controllers) c.abort();
    await capped.close();
  });

  test('a bad ?hz= → 400', async () => {
    const res = await fetch(server.http('/alt/poll?hz=0'));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/hz= must be a whole number from 1 to 20/);
  });
});
