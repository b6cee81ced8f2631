// Bad handshakes (RFC 6455 §4.2): each is refused with the right status and a plain-text reason, and a
// control client on the same server still gets its echo afterwards.
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { expectControlEcho, open, refusal, sharedServer, startServer } from './helpers.ts';
import { rawRequest, statusOf, upgradeRequest } from './raw.ts';

const server = sharedServer({ HEADERS_TIMEOUT_MS: '400', REQUEST_TIMEOUT_MS: '1000' });

async function expectRaw(request: string, status: number, bodyPattern?: RegExp): Promise<string> {
  const response = await rawRequest(server.port, request);
  expect(statusOf(response), response).toBe(status);
  if (bodyPattern) expect(response).toMatch(bodyPattern);
  await expectControlEcho(server);
  return response;
}

describe('request line and headers', () => {
  test('missing Sec-WebSocket-Key → 400', async () => {
    await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Key': null }), 400, /Sec-WebSocket-Key/);
  });

  test('malformed Sec-WebSocket-Key (not 16 bytes of base64) → 400', async () => {
    await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Key': 'c2hvcnQ=' }), 400, /Sec-WebSocket-Key/);
  });

  test('unsupported Sec-WebSocket-Version → 426 naming version 13', async () => {
    const response = await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Version': '8' }), 426);
    expect(response).toMatch(/\r\nSec-WebSocket-Version: 13\r\n/);
  });

  test('missing Sec-WebSocket-Version → 426', async () => {
    await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Version': null }), 426, /version 13/);
  });

  test('POST with Upgrade: websocket → 405 with Allow: GET', async () => {
    const response = await expectRaw(upgradeRequest(server.port, '/echo', {}, 'POST'), 405);
    expect(response).toMatch(/\r\nAllow: GET\r\n/);
  });

  test('Upgrade to something else → 400', async () => {
    await expectRaw(upgradeRequest(server.port, '/echo', { Upgrade: 'h2c' }), 400, /Upgrade header/);
  });

  test('unknown path → 404 listing the endpoints', async () => {
    await expectRaw(upgradeRequest(server.port, '/nope'), 404, /Try \/echo/);
  });

  test('plain GET on a WebSocket path → 426 with Upgrade: websocket', async () => {
    const response = await expectRaw(`GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 426);
    expect(response).toMatch(/\r\nUpgrade: websocket\r\n/);
  });

  test('thousands of headers → 431', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `X-Filler-${i}: ${i}`).join('\r\n');
    await expectRaw(upgradeRequest(server.port, '/echo').replace('\r\n\r\n', `\r\n${many}\r\n\r\n`), 431);
  });

  test('a 32 KB Sec-WebSocket-Protocol → 431', async () => {
    const huge = Array.from({ length: 4000 }, (_, i) => `p${i}`).join(', ').slice(0, 32 * 1024);
    await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Protocol': huge }), 431);
  });

  test('slowloris: headers trickling in are cut off at HEADERS_TIMEOUT_MS with 408', async () => {
    const socket = connect({ port: server.port, host: '127.0.0.1' });
    await once(socket, 'connect');
    let response = '';
    socket.on('error', () => {}); // a write racing the server's close may be reset
    socket.setEncoding('latin1');
    socket.write('GET /echo HTTP/1.1\r\nHost: x\r\n');
    const started = Date.now();
    const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
    socket.on('data', (chunk: string) => {
      response += chunk;
      clearInterval(trickle);
    });
    await once(socket, 'close');
    clearInterval(trickle);
    expect(statusOf(response)).toBe(408);
    expect(Date.now() - started).toBeLessThan(2500);
    await expectControlEcho(server);
  });
});

describe('Origin', () => {
  test('a foreign Origin → 403', async () => {
    const refused = await refusal(server.url('/echo'), [], { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/evil\.example is not allowed/);
    await expectControlEcho(server);
  });

  test('same origin, localhost and 127.0.0.1 on any port, and no Origin at all are allowed', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, 'http://localhost:4321', 'http://127.0.0.1:9']) {
      const ws = await open(server.url('/echo'), [], { origin });
      ws.close();
    }
    (await open(server.url('/echo'))).close();
  });

  test('a sandboxed frame (Origin: null) is allowed by default: the runnable examples run in one', async () => {
    (await open(server.url('/echo'), [], { origin: 'null' })).close();
  });

  test('look-alike hosts are refused', async () => {
    for (const origin of ['http://localhost.evil.example:80', 'https://localhost:4321', 'https://evil.example']) {
      expect((await refusal(server.url('/echo'), [], { origin })).status).toBe(403);
    }
    await expectControlEcho(server);
  });

  test('an ALLOWED_ORIGINS without null refuses sandboxed frames', async () => {
    const strict = await startServer({ ALLOWED_ORIGINS: 'https://school.example' });
    try {
      expect((await refusal(strict.url('/echo'), [], { origin: 'null' })).status).toBe(403);
      expect((await refusal(strict.url('/echo'), [], { origin: 'http://localhost:4321' })).status).toBe(403);
      (await open(strict.url('/echo'), [], { origin: 'https://school.example' })).close();
    } finally {
      await strict.close();
    }
  });
});

describe('subprotocols', () => {
  test('the first protocol the client offers that /echo knows is chosen', async () => {
    const ws = await open(server.url('/echo'), ['x-unknown', 'json', 'echo']);
    expect(ws.protocol).toBe('json');
    ws.close();
  });

  test('offering only unknown protocols → 400 naming the ones we speak', async () => {
    const refused = await refusal(server.url('/echo'), ['mqtt']);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/speaks only echo, json/);
    await expectControlEcho(server);
  });

  test('a malformed Sec-WebSocket-Protocol → 400', async () => {
    await expectRaw(upgradeRequest(server.port, '/echo', { 'Sec-WebSocket-Protocol': 'echo, , json' }), 400, /distinct tokens/);
  });

  test('endpoints without subprotocols refuse any offer', async () => {
    expect((await refusal(server.url('/ticker'), ['json'])).status).toBe(400);
    await expectControlEcho(server);
  });
});

describe('endpoint parameters', () => {
  const cases: Array<[string, RegExp]> = [
    ['/ticker?hz=0', /hz= must be a whole number from 1 to 20/],
    ['/ticker?hz=21', /from 1 to 20/],
    ['/ticker?hz=2.5', /whole number/],
    ['/echo?fragment=1', /fragment= must be a whole number from 2 to 16/],
    ['/echo?fragment=17', /from 2 to 16/],
    ['/chat', /nick= is required/],
    ['/chat?nick=%20%20', /nick= is required/],
    [`/chat?nick=${'n'.repeat(25)}`, /at most 24 characters/],
    ['/chat?nick=a%07b', /control characters/],
    ['/chat?nick=evil%E2%80%AEgnp', /control characters/],
    ['/close?code=1005', /must be 1000, 1001, 1008, 1011 or 3000–4999/],
    ['/close?code=2999', /3000–4999/],
    ['/close?code=5000', /from 1000 to 4999/],
    ['/close?code=abc', /whole number/],
    [`/close?reason=${'é'.repeat(62)}`, /at most 123 bytes of UTF-8 \(got 124\)/],
    ['/close?after=60001', /after= must be a whole number from 0 to 60000/],
    ['/close?drop=yes', /drop= must be 1/],
    ['/misbehave', /fault= must be one of bad-utf8, masked, reserved-bit, bad-opcode, long-ping/],
    ['/misbehave?fault=__proto__', /must be one of/],
  ];
  test.each(cases)('%s → 400 with a clear reason', async (path, reason) => {
    const refused = await refusal(server.url(path));
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^text\/plain/);
    expect(refused.body).toMatch(reason);
    await expectControlEcho(server);
  });

  test('a reason of exactly 123 bytes is accepted', async () => {
    const ws = await open(server.url(`/close?reason=${'é'.repeat(61)}x`));
    const code = await new Promise<[number, string]>((resolve) => ws.once('close', (c, r) => resolve([c, r.toString()])));
    expect(code).toEqual([1000, `${'é'.repeat(61)}x`]);
  });
});
