import { describe, expect, it } from 'vitest';
import { encodeFrame } from './encoder.ts';
import { encodeClosePayload } from './closePayload.ts';
import { parseClosePayload } from './parseClose.ts';
import { FrameDecoder } from './decoder.ts';
import { toHex } from './hex.ts';
import { feed, hex, sequence } from './testing.ts';

const KEY = hex('37 fa 21 3d');

describe('RFC 6455 §5.7 examples, encoded byte for byte', () => {
  it('encodes a single-frame unmasked text message', () => {
    expect(toHex(encodeFrame({ opcode: 1, payload: 'Hello' }))).toBe('81 05 48 65 6c 6c 6f');
  });

  it('encodes a single-frame masked text message', () => {
    expect(toHex(encodeFrame({ opcode: 1, payload: 'Hello', maskKey: KEY }))).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
  });

  it('encodes a fragmented unmasked text message', () => {
    expect(toHex(encodeFrame({ fin: false, opcode: 1, payload: 'Hel' }))).toBe('01 03 48 65 6c');
    expect(toHex(encodeFrame({ opcode: 0, payload: 'lo' }))).toBe('80 02 6c 6f');
  });

  it('encodes an unmasked ping and a masked pong', () => {
    expect(toHex(encodeFrame({ opcode: 9, payload: 'Hello' }))).toBe('89 05 48 65 6c 6c 6f');
    expect(toHex(encodeFrame({ opcode: 10, payload: 'Hello', maskKey: KEY }))).toBe('8a 85 37 fa 21 3d 7f 9f 4d 51 58');
  });

  it('encodes 256 bytes of binary with a 16-bit length: 82 7E 0100', () => {
    const bytes = encodeFrame({ opcode: 2, payload: sequence(256) });
    expect(toHex(bytes.subarray(0, 4))).toBe('82 7e 01 00');
    expect(bytes.subarray(4)).toEqual(sequence(256));
  });

  it('encodes 64 KiB of binary with a 64-bit length: 82 7F 0000000000010000', () => {
    const bytes = encodeFrame({ opcode: 2, payload: sequence(65536) });
    expect(toHex(bytes.subarray(0, 10))).toBe('82 7f 00 00 00 00 00 01 00 00');
    expect(bytes.length).toBe(10 + 65536);
  });
});

describe('lengths', () => {
  it.each([
    [0, '81 00'],
    [125, '81 7d'],
    [126, '81 7e 00 7e'],
    [65535, '81 7e ff ff'],
    [65536, '81 7f 00 00 00 00 00 01 00 00'],
    [70000, '81 7f 00 00 00 00 00 01 11 70'],
  ])('uses the shortest encoding for %i bytes', (length, header) => {
    const bytes = encodeFrame({ opcode: 1, payload: new Uint8Array(length) });
    expect(toHex(bytes.subarray(0, hex(header).length))).toBe(header);
    expect(bytes.length).toBe(hex(header).length + length);
  });

  it('encodes a longer length form when asked, which receivers must accept', () => {
    expect(toHex(encodeFrame({ opcode: 1, payload: 'Hi', lengthBits: 16 }))).toBe('81 7e 00 02 48 69');
    expect(toHex(encodeFrame({ opcode: 1, payload: 'Hi', lengthBits: 64 }))).toBe(
      '81 7f 00 00 00 00 00 00 00 02 48 69',
    );
  });

  it('refuses a length form too short for the payload', () => {
    expect(() => encodeFrame({ opcode: 2, payload: new Uint8Array(126), lengthBits: 7 })).toThrow(RangeError);
  });
});

