import { describe, expect, it } from 'vitest';
import {
  acceptLanguage,
  chunkFramingBytes,
  requestHeadBytes,
  responseHeadBytes,
  sseEventBytes,
  sseResponseHeadBytes,
  type BrowserProfile,
  wsFrameHeaderBytes,
  wsHandshakeResponseBytes,
} from './wire.ts';

// Request heads as a raw TCP server received them from Chromium 150 (headless, Linux), page http://127.0.0.1:18609/.
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36';
const captured = {
  fetch:
    'GET /poll?since=1&hz=2 HTTP/1.1\r\nHost: 127.0.0.1:18609\r\nConnection: keep-alive\r\nsec-ch-ua-platform: "Linux"\r\n' +
    `User-Agent: ${UA}\r\nsec-ch-ua: "Not;A=Brand";v="8", "Chromium";v="150"\r\nsec-ch-ua-mobile: ?0\r\nAccept: */*\r\n` +
    'Sec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\nReferer: http://127.0.0.1:18609/\r\n' +
    'Accept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: en-US,en;q=0.9\r\n\r\n',
  eventsource:
    'GET /sse HTTP/1.1\r\nHost: 127.0.0.1:18609\r\nConnection: keep-alive\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n' +
    `sec-ch-ua-platform: "Linux"\r\nUser-Agent: ${UA}\r\nAccept: text/event-stream\r\n` +
    'sec-ch-ua: "Not;A=Brand";v="8", "Chromium";v="150"\r\nsec-ch-ua-mobile: ?0\r\nSec-Fetch-Site: same-origin\r\n' +
    'Sec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\nReferer: http://127.0.0.1:18609/\r\n' +
    'Accept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: en-US,en;q=0.9\r\n\r\n',
  websocket:
    'GET /ticker?hz=2 HTTP/1.1\r\nHost: 127.0.0.1:18609\r\nConnection: Upgrade\r\nPragma: no-cache\r\nCache-Control: no-cache\r\n' +
    `User-Agent: ${UA}\r\nUpgrade: websocket\r\nOrigin: http://127.0.0.1:18609\r\nSec-WebSocket-Version: 13\r\n` +
    'Accept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: en-US,en;q=0.9\r\nSec-WebSocket-Key: cpU4VZAtdzVeKDnjioU/pg==\r\n' +
    'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n',
};

const chromium: BrowserProfile = {
  userAgent: UA,
  languages: ['en-US', 'en'],
  brands: [
    { brand: 'Not;A=Brand', version: '8' },
    { brand: 'Chromium', version: '150' },
  ],
  platform: 'Linux',
  mobile: false,
  secureContext: true,
  cookie: '',
};
const page = { href: 'http://127.0.0.1:18609/', origin: 'http://127.0.0.1:18609' };

describe('request head estimate', () => {
  it('matches what Chromium sent for fetch(), EventSource and the WebSocket handshake', () => {
    expect(requestHeadBytes('fetch', new URL('http://127.0.0.1:18609/poll?since=1&hz=2'), page, chromium)).toBe(captured.fetch.length);
    expect(requestHeadBytes('eventsource', new URL('http://127.0.0.1:18609/sse'), page, chromium)).toBe(captured.eventsource.length);
    expect(requestHeadBytes('websocket', new URL('ws://127.0.0.1:18609/ticker?hz=2'), page, chromium)).toBe(captured.websocket.length);
  });

  it('grows with cookies and shrinks without client hints', () => {
    const url = new URL('http://127.0.0.1:18609/poll?since=1&hz=2');
    const base = requestHeadBytes('fetch', url, page, chromium);
    expect(requestHeadBytes('fetch', url, page, { ...chromium, cookie: 'a=1' })).toBe(base + 'Cookie: a=1\r\n'.length);
    expect(requestHeadBytes('fetch', url, page, { ...chromium, brands: null })).toBeLessThan(base - 80);
  });

  it('builds Accept-Language with descending q values', () => {
    expect(acceptLanguage(['vi-VN', 'vi', 'en-US', 'en'])).toBe('vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7');
    expect(acceptLanguage(['en'])).toBe('en');
  });
});

describe('response heads and framing', () => {
  it('rebuilds a response head from fetch() headers', () => {
    const raw =
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nCache-Control: no-store\r\n' +
      'Date: Mon, 01 Jan 2024 00:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n';
    const headers: Array<[string, string]> = [
      ['cache-control', 'no-store'],
      ['connection', 'keep-alive'],
      ['content-length', '9'],
      ['content-type', 'application/json'],
      ['date', 'Mon, 01 Jan 2024 00:00:00 GMT'],
      ['keep-alive', 'timeout=5'],
    ];
    expect(responseHeadBytes(200, 'OK', headers)).toBe(raw.length);
  });

  it('estimates the SSE and 101 response heads', () => {
    const sse =
      'HTTP/1.1 200 OK\r\nVary: Origin\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nX-Accel-Buffering: no\r\n' +
      'Date: Wed, 25 Nov 2026 21:11:02 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(sseResponseHeadBytes()).toBe(sse.length);
    const cors = 'Access-Control-Allow-Origin: null\r\nTiming-Allow-Origin: null\r\nAccess-Control-Expose-Headers: *\r\n';
    expect(sseResponseHeadBytes('null')).toBe(sse.length + cors.length);
    const ws =
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n';
    expect(wsHandshakeResponseBytes()).toBe(ws.length);
  });

  it('counts SSE events, chunk framing and frame headers', () => {
    expect(sseEventBytes('7', '{"a":"é"}')).toBe('id: 7\ndata: {"a":"é"}\n\n'.length + 1);
    expect(chunkFramingBytes(0x5a)).toBe('5a\r\n\r\n'.length);
    expect(chunkFramingBytes(0x100)).toBe('100\r\n\r\n'.length);
    expect(wsFrameHeaderBytes(125)).toBe(2);
    expect(wsFrameHeaderBytes(126)).toBe(4);
    expect(wsFrameHeaderBytes(70_000)).toBe(10);
    expect(wsFrameHeaderBytes(5, true)).toBe(6);
  });
});
