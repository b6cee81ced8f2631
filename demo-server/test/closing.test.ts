// Autobahn case 7: the closing handshake. Valid codes are echoed; bad codes, 1-byte payloads and
// invalid reasons are protocol errors; nothing is processed after a close.
import { describe, expect, test } from 'vitest';
import { expectControlEcho, sharedServer } from './helpers.ts';
import { closePayload, frame, RawClient } from './raw.ts';

const server = sharedServer({ HEARTBEAT_MS: '5000' });

async function closeWith(payload: Buffer): Promise<{ code: number | null; reason: string; payloadLength: number }> {
  const client = await RawClient.connect(server.port, '/echo');
  client.send(frame({ opcode: 8, payload }));
  const closed = await client.serverClose();
  const close = closed.frames.find((f) => f.opcode === 8);
  return { code: closed.code, reason: closed.reason, payloadLength: close?.payload.length ?? -1 };
}

describe('7 · close handling', () => {
  test('a close with 1000 and a reason is answered with the same code', async () => {
    expect(await closeWith(closePayload(1000, 'bye'))).toMatchObject({ code: 1000 });
    await expectControlEcho(server);
  });

  test('a close with no payload is answered with an empty close', async () => {
    expect(await closeWith(Buffer.alloc(0))).toMatchObject({ code: null, payloadLength: 0 });
    await expectControlEcho(server);
  });

  test('a 1-byte close payload → 1002', async () => {
    expect((await closeWith(Buffer.of(0x03))).code).toBe(1002);
    await expectControlEcho(server);
  });

  test.each([0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535])('close code %i → 1002', async (code) => {
    expect((await closeWith(closePayload(code))).code).toBe(1002);
    await expectControlEcho(server);
  });

  test.each([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999])(
    'valid close code %i is echoed',
    async (code) => {
      expect((await closeWith(closePayload(code))).code).toBe(code);
    },
  );

  test('a close reason that is not UTF-8 → 1007', async () => {
    const payload = Buffer.concat([closePayload(1000), Buffer.from([0xff, 0xfe])]);
    expect((await closeWith(payload)).code).toBe(1007);
    await expectControlEcho(server);
  });

  test('a close payload over 125 bytes → 1002', async () => {
    expect((await closeWith(closePayload(1000, 'x'.repeat(124)))).code).toBe(1002);
    await expectControlEcho(server);
  });

  test('data after the close frame is not echoed', async () => {
    const client = await RawClient.connect(server.port, '/echo');
    client.send(Buffer.concat([frame({ opcode: 8, payload: closePayload(1000) }), frame({ opcode: 1, payload: 'late' })]));
    const closed = await client.serverClose();
    expect(closed.code).toBe(1000);
    expect(closed.frames.some((f) => f.opcode === 1)).toBe(false);
  });
});
