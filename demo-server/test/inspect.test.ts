// The tap and /inspect: records exactly as docs/DEMO-SERVER.md specifies, in either connection order, bounded, and
// never shown to another session's inspector.
import { Socket } from 'node:net';
import { describe, expect, test, vi } from 'vitest';
import type WebSocket from 'ws';
import { parseRecordMessage } from '../../src/lib/inspect/records.ts';
import { computeAccept } from '../../src/lib/protocol/index.ts';
import { INSPECTOR_SKIP_BYTES, SESSION_IDLE_MS, SESSION_MAX_RECORDS } from '../limits.ts';
import { SessionStore } from '../inspect/sessions.ts';
import { TapDirection } from '../inspect/tap.ts';
import type { Client } from '../client.ts';
import { closed, delay, eventually, expectControlEcho, nextJson, nextMessage, open, refusal, sharedServer } from './helpers.ts';
import { frame, RawClient } from './raw.ts';

const server = sharedServer({ MESSAGES_PER_SECOND: '0', HEARTBEAT_MS: '5000' });

let counter = 0;
function sessionId(): string {
  return (++counter).toString(16).padStart(32, 'a');
}

/** Collects every record an inspector receives. */
function recorder(ws: WebSocket): any[] {
  const records: any[] = [];
  ws.on('message', (data: Buffer) => records.push(JSON.parse(data.toString())));
  return records;
}

/** A new session's inspector, opened before anything it watches, and the records it receives. */
async function inspectNew(): Promise<{ id: string; inspector: WebSocket; records: any[] }> {
  const id = sessionId();
  const inspector = await open(server.url(`/inspect?session=${id}`));
  return { id, inspector, records: recorder(inspector) };
}

const frameKeys = ['kind', 'dir', 't', 'fin', 'rsv', 'opcode', 'masked', 'maskKey', 'length', 'headerHex', 'payloadHex', 'text'];

async function echoOnce(ws: WebSocket, text: string): Promise<void> {
  const reply = nextMessage(ws);
  ws.send(text);
  expect((await reply).text).toBe(text);
}

