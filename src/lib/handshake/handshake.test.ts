import { describe, expect, it } from 'vitest';
import type { HandshakeRecord, HeaderLine } from '../inspect/records.ts';
import { acceptSteps, computeAccept } from '../protocol/index.ts';
import { RFC_EXAMPLE, RFC_EXAMPLE_ACCEPT, RFC_EXAMPLE_KEY } from './example.ts';
import {
  annotateHeaders,
  checkResponse,
  extensionNames,
  headerValue,
  keyBytesHex,
  listItems,
  missingHeaders,
  requestLine,
  sessionOf,
  statusLine,
} from './handshake.ts';

/** A handshake as Chromium and the demo server made it (recorded by the tap), with parts replaced per test. */
function chromeHandshake(changes: { request?: HeaderLine[]; response?: HeaderLine[]; status?: number } = {}): HandshakeRecord {
  return {
    kind: 'handshake',
    request: {
      method: 'GET',
      path: '/echo-deflate?session=bc4824fa5617878a6faa7dbf61f680d3',
      headers: changes.request ?? [
        ['Host', '127.0.0.1:18200'],
        ['Connection', 'Upgrade'],
        ['Pragma', 'no-cache'],
        ['Cache-Control', 'no-cache'],
        ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/150.0.0.0'],
        ['Upgrade', 'websocket'],
        ['Origin', 'http://127.0.0.1:18200'],
        ['Sec-WebSocket-Version', '13'],
        ['Accept-Encoding', 'gzip, deflate, br, zstd'],
        ['Accept-Language', 'en-US,en;q=0.9'],
        ['Sec-WebSocket-Key', '5PWvDM+4egUw5T1hbgTRtw=='],
        ['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits'],
        ['Sec-WebSocket-Protocol', 'json, echo'],
      ],
    },
    response: {
      status: changes.status ?? 101,
      statusText: changes.status ? '' : 'Switching Protocols',
      headers: changes.response ?? [
        ['Upgrade', 'websocket'],
        ['Connection', 'Upgrade'],
        ['Sec-WebSocket-Accept', '4THmEEf6ZYc5ovK8I+AjVT+RVXE='],
        ['Sec-WebSocket-Protocol', 'json'],
        ['Sec-WebSocket-Extensions', 'permessage-deflate'],
      ],
    },
  };
}

const byId = (checks: ReturnType<typeof checkResponse>) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('the RFC 6455 §1.3 example', () => {
  it('has the accept value the RFC gives for its key', async () => {
    expect(await computeAccept(RFC_EXAMPLE_KEY)).toBe(RFC_EXAMPLE_ACCEPT);
    expect(headerValue(RFC_EXAMPLE.response.headers, 'sec-websocket-accept')).toBe(RFC_EXAMPLE_ACCEPT);
    const steps = await acceptSteps(RFC_EXAMPLE_KEY);
    expect(steps.sha1Hex).toBe('b37a4f2cc0624f1690f64606cf385945b2bec4ea');
  });

  it('passes every check a browser makes', async () => {
    const checks = checkResponse(RFC_EXAMPLE, await computeAccept(RFC_EXAMPLE_KEY));
    expect(checks.map((c) => c.id)).toEqual(['status', 'upgrade', 'connection', 'accept', 'extensions', 'protocol']);
    expect(checks.every((c) => c.ok === true)).toBe(true);
    expect(byId(checks).protocol).toMatchObject({ key: 'protocol.ok', values: { chosen: 'chat', offered: 'chat, superchat' } });
    expect(byId(checks).extensions.key).toBe('extensions.none');
  });

  it('prints the request and status lines', () => {
    expect(requestLine(RFC_EXAMPLE)).toBe('GET /chat HTTP/1.1');
    expect(statusLine(RFC_EXAMPLE)).toBe('HTTP/1.1 101 Switching Protocols');
    expect(statusLine(chromeHandshake({ status: 426 }))).toBe('HTTP/1.1 426 Upgrade Required');
  });

  it('lacks none of the required headers', () => {
    expect(missingHeaders(RFC_EXAMPLE.request.headers, 'request')).toEqual([]);
    expect(missingHeaders(RFC_EXAMPLE.response.headers, 'response')).toEqual([]);
    expect(missingHeaders([['Host', 'x']], 'request')).toEqual(['Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version']);
  });
});

describe('annotating header lines', () => {
  it('explains known headers for their side and keeps unknown ones, in wire order and case', () => {
    const lines = annotateHeaders([['sec-websocket-key', 'k'], ['X-Thing', '1'], ['Sec-WebSocket-Accept', 'a']], 'request');
    expect(lines.map((l) => l.name)).toEqual(['sec-websocket-key', 'X-Thing', 'Sec-WebSocket-Accept']);
    expect(lines[0]!.known?.header.name).toBe('Sec-WebSocket-Key');
    expect(lines[1]!.known).toBeNull();
    // Accept belongs to the response: in a request the table has nothing to say.
    expect(lines[2]!.known).toBeNull();
  });

  it('knows every header Chromium sends and the demo server answers', () => {
    const record = chromeHandshake();
    expect(annotateHeaders(record.request.headers, 'request').filter((l) => !l.known)).toEqual([]);
    expect(annotateHeaders(record.response.headers, 'response').filter((l) => !l.known)).toEqual([]);
  });
});

