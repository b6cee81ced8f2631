// Frames, grouped like the Autobahn suite's cases 1–6: framing, pings, reserved bits, opcodes,
// fragmentation, UTF-8. Raw bytes go in; the exact close code comes out; a control client still echoes.
import { describe, expect, test } from 'vitest';
import { expectControlEcho, open, nextMessage, sharedServer } from './helpers.ts';
import { frame, RawClient } from './raw.ts';

const server = sharedServer({ MESSAGES_PER_SECOND: '0', HEARTBEAT_MS: '5000' });

async function raw(path = '/echo'): Promise<RawClient> {
  return RawClient.connect(server.port, path);
}

/** Sends the bytes and expects the server to close with `code`, then a control client to echo. */
async function expectClose(bytes: Buffer | Buffer[], code: number, path = '/echo'): Promise<void> {
  const client = await raw(path);
  for (const chunk of Array.isArray(bytes) ? bytes : [bytes]) client.send(chunk);
  const closed = await client.serverClose();
  expect(closed.code).toBe(code);
  await expectControlEcho(server);
}

describe('1 · framing', () => {
  test.each([0, 1, 125, 126, 127, 65535, 65536])('a %i-byte text message comes back whole', async (size) => {
    const client = await raw();
    const payload = Buffer.alloc(size, 0x2a);
    client.send(frame({ opcode: 1, payload }));
    const echoed = await client.message();
    expect(echoed.opcode).toBe(1);
    expect(echoed.payload.equals(payload)).toBe(true);
    client.destroy();
  });

  test('binary stays binary, text stays text (ws client)', async () => {
    const ws = await open(server.url('/echo'));
    let reply = nextMessage(ws);
    ws.send(Uint8Array.of(0, 255, 1));
    expect(await reply).toMatchObject({ isBinary: true, data: Buffer.from([0, 255, 1]) });
    reply = nextMessage(ws);
    ws.send('xin chào');
    expect(await reply).toMatchObject({ isBinary: false, text: 'xin chào' });
    ws.close();
  });

  test('a frame split into 1-byte TCP writes is still one message', async () => {
    const client = await raw();
    client.socket.setNoDelay(true);
    for (const byte of frame({ opcode: 1, payload: 'Hello' })) {
      client.send(Buffer.of(byte));
      await new Promise((r) => setImmediate(r));
    }
    expect((await client.message()).payload.toString()).toBe('Hello');
    client.destroy();
  });

  test('an unmasked client frame → 1002', async () => {
    await expectClose(frame({ opcode: 1, payload: 'Hello', masked: false }), 1002);
  });
});

describe('2 · pings and pongs', () => {
  test('a ping with a 125-byte payload gets a pong with the same payload', async () => {
    const client = await raw();
    const payload = Buffer.alloc(125, 0x61);
    client.send(frame({ opcode: 9, payload }));
    await expect.poll(() => client.frames().find((f) => f.opcode === 10)?.payload.equals(payload)).toBe(true);
    client.destroy();
  });

  test('an unsolicited pong is ignored', async () => {
    const client = await raw();
    client.send(frame({ opcode: 10, payload: 'unasked' }));
    client.send(frame({ opcode: 1, payload: 'still here' }));
    expect((await client.message()).payload.toString()).toBe('still here');
    client.destroy();
  });

  test('a ping with a 126-byte payload (control frames allow 125) → 1002', async () => {
    await expectClose(frame({ opcode: 9, payload: Buffer.alloc(126) }), 1002);
  });

  test('a fragmented ping (FIN clear on a control frame) → 1002', async () => {
    await expectClose(frame({ opcode: 9, fin: false, payload: 'a' }), 1002);
  });

  test('a fragmented close → 1002', async () => {
    await expectClose(frame({ opcode: 8, fin: false, payload: Buffer.from([0x03, 0xe8]) }), 1002);
  });
});

describe('3 · reserved bits', () => {
  test.each([
    ['RSV1', 0x40],
    ['RSV2', 0x20],
    ['RSV3', 0x10],
    ['all three', 0x70],
  ])('%s set without a negotiated extension → 1002', async (_name, rsv) => {
    await expectClose(frame({ opcode: 1, rsv, payload: 'Hello' }), 1002);
  });

  test('RSV1 on a control frame, even with permessage-deflate → 1002', async () => {
    const client = await RawClient.connect(server.port, '/echo-deflate', 'Sec-WebSocket-Extensions: permessage-deflate\r\n');
    client.send(frame({ opcode: 9, rsv: 0x40 }));
    expect((await client.serverClose()).code).toBe(1002);
    await expectControlEcho(server);
  });

  test('RSV2 on /echo-deflate → 1002', async () => {
    const client = await RawClient.connect(server.port, '/echo-deflate', 'Sec-WebSocket-Extensions: permessage-deflate\r\n');
    client.send(frame({ opcode: 1, rsv: 0x20, payload: 'Hello' }));
    expect((await client.serverClose()).code).toBe(1002);
    await expectControlEcho(server);
  });
});