describe('records', () => {
  test('inspector first: the handshake, then each frame both ways, exactly as docs/DEMO-SERVER.md lays them out', async () => {
    const { id, inspector, records } = await inspectNew();
    const ws = await open(server.url(`/echo?session=${id}`), ['json']);
    await echoOnce(ws, 'Hello');
    await eventually(() => records.length >= 3);

    const [handshake, sent, echoed] = records;
    expect(handshake).toMatchObject({ kind: 'handshake', request: { method: 'GET', path: `/echo?session=${id}` } });
    const requestHeaders = new Map((handshake.request.headers as [string, string][]).map(([k, v]) => [k.toLowerCase(), v]));
    const responseHeaders = new Map((handshake.response.headers as [string, string][]).map(([k, v]) => [k.toLowerCase(), v]));
    expect(handshake.response).toMatchObject({ status: 101, statusText: 'Switching Protocols' });
    expect(responseHeaders.get('sec-websocket-accept')).toBe(await computeAccept(requestHeaders.get('sec-websocket-key')!));
    expect(responseHeaders.get('sec-websocket-protocol')).toBe('json');

    expect(Object.keys(sent)).toEqual(frameKeys);
    expect(sent).toMatchObject({
      kind: 'frame',
      dir: 'client',
      fin: true,
      rsv: [false, false, false],
      opcode: 1,
      masked: true,
      length: 5,
      payloadHex: '48656c6c6f',
      text: 'Hello',
    });
    expect(sent.maskKey).toMatch(/^[0-9a-f]{8}$/);
    expect(sent.headerHex).toBe(`8185${sent.maskKey}`);
    expect(Object.keys(echoed)).toEqual(frameKeys);
    expect(echoed).toMatchObject({ dir: 'server', masked: false, maskKey: null, headerHex: '8105', payloadHex: '48656c6c6f', text: 'Hello' });
    expect(echoed.t).toBeGreaterThanOrEqual(sent.t);

    const done = closed(ws);
    ws.close(1000, 'bye');
    await done;
    await eventually(() => records.filter((r) => r.opcode === 8).length === 2);
    const [clientClose, serverClose] = records.filter((r) => r.opcode === 8);
    expect(clientClose).toMatchObject({ dir: 'client', length: 5, payloadHex: '03e8627965' });
    expect(serverClose).toMatchObject({ dir: 'server', length: 5, payloadHex: '03e8627965' });
    inspector.close();
  });

  test('inspector second: what the connection did before is waiting for it', async () => {
    const id = sessionId();
    const ws = await open(server.url(`/echo?session=${id}`));
    await echoOnce(ws, 'early');
    const inspector = await open(server.url(`/inspect?session=${id}`));
    const records = await nextJson(inspector, 3);
    expect(records.map((r) => [r.kind, r.dir, r.text])).toEqual([
      ['handshake', undefined, undefined],
      ['frame', 'client', 'early'],
      ['frame', 'server', 'early'],
    ]);
    ws.close();
    inspector.close();
  });

  test('payloads are cut to their first 256 bytes; length still says the whole', async () => {
    const { id, inspector, records } = await inspectNew();
    const ws = await open(server.url(`/echo?session=${id}`));
    await echoOnce(ws, 'x'.repeat(1000));
    await eventually(() => records.length >= 3);
    expect(records[1]).toMatchObject({ length: 1000, text: null });
    expect(records[1].payloadHex).toBe('78'.repeat(256));
    expect(records[1].headerHex.slice(0, 8)).toBe('81fe03e8');
    ws.close();
    inspector.close();
  });

  test('?fragment=3 shows three server frames; /echo-deflate shows RSV1 and no text', async () => {
    const { id, inspector, records } = await inspectNew();
    const ws = await open(server.url(`/echo?fragment=3&session=${id}`));
    await echoOnce(ws, 'abcdef');
    await eventually(() => records.filter((r) => r.dir === 'server').length === 3);
    expect(records.filter((r) => r.dir === 'server').map((r) => [r.opcode, r.fin, r.text])).toEqual([
      [1, false, 'ab'],
      [0, false, 'cd'],
      [0, true, 'ef'],
    ]);
    ws.close();

    const { id: id2, inspector: inspector2, records: records2 } = await inspectNew();
    const deflated = await open(server.url(`/echo-deflate?session=${id2}`), [], { perMessageDeflate: true });
    await echoOnce(deflated, 'squeeze squeeze squeeze');
    await eventually(() => records2.some((r) => r.dir === 'server'));
    expect(records2.find((r) => r.dir === 'server')).toMatchObject({ rsv: [true, false, false], text: null });
    expect(records2[0].response.headers.some(([k]: [string]) => k === 'Sec-WebSocket-Extensions')).toBe(true);
    deflated.close();
    inspector.close();
    inspector2.close();
  });

  test('a broken server frame from /misbehave is shown as it was on the wire', async () => {
    const { id, inspector, records } = await inspectNew();
    const bad = await RawClient.connect(server.port, `/misbehave?fault=masked&session=${id}`);
    await eventually(() => records.filter((r) => r.dir === 'server').length === 2);
    expect(records.filter((r) => r.dir === 'server')[1]).toMatchObject({
      masked: true,
      maskKey: '37fa213d',
      headerHex: '818537fa213d',
      payloadHex: '48656c6c6f',
    });
    bad.destroy();
    inspector.close();
  });
  test('every record passes the site\'s own record parser (src/lib/inspect/records.ts)', async () => {
    const id = sessionId();
    const inspector = await open(server.url(`/inspect?session=${id}`));
    const raw: string[] = [];
    inspector.on('message', (data: Buffer) => raw.push(data.toString()));
    const ws = await open(server.url(`/echo?fragment=2&session=${id}`), ['echo']);
    await echoOnce(ws, 'chào 👋');
    ws.send(Buffer.from([0, 1, 2]));
    ws.ping('hi');
    await nextMessage(ws);
    const done = closed(ws);
    ws.close(3000, 'xong');
    await done;
    await eventually(() => raw.filter((r) => r.includes('"opcode":8')).length === 2);
    for (const record of raw) expect(parseRecordMessage(record), record).toEqual([{ record: expect.anything() }]);
    inspector.close();
  });
});

