import { describe, expect, it } from 'vitest';
import { frameRecordBytes } from './frameBytes.ts';
import { MAX_RESPONSE_BODY, parseRecord, parseRecordMessage, type FrameRecord } from './records.ts';
import { clientHello, cutHeader } from './testing.ts';

// RFC 6455 §5.7: a masked "Hello" from the client (testing.ts), and the unmasked one from the server.
const serverHello = { ...clientHello, dir: 'server', masked: false, maskKey: null, headerHex: '8105' };

describe('parseRecord', () => {
  it('accepts the RFC’s masked and unmasked "Hello" frames', () => {
    expect(parseRecord(clientHello)).toEqual({ record: clientHello });
    expect(parseRecord(serverHello)).toEqual({ record: serverHello });
  });

  it('normalises hex spacing and case', () => {
    const result = parseRecord({ ...clientHello, headerHex: '81 85 37 FA 21 3D', maskKey: '37 FA 21 3D' });
    expect(result).toEqual({ record: clientHello });
  });

  it('accepts a 16-bit length header and a truncated payload', () => {
    const result = parseRecord({
      ...serverHello,
      length: 300,
      headerHex: '827e012c',
      opcode: 2,
      payloadHex: '00'.repeat(256),
      text: null,
    });
    expect('record' in result).toBe(true);
  });

  it('rejects a header that contradicts the other fields', () => {
    expect(parseRecord({ ...clientHello, opcode: 2 })).toEqual({ error: expect.stringContaining('disagrees') });
    expect(parseRecord({ ...clientHello, maskKey: '00000000' })).toEqual({ error: expect.stringContaining('disagrees') });
    expect(parseRecord({ ...serverHello, headerHex: '81' })).toEqual({ error: expect.stringContaining('2 bytes') });
  });

  it('keeps what the tap says about a refused frame: its error and the server’s close', () => {
    const refused = {
      ...clientHello,
      opcode: 3,
      headerHex: '838537fa213d',
      text: null,
      error: { code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002, rule: 'RFC 6455 §5.2', field: 'opcode' },
      close: { code: 1002, reason: '' },
    };
    expect(parseRecord(refused)).toEqual({ record: refused });
    expect(parseRecord({ ...refused, close: null })).toEqual({ record: { ...refused, close: null } });
    expect(parseRecord({ ...refused, error: { ...refused.error, code: 'oops' } })).toEqual({ error: expect.stringContaining('WS_ERR_') });
    expect(parseRecord({ ...refused, close: { code: 'x', reason: '' } })).toEqual({ error: expect.stringContaining('close') });
  });

  it('accepts a refused frame whose connection ended inside its header (no key yet), and nothing else cut short', () => {
    const cut = cutHeader;
    expect(parseRecord(cut)).toEqual({ record: cut });
    const { error: _error, close: _close, ...plain } = cut;
    expect(parseRecord(plain)).toEqual({ error: expect.stringContaining('maskKey') });
    expect(parseRecord({ ...cut, headerHex: '8bfe00' })).toEqual({ error: expect.stringContaining('bytes') });
  });

  it('rejects missing or mistyped fields', () => {
    for (const broken of [
      { ...clientHello, dir: 'up' },
      { ...clientHello, t: -1 },
      { ...clientHello, fin: 'yes' },
      { ...clientHello, rsv: [false, false] },
      { ...clientHello, opcode: 16 },
      { ...clientHello, length: 1.5 },
      { ...clientHello, length: 2 },
      { ...clientHello, payloadHex: 'zz' },
      { ...clientHello, maskKey: '37fa21' },
      { ...serverHello, maskKey: '37fa213d' },
      { ...clientHello, text: 5 },
      { ...clientHello, kind: 'frames' },
      null,
      [clientHello],
    ]) {
      expect(parseRecord(broken), JSON.stringify(broken)).toHaveProperty('error');
    }
  });

  it('reads a handshake with headers as pairs or as an object', () => {
    const pairs = parseRecord({
      kind: 'handshake',
      request: { method: 'GET', path: '/echo?session=x', headers: [['Host', 'localhost'], ['Upgrade', 'websocket']] },
      response: { status: 101, statusText: 'Switching Protocols', headers: [['Upgrade', 'websocket']] },
    });
    expect(pairs).toEqual({
      record: {
        kind: 'handshake',
        request: { method: 'GET', path: '/echo?session=x', headers: [['Host', 'localhost'], ['Upgrade', 'websocket']] },
        response: { status: 101, statusText: 'Switching Protocols', headers: [['Upgrade', 'websocket']] },
      },
    });
    const object = parseRecord({
      kind: 'handshake',
      request: { method: 'GET', path: '/echo', headers: { host: 'localhost', 'sec-websocket-extensions': ['a', 'b'] } },
      response: { status: 101, headers: { upgrade: 'websocket' } },
    });
    expect(object).toMatchObject({
      record: { request: { headers: [['host', 'localhost'], ['sec-websocket-extensions', 'a'], ['sec-websocket-extensions', 'b']] } },
    });
  });

  it('rejects a malformed handshake', () => {
    const request = { method: 'GET', path: '/echo', headers: [] };
    const response = { status: 101, headers: [] };
    expect(parseRecord({ kind: 'handshake', request })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request, response: { ...response, status: 42 } })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request: { ...request, headers: [['Host']] }, response })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request: { ...request, headers: { host: 1 } }, response })).toHaveProperty('error');
  });

  it('reads a refused handshake: a non-101 status with the reason as its body', () => {
    const refusal = {
      kind: 'handshake',
      t: 5,
      request: { method: 'GET', path: '/echo?session=x', headers: [['Sec-WebSocket-Protocol', 'chat']] },
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: [['Connection', 'close'], ['Content-Type', 'text/plain; charset=utf-8']],
        body: 'Unsupported subprotocol: /echo speaks only echo, json\n',
      },
    };
    expect(parseRecord(refusal)).toEqual({ record: refusal });
    // Without a body (an older server) it is still a handshake record.
    const { body: _body, ...bare } = refusal.response;
    expect(parseRecord({ ...refusal, response: bare })).toEqual({ record: { ...refusal, response: bare } });
  });

  it('rejects a malformed body', () => {
    const request = { method: 'GET', path: '/echo', headers: [] };
    const response = { status: 400, headers: [] };
    expect(parseRecord({ kind: 'handshake', request, response: { ...response, body: 42 } })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request, response: { ...response, body: null } })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request, response: { ...response, body: 'x'.repeat(MAX_RESPONSE_BODY + 1) } })).toHaveProperty('error');
    expect(parseRecord({ kind: 'handshake', request, response: { status: 101, headers: [], body: 'frames?' } })).toHaveProperty('error');
  });

  it('reads a dropped record and rejects a meaningless one', () => {
    expect(parseRecord({ kind: 'dropped', count: 3 })).toEqual({ record: { kind: 'dropped', count: 3 } });
    expect(parseRecord({ kind: 'dropped', count: 0 })).toHaveProperty('error');
    expect(parseRecord({ kind: 'dropped' })).toHaveProperty('error');
  });
});

describe('parseRecordMessage', () => {
  it('reads one record or an array of them, and reports non-JSON', () => {
    expect(parseRecordMessage(JSON.stringify(serverHello))).toHaveLength(1);
    expect(parseRecordMessage(JSON.stringify([serverHello, clientHello]))).toHaveLength(2);
    expect(parseRecordMessage('{oops')).toEqual([{ error: 'not JSON' }]);
    expect(parseRecordMessage(new ArrayBuffer(2))).toEqual([{ error: expect.any(String) }]);
  });
});

describe('frameRecordBytes', () => {
  it('gives the header, payload and key as bytes', () => {
    const { header, payload, maskKey } = frameRecordBytes(clientHello as FrameRecord);
    expect([...header]).toEqual([0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d]);
    expect(new TextDecoder().decode(payload)).toBe('Hello');
    expect([...maskKey!]).toEqual([0x37, 0xfa, 0x21, 0x3d]);
  });
});