describe('4 · opcodes', () => {
  test.each([3, 4, 5, 6, 7, 11, 12, 13, 14, 15])('reserved opcode %i → 1002', async (opcode) => {
    await expectClose(frame({ opcode, payload: 'Hello' }), 1002);
  });
});

describe('5 · fragmentation', () => {
  test('a text message in three fragments with a ping between them', async () => {
    const client = await raw();
    client.send(frame({ opcode: 1, fin: false, payload: 'Hel' }));
    client.send(frame({ opcode: 9, payload: 'mid' }));
    client.send(frame({ opcode: 0, fin: false, payload: 'l' }));
    client.send(frame({ opcode: 0, payload: 'o' }));
    const echoed = await client.message();
    expect(echoed.payload.toString()).toBe('Hello');
    expect(client.frames().some((f) => f.opcode === 10 && f.payload.toString() === 'mid')).toBe(true);
    client.destroy();
  });

  test('a continuation frame with nothing to continue → 1002', async () => {
    await expectClose(frame({ opcode: 0, payload: 'orphan' }), 1002);
  });

  test('a new text frame while a fragmented message is open → 1002', async () => {
    await expectClose([frame({ opcode: 1, fin: false, payload: 'a' }), frame({ opcode: 1, payload: 'b' })], 1002);
  });

  test('1000 one-byte fragments (within the limit) arrive as one message', async () => {
    const client = await raw();
    const parts = [frame({ opcode: 2, fin: false, payload: Buffer.of(0) })];
    for (let i = 1; i < 999; i++) parts.push(frame({ opcode: 0, fin: false, payload: Buffer.of(i & 0xff) }));
    parts.push(frame({ opcode: 0, payload: Buffer.of(999 & 0xff) }));
    client.send(Buffer.concat(parts));
    const echoed = await client.message();
    expect(echoed.opcode).toBe(2);
    expect(echoed.payload.length).toBe(1000);
    expect(echoed.payload[999]).toBe(999 & 0xff);
    client.destroy();
  });

  test('thousands of empty fragments → 1008 (too many fragments)', async () => {
    const parts = [frame({ opcode: 1, fin: false })];
    for (let i = 0; i < 5000; i++) parts.push(frame({ opcode: 0, fin: false }));
    await expectClose(Buffer.concat(parts), 1008);
  });

  test('thousands of tiny fragments → 1008', async () => {
    const parts = [frame({ opcode: 2, fin: false, payload: 'x' })];
    for (let i = 0; i < 3000; i++) parts.push(frame({ opcode: 0, fin: false, payload: 'x' }));
    await expectClose(Buffer.concat(parts), 1008);
  });
});

describe('6 · UTF-8', () => {
  test('invalid UTF-8 in one text frame → 1007', async () => {
    await expectClose(frame({ opcode: 1, payload: Buffer.from([0x63, 0x61, 0x66, 0xc3, 0x28]) }), 1007);
  });

  test('an overlong encoding (C0 80) → 1007', async () => {
    await expectClose(frame({ opcode: 1, payload: Buffer.from([0xc0, 0x80]) }), 1007);
  });

  test('an encoded UTF-16 surrogate (ED A0 80) → 1007', async () => {
    await expectClose(frame({ opcode: 1, payload: Buffer.from([0xed, 0xa0, 0x80]) }), 1007);
  });

  test('invalid UTF-8 split across fragments → 1007', async () => {
    await expectClose(
      [
        frame({ opcode: 1, fin: false, payload: Buffer.from('xin ch') }),
        frame({ opcode: 0, fin: false, payload: Buffer.from([0xc3]) }),
        frame({ opcode: 0, payload: Buffer.from([0x28]) }),
      ],
      1007,
    );
  });

  test('a valid character split across fragments is fine', async () => {
    const client = await raw();
    const bytes = Buffer.from('chào');
    client.send(frame({ opcode: 1, fin: false, payload: bytes.subarray(0, 3) })); // splits à (c3 a0)
    client.send(frame({ opcode: 0, payload: bytes.subarray(3) }));
    expect((await client.message()).payload.toString()).toBe('chào');
    client.destroy();
  });

  test('binary messages are not checked for UTF-8', async () => {
    const client = await raw();
    client.send(frame({ opcode: 2, payload: Buffer.from([0xff, 0xfe]) }));
    expect([...(await client.message()).payload]).toEqual([0xff, 0xfe]);
    client.destroy();
  });
});
