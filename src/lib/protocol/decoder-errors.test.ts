import { describe, expect, it } from 'vitest';
import type { FrameDecoderOptions } from './decoder.ts';
import type { ProtocolError } from './errors.ts';
import { FrameDecoder } from './decoder.ts';
import { encodeFrame } from './encoder.ts';
import { feed, hex, join, sequence } from './testing.ts';
import { bilingual } from './bilingual.ts';

/** Decodes hex one byte at a time, so every check is also proven across chunk boundaries. */
function errorOf(text: string | Uint8Array, options?: FrameDecoderOptions): ProtocolError | null {
  const bytes = typeof text === 'string' ? hex(text) : text;
  const bytewise = feed(new FrameDecoder(options), bytes, 1).error;
  const whole = new FrameDecoder(options).push(bytes).error;
  expect(bytewise).toEqual(whole);
  return whole;
}

function expectError(error: ProtocolError | null, code: string, closeCode: number, rule: string): void {
  expect(error).not.toBeNull();
  expect({ code: error?.code, closeCode: error?.closeCode, rule: error?.rule }).toEqual({ code, closeCode, rule });
}

const VIETNAMESE_LETTERS = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('reserved bits (RFC 6455 §5.2)', () => {
  it('reports 1002 if RSV1 is set and no extension was negotiated', () => {
    const error = errorOf('c1 00');
    expectError(error, 'WS_ERR_UNEXPECTED_RSV_1', 1002, 'RFC 6455 §5.2');
    expect(error?.field).toBe('RSV1');
  });

  it('reports 1002 if RSV2 is set', () => {
    const error = errorOf('a1 00');
    expectError(error, 'WS_ERR_UNEXPECTED_RSV_2_3', 1002, 'RFC 6455 §5.2');
    expect(error?.field).toBe('RSV2');
  });

  it('reports 1002 if RSV3 is set', () => {
    const error = errorOf('91 00');
    expectError(error, 'WS_ERR_UNEXPECTED_RSV_2_3', 1002, 'RFC 6455 §5.2');
    expect(error?.field).toBe('RSV3');
  });

  it('reports 1002 if RSV2 is set even when permessage-deflate allows RSV1', () => {
    expectError(errorOf('a1 00', { allowRsv1: true }), 'WS_ERR_UNEXPECTED_RSV_2_3', 1002, 'RFC 6455 §5.2');
  });

  it('reports 1002 if RSV1 is set on a control frame, even with permessage-deflate', () => {
    expectError(errorOf('c9 00', { allowRsv1: true }), 'WS_ERR_UNEXPECTED_RSV_1', 1002, 'RFC 7692 §6');
  });

  it('reports 1002 if RSV1 is set on a continuation frame, even with permessage-deflate', () => {
    expectError(errorOf('41 01 00 c0 01 00', { allowRsv1: true }), 'WS_ERR_UNEXPECTED_RSV_1', 1002, 'RFC 7692 §6');
  });
});

describe('opcodes (RFC 6455 §5.2)', () => {
  it.each([3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf])('reports 1002 for the reserved opcode 0x%s', (opcode) => {
    const error = errorOf(`8${opcode.toString(16)} 00`);
    expectError(error, 'WS_ERR_INVALID_OPCODE', 1002, 'RFC 6455 §5.2');
    expect(error?.field).toBe('opcode');
    expect(bilingual(error!.message).en).toContain(`0x${opcode.toString(16).toUpperCase()}`);
  });
});