describe('header bits', () => {
  it('sets FIN, RSV1–3 and the opcode in the first byte', () => {
    expect(encodeFrame({ opcode: 2, payload: '', rsv: [true, false, true] })[0]).toBe(0xd2);
    expect(encodeFrame({ fin: false, opcode: 1, payload: '', rsv: [false, true, false] })[0]).toBe(0x21);
  });

  it('builds frames that break the rules, for the builder lab to show', () => {
    expect(toHex(encodeFrame({ fin: false, opcode: 9, payload: '' }))).toBe('09 00');
    expect(toHex(encodeFrame({ opcode: 3, payload: '' }))).toBe('83 00');
  });

  it('refuses what the header cannot express', () => {
    expect(() => encodeFrame({ opcode: 16, payload: '' })).toThrow(RangeError);
    expect(() => encodeFrame({ opcode: 1.5, payload: '' })).toThrow(RangeError);
    expect(() => encodeFrame({ opcode: 1, payload: '', maskKey: hex('01 02 03') })).toThrow(RangeError);
  });

  it('encodes strings as UTF-8', () => {
    expect(toHex(encodeFrame({ opcode: 1, payload: 'Chào' }))).toBe('81 05 43 68 c3 a0 6f');
  });

  it('does not change the payload it is given', () => {
    const payload = hex('48 65 6c 6c 6f');
    encodeFrame({ opcode: 2, payload, maskKey: KEY });
    expect(toHex(payload)).toBe('48 65 6c 6c 6f');
  });
});

describe('round trip: encode, then decode', () => {
  it.each([0, 1, 5, 125, 126, 1000, 65535, 65536, 70000])(
    'gives back a %i-byte payload, masked and unmasked',
    (length) => {
      const payload = sequence(length);
      for (const maskKey of [null, KEY]) {
        const bytes = encodeFrame({ opcode: 2, payload, maskKey });
        const { frames, error } = feed(new FrameDecoder(), bytes, length < 200 ? 1 : 1024);
        expect(error).toBeNull();
        expect(frames).toHaveLength(1);
        expect(frames[0].length).toBe(length);
        expect(frames[0].payload).toEqual(payload);
        expect(frames[0].maskKey).toEqual(maskKey);
        expect(frames[0].header).toEqual(bytes.subarray(0, bytes.length - length));
      }
    },
  );

  it('gives back text and the frame fields', () => {
    const bytes = encodeFrame({ fin: false, opcode: 1, payload: 'Tiếng Việt', maskKey: KEY });
    const [frame] = new FrameDecoder().push(bytes).frames;
    expect([frame.fin, frame.opcode, frame.masked, frame.text]).toEqual([false, 1, true, 'Tiếng Việt']);
  });
});

describe('encodeClosePayload', () => {
  it('puts the code first, big-endian, then the reason in UTF-8', () => {
    expect(toHex(encodeClosePayload(1000))).toBe('03 e8');
    expect(toHex(encodeClosePayload(1001, 'bye'))).toBe('03 e9 62 79 65');
    expect(toHex(encodeClosePayload(4000, 'đi'))).toBe('0f a0 c4 91 69');
  });

  it('is empty without a code', () => {
    expect(encodeClosePayload()).toEqual(new Uint8Array(0));
    expect(encodeClosePayload(null)).toEqual(new Uint8Array(0));
  });

  it('round-trips through parseClosePayload', () => {
    expect(parseClosePayload(encodeClosePayload(3000, 'Tạm biệt'))).toEqual({
      close: { code: 3000, reason: 'Tạm biệt' },
      error: null,
    });
  });

  it('encodes codes that are invalid on the wire, so the builder can show them rejected', () => {
    expect(toHex(encodeClosePayload(1005))).toBe('03 ed');
    expect(parseClosePayload(encodeClosePayload(1005)).error?.code).toBe('WS_ERR_INVALID_CLOSE_CODE');
  });

  it('refuses what cannot be encoded', () => {
    expect(() => encodeClosePayload(null, 'reason without a code')).toThrow(TypeError);
    expect(() => encodeClosePayload(70000)).toThrow(RangeError);
    expect(() => encodeClosePayload(1000, 'x'.repeat(124))).toThrow(RangeError);
    expect(encodeClosePayload(1000, 'x'.repeat(123))).toHaveLength(125);
    // 62 × "ệ" is 186 bytes of UTF-8: the limit counts bytes, not characters.
    expect(() => encodeClosePayload(1000, 'ệ'.repeat(62))).toThrow(RangeError);
  });
});