describe('header values', () => {
  it('combines repeated lines and splits lists', () => {
    const lines: HeaderLine[] = [['Sec-WebSocket-Protocol', 'a, b'], ['sec-websocket-protocol', 'c']];
    expect(headerValue(lines, 'Sec-WebSocket-Protocol')).toBe('a, b, c');
    expect(listItems('a, b,, c ')).toEqual(['a', 'b', 'c']);
    expect(listItems(null)).toEqual([]);
    expect(headerValue(lines, 'Origin')).toBeNull();
  });

  it('reads extension names without their parameters', () => {
    expect(extensionNames('permessage-deflate; client_max_window_bits, x-webkit-deflate-frame')).toEqual([
      'permessage-deflate',
      'x-webkit-deflate-frame',
    ]);
    expect(extensionNames(null)).toEqual([]);
  });

  it('decodes a key into its 16 bytes, and refuses anything else', () => {
    expect(keyBytesHex(RFC_EXAMPLE_KEY)).toBe('74 68 65 20 73 61 6d 70 6c 65 20 6e 6f 6e 63 65'); // "the sample nonce"
    expect(keyBytesHex('dGhlIHNhbXBsZSBub25jZQ')).toBeNull();
    expect(keyBytesHex('not a key')).toBeNull();
  });

  it('finds the inspector session in a request path', () => {
    expect(sessionOf('/echo?session=abc&fragment=3')).toBe('abc');
    expect(sessionOf('/echo')).toBeNull();
  });
});

describe('the checks a browser makes on the response (RFC 6455 §4.1)', () => {
  it('passes a real Chromium handshake, naming the chosen subprotocol and extension', async () => {
    const checks = byId(checkResponse(chromeHandshake(), await computeAccept('5PWvDM+4egUw5T1hbgTRtw==')));
    expect(Object.values(checks).every((c) => c.ok === true)).toBe(true);
    expect(checks.protocol).toMatchObject({ key: 'protocol.ok', values: { chosen: 'json', offered: 'json, echo' } });
    expect(checks.extensions).toMatchObject({ key: 'extensions.ok', values: { accepted: 'permessage-deflate' } });
  });

  it('waits for the accept value, then compares it exactly', () => {
    expect(byId(checkResponse(chromeHandshake(), null)).accept).toMatchObject({ ok: null, key: 'accept.pending' });
    expect(byId(checkResponse(chromeHandshake(), '4THmEEf6ZYc5ovK8I+AjVT+RVXF=')).accept).toMatchObject({
      ok: false,
      key: 'accept.fail',
      values: { value: '4THmEEf6ZYc5ovK8I+AjVT+RVXE=', expected: '4THmEEf6ZYc5ovK8I+AjVT+RVXF=' },
    });
  });

  it('stops at the status for a response that is not 101: a refusal has no WebSocket headers to check', () => {
    const refusal = chromeHandshake({ status: 400, response: [['Connection', 'close'], ['Content-Type', 'text/plain; charset=utf-8']] });
    const checks = checkResponse(refusal, 'x');
    expect(checks).toEqual([expect.objectContaining({ id: 'status', ok: false, key: 'status.fail', values: { status: '400 Bad Request' } })]);
    expect(checkResponse(chromeHandshake({ status: 403 }), null).map((c) => c.id)).toEqual(['status']);
  });

  it('fails a 101 that lacks Upgrade, Connection or Accept', () => {
    const bad = byId(checkResponse(chromeHandshake({ response: [['Connection', 'close']] }), 'x'));
    expect(bad.status).toMatchObject({ ok: true, key: 'status.ok' });
    expect(bad.upgrade).toMatchObject({ ok: false, key: 'upgrade.missing' });
    expect(bad.connection).toMatchObject({ ok: false, key: 'connection.fail', values: { value: 'close' } });
    expect(bad.accept).toMatchObject({ ok: false, key: 'accept.missing' });
  });

  it('accepts Upgrade and Connection in any case, Connection as a list', () => {
    const record = chromeHandshake({ response: [['upgrade', 'WebSocket'], ['connection', 'keep-alive, UPGRADE']] });
    const checks = byId(checkResponse(record, 'x'));
    expect(checks.upgrade.ok).toBe(true);
    expect(checks.connection.ok).toBe(true);
    expect(byId(checkResponse(chromeHandshake({ response: [['Upgrade', 'h2c']] }), 'x')).upgrade).toMatchObject({ ok: false, key: 'upgrade.fail' });
  });

  it('fails an extension or subprotocol the client never offered', () => {
    const record = chromeHandshake({
      request: [['Sec-WebSocket-Key', 'k']],
      response: [['Sec-WebSocket-Extensions', 'permessage-deflate'], ['Sec-WebSocket-Protocol', 'json']],
    });
    const checks = byId(checkResponse(record, 'x'));
    expect(checks.extensions).toMatchObject({ ok: false, key: 'extensions.fail', values: { unoffered: 'permessage-deflate' } });
    expect(checks.protocol).toMatchObject({ ok: false, key: 'protocol.unasked' });
    const other = chromeHandshake({ response: [['Sec-WebSocket-Protocol', 'xml']] });
    expect(byId(checkResponse(other, 'x')).protocol).toMatchObject({ ok: false, key: 'protocol.fail', values: { chosen: 'xml' } });
  });

  it('fails, as browsers do, when subprotocols were offered and none came back', () => {
    const record = chromeHandshake({ response: [['Upgrade', 'websocket']] });
    const check = byId(checkResponse(record, 'x')).protocol;
    expect(check).toMatchObject({ ok: false, key: 'protocol.missing' });
    expect(check.ref.label).toBe('WHATWG WebSockets');
    const none = chromeHandshake({ request: [], response: [] });
    expect(byId(checkResponse(none, 'x')).protocol).toMatchObject({ ok: true, key: 'protocol.none' });
  });
});