describe('control frames (RFC 6455 §5.5)', () => {
  it.each([
    ['close', '08 00'],
    ['ping', '09 00'],
    ['pong', '0a 00'],
  ])('reports 1002 if a %s frame has FIN = 0', (_name, text) => {
    const error = errorOf(text);
    expectError(error, 'WS_ERR_EXPECTED_FIN', 1002, 'RFC 6455 §5.5');
    expect(error?.field).toBe('FIN');
  });

  it('reports 1002 if a control frame declares more than 125 bytes, before reading the length', () => {
    const decoder = new FrameDecoder();
    const { error } = decoder.push(hex('89 7e'));
    expectError(error, 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.5');
    expect(errorOf(join(hex('8a 7f 00 00 00 00 00 00 00 7e'), sequence(126)))?.code).toBe(
      'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH',
    );
  });

  it('accepts a control frame of exactly 125 bytes', () => {
    expect(errorOf(join(hex('89 7d'), sequence(125)))).toBeNull();
  });
});

describe('masking (RFC 6455 §5.1)', () => {
  it('reports 1002 if a client frame is not masked', () => {
    const error = errorOf('81 05 48 65 6c 6c 6f', { expectMasked: true });
    expectError(error, 'WS_ERR_EXPECTED_MASK', 1002, 'RFC 6455 §5.1');
    expect(error?.field).toBe('MASK');
  });

  it('reports 1002 if a server frame is masked', () => {
    const error = errorOf('81 85 37 fa 21 3d 7f 9f 4d 51 58', { expectMasked: false });
    expectError(error, 'WS_ERR_UNEXPECTED_MASK', 1002, 'RFC 6455 §5.1');
  });

  it('accepts either when the direction is not known', () => {
    expect(errorOf('81 05 48 65 6c 6c 6f 81 85 37 fa 21 3d 7f 9f 4d 51 58')).toBeNull();
  });
});

describe('fragmentation (RFC 6455 §5.4)', () => {
  it('reports 1002 for a continuation frame when no message is open', () => {
    expectError(errorOf('80 02 6c 6f'), 'WS_ERR_UNEXPECTED_CONTINUATION', 1002, 'RFC 6455 §5.4');
  });

  it('reports 1002 for a continuation after a message has ended', () => {
    expectError(errorOf('81 01 41 80 01 42'), 'WS_ERR_UNEXPECTED_CONTINUATION', 1002, 'RFC 6455 §5.4');
  });

  it.each([
    ['text', '81 02 6c 6f'],
    ['binary', '82 02 6c 6f'],
  ])('reports 1002 for a new %s frame while a fragmented message is open', (_name, next) => {
    expectError(errorOf(`01 03 48 65 6c ${next}`), 'WS_ERR_EXPECTED_CONTINUATION', 1002, 'RFC 6455 §5.4');
  });
});

describe('UTF-8 in text messages (RFC 6455 §8.1)', () => {
  it.each([
    ['a lone continuation byte', '81 01 80'],
    ['a lead byte followed by ASCII', '81 02 c3 28'],
    ['an overlong encoding of "/"', '81 02 c0 af'],
    ['an overlong 3-byte form', '81 03 e0 80 af'],
    ['a UTF-16 surrogate', '81 03 ed a0 80'],
    ['a code point above U+10FFFF', '81 04 f4 90 80 80'],
    ['the byte FF', '81 01 ff'],
  ])('reports 1007 for %s', (_name, text) => {
    const error = errorOf(text);
    expectError(error, 'WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1');
  });

  it('reports 1007 for a message that ends inside a character', () => {
    const error = errorOf('81 02 41 e2');
    expectError(error, 'WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1');
    expect(bilingual(error!.message).en).toContain('ends in the middle');
  });

  it('reports 1007 for invalid UTF-8 split across fragments', () => {
    // c3 opens a 2-byte character; the next fragment goes on with 28 "(", which cannot continue it.
    expectError(errorOf('01 02 41 c3 80 01 28'), 'WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1');
  });

  it('reports 1007 for a character left unfinished by the final fragment, with a ping in between', () => {
    expectError(errorOf('01 01 e2 89 00 80 01 82'), 'WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1');
  });

  it('reports 1007 for invalid UTF-8 in a masked frame, judged after unmasking', () => {
    const frame = encodeFrame({ opcode: 1, payload: hex('41 c3 28'), maskKey: hex('37 fa 21 3d') });
    expectError(errorOf(frame, { expectMasked: true }), 'WS_ERR_INVALID_UTF8', 1007, 'RFC 6455 §8.1');
  });

  it('reports the error at the first bad byte, before the rest of the payload arrives', () => {
    const decoder = new FrameDecoder();
    const { error } = decoder.push(hex('81 7e 03 e8 41 ff'));
    expect(error?.code).toBe('WS_ERR_INVALID_UTF8');
    expect(bilingual(error!.message).en).toContain('byte 1 of the message');
  });

  it('does not check binary messages', () => {
    expect(errorOf('82 02 c3 28')).toBeNull();
  });
});

describe('close frames (RFC 6455 §5.5.1, §7.4)', () => {
  it('reports 1002 for a close payload of 1 byte', () => {
    expectError(errorOf('88 01 03'), 'WS_ERR_INVALID_CLOSE_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.5.1');
  });

  it.each([0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535])('reports 1002 for close code %i', (code) => {
    const error = errorOf(join(hex('88 02'), new Uint8Array([code >> 8, code & 0xff])));
    expectError(error, 'WS_ERR_INVALID_CLOSE_CODE', 1002, 'RFC 6455 §7.4');
    expect(bilingual(error!.message).en).toContain(String(code));
  });

  it.each([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999])(
    'accepts close code %i',
    (code) => {
      expect(errorOf(join(hex('88 02'), new Uint8Array([code >> 8, code & 0xff])))).toBeNull();
    },
  );

  it('reports 1007 for a close reason that is not UTF-8', () => {
    expectError(errorOf('88 04 03 e8 c3 28'), 'WS_ERR_INVALID_CLOSE_REASON', 1007, 'RFC 6455 §5.5.1');
  });
});

describe('payload lengths', () => {
  it('reports 1002 if the most significant bit of a 64-bit length is set', () => {
    const error = errorOf('82 7f 80 00 00 00 00 00 00 05');
    expectError(error, 'WS_ERR_INVALID_PAYLOAD_LENGTH', 1002, 'RFC 6455 §5.2');
    expect(error?.field).toBe('extendedPayloadLength64');
  });

  it('reports 1009 for a length a JavaScript number cannot count exactly (2^53 and up)', () => {
    expectError(
      errorOf('82 7f 00 20 00 00 00 00 00 00'),
      'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH',
      1009,
      'RFC 6455 §7.4.1',
    );
  });

  it('reports 1009 when a frame declares more than maxPayload, before any payload is read', () => {
    const { error } = new FrameDecoder({ maxPayload: 100 }).push(hex('82 7e 00 65'));
    expectError(error, 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 1009, 'RFC 6455 §7.4.1');
    expect(error?.field).toBe('extendedPayloadLength16');
    expect(bilingual(error!.message).en).toContain('101 bytes');
  });

  it('reports 1009 when the fragments of a message add up to more than maxPayload', () => {
    const bytes = join(hex('02 03'), sequence(3), hex('00 03'), sequence(3), hex('80 02'));
    const error = errorOf(bytes, { maxPayload: 7 });
    expectError(error, 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 1009, 'RFC 6455 §7.4.1');
    expect(bilingual(error!.message).en).toContain('8 bytes');
  });
});

describe('after an error', () => {
  it('returns the frames decoded before it, then the error', () => {
    const { frames, error } = new FrameDecoder().push(hex('81 05 48 65 6c 6c 6f 83 00 81 00'));
    expect(frames.map((f) => f.text)).toEqual(['Hello']);
    expect(error?.code).toBe('WS_ERR_INVALID_OPCODE');
  });

  it('says where the offending frame starts and which header bytes it had', () => {
    const decoder = new FrameDecoder();
    decoder.push(hex('81 05 48 65'));
    const { error } = decoder.push(hex('6c 6c 6f 89 7e 00'));
    expect(error?.frameOffset).toBe(7);
    expect(error?.header).toEqual(hex('89 7e'));
  });

  it('stops: every later push returns the same error and no frames', () => {
    const decoder = new FrameDecoder();
    const first = decoder.push(hex('a1 00'));
    const later = decoder.push(hex('81 05 48 65 6c 6c 6f'));
    expect(later.frames).toEqual([]);
    expect(later.error).toBe(first.error);
    expect(decoder.error).toBe(first.error);
  });
});

describe('explanations', () => {
  const cases = [
    'c1 00',
    'a1 00',
    '83 00',
    '09 00',
    '89 7e',
    '80 00',
    '01 00 81 00',
    '81 01 ff',
    '88 01 00',
    '88 02 03 ed',
    '88 03 03 e8 ff',
    '82 7f 80 00 00 00 00 00 00 00',
    '82 7f 00 20 00 00 00 00 00 00',
  ];

  it.each(cases)('explains the error in %s in English and in Vietnamese', (text) => {
    const error = errorOf(text);
    expect(bilingual(error!.message).en.length).toBeGreaterThan(30);
    expect(bilingual(error!.message).vi).toMatch(VIETNAMESE_LETTERS);
    expect(bilingual(error!.message).vi).not.toBe(bilingual(error!.message).en);
  });
});