describe('a frame that breaks the rules is shown, with why it was refused', () => {
  /** A raw client on a tapped /echo, an inspector on the same session, and the records it gets. */
  async function tapped(path = '/echo') {
    const id = sessionId();
    const inspector = await open(server.url(`/inspect?session=${id}`));
    const raw: string[] = [];
    inspector.on('message', (data: Buffer) => raw.push(data.toString()));
    const client = await RawClient.connect(server.port, `${path}?session=${id}`);
    const records = () => raw.map((r) => JSON.parse(r));
    /** The server closes with `code`; then the tap's record of the client frame it refused. */
    const refused = async (code: number) => {
      expect((await client.serverClose()).code).toBe(code);
      await eventually(() => records().some((r) => r.dir === 'client'), 3000, 'the client record');
      return records().find((r) => r.dir === 'client');
    };
    return { inspector, client, raw, records, refused };
  }

  test('a reserved opcode from the client: its header, payload, error and the server’s close 1002', async () => {
    const { inspector, client, raw, records } = await tapped();
    client.send(frame({ opcode: 3, payload: 'Hello' }));
    expect((await client.serverClose()).code).toBe(1002);
    await eventually(() => records().some((r) => r.dir === 'server' && r.opcode === 8), 3000, 'the server close record');
    const [bad] = records().filter((r) => r.dir === 'client');
    expect(bad).toMatchObject({
      kind: 'frame',
      fin: true,
      opcode: 3,
      masked: true,
      maskKey: '37fa213d',
      length: 5,
      headerHex: '838537fa213d',
      payloadHex: '48656c6c6f',
      text: null,
      error: { code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002, rule: expect.stringContaining('RFC 6455') },
      close: { code: 1002, reason: '' },
    });
    // The refused frame comes before the server's answer, and the site's parser keeps all of it.
    const kinds = records().map((r) => [r.dir, r.opcode]);
    expect(kinds.slice(1)).toEqual([['client', 3], ['server', 8]]);
    for (const record of raw) expect(parseRecordMessage(record), record).toEqual([{ record: expect.anything() }]);
    expect(parseRecordMessage(raw[1]!)[0]).toMatchObject({ record: { error: { code: 'WS_ERR_INVALID_OPCODE' }, close: { code: 1002 } } });
    inspector.close();
  });

  test('an unmasked client frame is refused (1002) and shown as sent, MASK 0', async () => {
    const { inspector, client, refused } = await tapped();
    client.send(frame({ opcode: 1, payload: 'Hello', masked: false }));
    expect(await refused(1002)).toMatchObject({
      opcode: 1,
      masked: false,
      maskKey: null,
      headerHex: '8105',
      payloadHex: '48656c6c6f',
      error: { code: 'WS_ERR_EXPECTED_MASK', closeCode: 1002 },
      close: { code: 1002, reason: '' },
    });
    inspector.close();
  });

  test('a message declared longer than MAX_PAYLOAD: refused from its header alone, close 1009', async () => {
    const { inspector, client, refused } = await tapped();
    client.send(frame({ opcode: 2, payload: Buffer.from('abc'), declaredLength: 100_000 }));
    expect(await refused(1009)).toMatchObject({
      opcode: 2,
      length: 100_000,
      headerHex: `82ff${(100_000).toString(16).padStart(16, '0')}37fa213d`,
      payloadHex: '616263',
      error: { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', closeCode: 1009 },
      close: { code: 1009, reason: '' },
    });
    inspector.close();
  });

  test('a connection that ends inside the refused header: the bytes the server read, no key, and its close', async () => {
    const { inspector, client, records, refused } = await tapped();
    client.send(frame({ opcode: 0xb, payload: 'x' }).subarray(0, 2)); // reserved control opcode 0xB; no key yet
    expect(await refused(1002)).toMatchObject({
      opcode: 0xb,
      masked: true,
      maskKey: null,
      length: 1,
      headerHex: '8b81',
      payloadHex: '',
      error: { code: 'WS_ERR_INVALID_OPCODE' },
      close: { code: 1002, reason: '' },
    });
    expect(records().map((r) => [r.dir, r.opcode]).slice(1)).toEqual([['client', 0xb], ['server', 8]]);
    inspector.close();
  });

  test('the rest of a refused header (and payload) is read from later chunks, until the server answers', () => {
    const pushed: any[] = [];
    const session = { push: (record: string) => pushed.push(JSON.parse(record)) };
    const direction = new TapDirection('client', session, { expectMasked: true });
    const bad = frame({ opcode: 1, rsv: 0x10, payload: 'Hello' });
    for (let i = 0; i < bad.length; i++) direction.push(bad.subarray(i, i + 1)); // one byte per chunk
    expect(pushed).toEqual([]); // the server has not answered yet
    direction.answered({ code: 1002, reason: '' });
    expect(pushed).toEqual([
      expect.objectContaining({
        rsv: [false, false, true],
        headerHex: '918537fa213d',
        payloadHex: '48656c6c6f',
        error: expect.objectContaining({ code: 'WS_ERR_UNEXPECTED_RSV_2_3', field: 'RSV3' }),
        close: { code: 1002, reason: '' },
      }),
    ]);
    expect(direction.done).toBe(true);
    direction.push(frame({ opcode: 1, payload: 'after' }));
    expect(pushed).toHaveLength(1);
  });

  // Each fault's frame is refused with the rule a browser applies to it (and no `close`: that is for client frames).
  test.each([
    ['bad-opcode', { headerHex: '8305', payloadHex: '48656c6c6f', error: { code: 'WS_ERR_INVALID_OPCODE', closeCode: 1002 } }],
    ['masked', { headerHex: '818537fa213d', masked: true, error: { closeCode: 1002, field: 'MASK' } }],
    ['reserved-bit', { headerHex: 'c105', error: { closeCode: 1002, field: 'RSV1' } }],
    ['long-ping', { opcode: 9, length: 126, error: { closeCode: 1002 } }],
    ['bad-utf8', { opcode: 1, error: { closeCode: 1007 } }],
  ] as const)('a broken server frame from /misbehave?fault=%s is recorded as refused', async (fault, expected) => {
    const { id, inspector, records } = await inspectNew();
    const bad = await RawClient.connect(server.port, `/misbehave?fault=${fault}&session=${id}`);
    await eventually(() => records.some((r) => r.dir === 'server' && r.error !== undefined), 3000, 'the refused server frame');
    const fromServer = records.filter((r) => r.dir === 'server');
    // The announcement is an ordinary frame; the fault is the refused one, and the last.
    expect(fromServer.length).toBe(2);
    expect(fromServer[0]).not.toHaveProperty('error');
    expect(fromServer[1]).toMatchObject(expected);
    expect(fromServer[1]).not.toHaveProperty('close');
    bad.destroy();
    inspector.close();
  });

  test('the client direction stops after the refused frame: one record for it, nothing after', async () => {
    const { inspector, client, records } = await tapped();
    client.send(Buffer.concat([frame({ opcode: 1, payload: 'ok' }), frame({ opcode: 1, rsv: 0x20, payload: 'no' }), frame({ opcode: 1, payload: 'later' })]));
    await client.serverClose();
    await eventually(() => records().some((r) => r.dir === 'server' && r.opcode === 8), 3000, 'the server close record');
    await delay(50);
    const fromClient = records().filter((r) => r.dir === 'client');
    expect(fromClient.map((r) => [r.payloadHex, r.error?.code ?? null])).toEqual([
      ['6f6b', null],
      ['6e6f', 'WS_ERR_UNEXPECTED_RSV_2_3'],
    ]);
    inspector.close();
  });
});

describe('isolation', () => {
  test('one session sees nothing of another', async () => {
    const a = sessionId();
    const b = sessionId();
    const inspectA = await open(server.url(`/inspect?session=${a}`));
    const inspectB = await open(server.url(`/inspect?session=${b}`));
    const inspectNobody = await open(server.url(`/inspect?session=${sessionId()}`));
    const [recordsA, recordsB, recordsNobody] = [recorder(inspectA), recorder(inspectB), recorder(inspectNobody)];
    const wsA = await open(server.url(`/echo?session=${a}`));
    const wsB = await open(server.url(`/chat?nick=bravo&session=${b}`));
    const plain = await open(server.url('/echo'));
    await echoOnce(wsA, 'alpha-secret');
    await echoOnce(plain, 'untapped-secret');
    wsB.send(JSON.stringify({ type: 'message', text: 'bravo-secret' }));
    await eventually(() => recordsA.length >= 3 && recordsB.some((r) => r.text?.includes('bravo-secret') && r.dir === 'server'));
    await delay(50);

    const everything = (records: any[]) => JSON.stringify(records);
    const hex = (text: string) => Buffer.from(text).toString('hex');
    expect(everything(recordsA)).toContain('alpha-secret');
    expect(everything(recordsA)).not.toMatch(new RegExp(`bravo|${hex('bravo')}|untapped|${hex('untapped')}|${b}`));
    expect(everything(recordsB)).toContain('bravo-secret');
    expect(everything(recordsB)).not.toMatch(new RegExp(`alpha|${hex('alpha')}|untapped|${hex('untapped')}|${a}`));
    expect(recordsNobody).toEqual([]);
    for (const ws of [inspectA, inspectB, inspectNobody, wsA, wsB, plain]) ws.close();
  });

  test('an untapped connection pays nothing: no extra listener, socket.write untouched', async () => {
    const ws = await open(server.url('/echo'));
    await eventually(() => server.demo.stats().connections >= 1);
    const open_ = [...server.demo.clients()].filter((c) => c.readyState === 1 && c.endpoint.path === '/echo');
    expect(open_.length).toBeGreaterThan(0);
    for (const client of open_) {
      expect(client.socket.write).toBe(Socket.prototype.write);
      expect(client.socket.listenerCount('data')).toBe(1); // ws's own
    }
    ws.close();
  });

  test('a second inspector for the same session replaces the first', async () => {
    const id = sessionId();
    const first = await open(server.url(`/inspect?session=${id}`));
    const firstClosed = closed(first);
    const second = await open(server.url(`/inspect?session=${id}`));
    expect(await firstClosed).toEqual({ code: 1000, reason: 'Another inspector took over this session' });
    second.close();
  });
});

describe('a refused handshake', () => {
  const headersOf = (record: any) => new Map((record.response.headers as [string, string][]).map(([k, v]) => [k.toLowerCase(), v]));

  test('offering only unknown subprotocols: the inspector gets the request and the 400 the server wrote, with its reason', async () => {
    const { id, inspector, records } = await inspectNew();
    const refused = await refusal(server.url(`/echo?session=${id}`), ['chat', 'mqtt']);
    expect(refused.status).toBe(400);
    await eventually(() => records.length >= 1);
    await delay(30);
    expect(records).toHaveLength(1);
    const [handshake] = records;
    expect(handshake).toMatchObject({
      kind: 'handshake',
      request: { method: 'GET', path: `/echo?session=${id}` },
      response: { status: 400, statusText: 'Bad Request', body: `${refused.body.trim()}\n` },
    });
    expect(handshake.response.body).toMatch(/^Unsupported subprotocol: \/echo speaks only /);
    const requestHeaders = new Map((handshake.request.headers as [string, string][]).map(([k, v]) => [k.toLowerCase(), v]));
    expect(requestHeaders.get('sec-websocket-protocol')).toBe('chat,mqtt');
    const written = headersOf(handshake);
    expect(written.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(written.get('content-length')).toBe(String(Buffer.byteLength(handshake.response.body)));
    expect(written.has('sec-websocket-accept')).toBe(false);
    // The site's parser takes it, body and all.
    expect(parseRecordMessage(JSON.stringify(handshake))).toEqual([{ record: expect.objectContaining({ kind: 'handshake' }) }]);
    inspector.close();
  });

  test('the record waits for an inspector that attaches later, and carries extra headers (426 + Sec-WebSocket-Version)', async () => {
    const id = sessionId();
    const refused = await refusal(server.url(`/echo?session=${id}`), [], { protocolVersion: 8 });
    expect(refused.status).toBe(426);
    const inspector = await open(server.url(`/inspect?session=${id}`));
    const [handshake] = await nextJson(inspector);
    expect(handshake.response).toMatchObject({ status: 426, statusText: 'Upgrade Required' });
    expect(headersOf(handshake).get('sec-websocket-version')).toBe('13');
    expect(handshake.response.body).toMatch(/version 13/);
    inspector.close();
  });

  test('isolation: a refusal for one session reaches no other session\'s inspector', async () => {
    const a = sessionId();
    const b = sessionId();
    const inspectA = await open(server.url(`/inspect?session=${a}`));
    const inspectB = await open(server.url(`/inspect?session=${b}`));
    const [recordsA, recordsB] = [recorder(inspectA), recorder(inspectB)];
    await refusal(server.url(`/echo?session=${a}`), ['nope']);
    await eventually(() => recordsA.length >= 1);
    await delay(50);
    expect(recordsA[0].response.status).toBe(400);
    expect(recordsB).toEqual([]);
    inspectA.close();
    inspectB.close();
  });

  test('nothing is recorded without a session, with a malformed one, for an unknown path, or for /inspect itself', async () => {
    const { id, inspector, records } = await inspectNew();
    const before = server.demo.stats();
    expect((await refusal(server.url('/echo'), ['nope'])).status).toBe(400);
    expect((await refusal(server.url(`/echo?session=${id}x`), ['nope'])).status).toBe(400);
    expect((await refusal(server.url(`/nowhere?session=${id}`))).status).toBe(404);
    expect((await refusal(server.url(`/inspect?session=${id}`), ['nope'])).status).toBe(400);
    await delay(80);
    expect(records).toEqual([]);
    expect(server.demo.stats()).toMatchObject({ sessions: before.sessions });
    inspector.close();
  });
});

describe('bad sessions and bounds', () => {
  test.each(['', 'short', 'g'.repeat(32), 'a'.repeat(33), `${'a'.repeat(21)}=`])('session id "%s" → 400', async (id) => {
    for (const path of [`/inspect?session=${id}`, `/echo?session=${id}`]) {
      const refused = await refusal(server.url(path));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatch(/128-bit/);
    }
    await expectControlEcho(server);
  });

  test('base64url ids (22 characters) are accepted', async () => {
    (await open(server.url('/inspect?session=AbCdEfGhIjKlMnOpQrStU_'))).close();
  });

  test('without an inspector a session keeps its first records and counts the rest as dropped', async () => {
    const id = sessionId();
    const ws = await open(server.url(`/echo?session=${id}`));
    for (let i = 0; i < 300; i++) await echoOnce(ws, `m${i}`);
    const inspector = await open(server.url(`/inspect?session=${id}`));
    const records = await nextJson(inspector, SESSION_MAX_RECORDS + 1);
    expect(records[0].kind).toBe('handshake');
    expect(records[1]).toMatchObject({ dir: 'client', text: 'm0' });
    expect(records.at(-1)).toMatchObject({ kind: 'dropped', count: 1 + 600 - SESSION_MAX_RECORDS });
    ws.close();
    inspector.close();
  });

  test('an inspector that does not read misses records (counted), and the server queues only so much for it', async () => {
    const id = sessionId();
    const inspector = await RawClient.connect(server.port, `/inspect?session=${id}`);
    inspector.socket.pause();
    const ws = await open(server.url(`/echo?session=${id}`));
    const payload = 'p'.repeat(300);
    let echoed = 0;
    let sent = 0;
    ws.on('message', () => echoed++);
    const inspectorClient = findClient('/inspect');
    // Bursts of 4,000 messages (8,000 records of ~700 bytes) until the kernel's socket buffers, which
    // loopback autotuning can grow to several MiB, are full and the server has to queue for the inspector.
    await eventually(
      async () => {
        for (let i = 0; i < 4000; i++) ws.send(payload);
        sent += 4000;
        await eventually(() => echoed === sent, 10_000, 'every echo');
        return inspectorClient.bufferedAmount > 0 || sent >= 40_000;
      },
      30_000,
      'a full inspector socket',
    );
    expect(inspectorClient.bufferedAmount).toBeGreaterThan(0);
    expect(inspectorClient.bufferedAmount).toBeLessThan(INSPECTOR_SKIP_BYTES + 4096);
    inspector.socket.resume();
    // The next record after it catches up is preceded by the count of what it missed.
    // Several MiB are waiting for it: search the raw bytes (server frames are unmasked, a record is one frame)
    // rather than re-parsing every frame on each poll, which a loaded machine may not finish in time.
    await eventually(
      () => {
        ws.send('again');
        return inspector.received.includes('"kind":"dropped"');
      },
      15_000,
      'a dropped record',
    );
    ws.close();
    inspector.destroy();
    await expectControlEcho(server);
  }, 90_000); // its waits above add up to more than the default 20 s, which a loaded machine may need

  test('idle sessions are forgotten after SESSION_IDLE_MS', () => {
    vi.useFakeTimers();
    try {
      const store = new SessionStore(4);
      store.get('a'.repeat(32), 'k');
      store.sweep();
      expect(store.size).toBe(1);
      vi.advanceTimersByTime(SESSION_IDLE_MS + 1);
      store.sweep();
      expect(store.size).toBe(0);
      for (let i = 0; i < 4; i++) store.get(String(i).repeat(32), 'k');
      expect(store.refusal('f'.repeat(32), 'k')).toMatchObject({ status: 429 });
      expect(store.refusal('f'.repeat(32), 'other')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

/** The server-side Client of an endpoint (in-process server only). */
function findClient(path: string): Client {
  const found = [...server.demo.clients()].find((client) => client.endpoint.path === path);
  if (!found) throw new Error(`no client on ${path}`);
  return found;
}
