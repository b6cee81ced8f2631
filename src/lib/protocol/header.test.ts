import { describe, expect, it } from 'vitest';
import type { HeaderFieldName } from './header.ts';
import { HEADER_FIELD_INFO, describeHeader } from './header.ts';
import { hex } from './testing.ts';
import { bilingual } from './bilingual.ts';

const layout = (text: string) =>
  describeHeader(hex(text)).fields.map((f) => [f.name, f.bitStart, f.bitLength, f.byteStart, f.byteEnd, f.value]);

describe('describeHeader lays fields out as RFC 6455 §5.2 draws them', () => {
  it('describes the masked "Hello" header bit by bit', () => {
    expect(layout('81 85 37 fa 21 3d 7f 9f 4d 51 58')).toEqual([
      ['FIN', 0, 1, 0, 1, 1],
      ['RSV1', 1, 1, 0, 1, 0],
      ['RSV2', 2, 1, 0, 1, 0],
      ['RSV3', 3, 1, 0, 1, 0],
      ['opcode', 4, 4, 0, 1, 1],
      ['MASK', 8, 1, 1, 2, 1],
      ['payloadLength', 9, 7, 1, 2, 5],
      ['maskingKey', 16, 32, 2, 6, 0x37fa213d],
    ]);
    const description = describeHeader(hex('81 85 37 fa 21 3d 7f 9f 4d 51 58'));
    expect(description.headerLength).toBe(6);
    expect(description.complete).toBe(true);
    expect(description.payloadLength).toBe(5);
  });

  it('gives each field its bits, most significant first', () => {
    const bits = describeHeader(hex('81 85 37 fa 21 3d')).fields.map((f) => f.bits);
    expect(bits).toEqual(['1', '0', '0', '0', '0001', '1', '0000101', '00110111111110100010000100111101']);
  });

  it('places a 16-bit extended length after the first two bytes', () => {
    expect(layout('82 7e 01 00').slice(5)).toEqual([
      ['MASK', 8, 1, 1, 2, 0],
      ['payloadLength', 9, 7, 1, 2, 126],
      ['extendedPayloadLength16', 16, 16, 2, 4, 256],
    ]);
    expect(describeHeader(hex('82 7e 01 00')).payloadLength).toBe(256);
  });

  it('places the masking key after a 64-bit extended length', () => {
    expect(layout('82 ff 00 00 00 00 00 01 00 00 01 02 03 04').slice(7)).toEqual([
      ['extendedPayloadLength64', 16, 64, 2, 10, 65536],
      ['maskingKey', 80, 32, 10, 14, 0x01020304],
    ]);
    expect(describeHeader(hex('82 ff 00 00 00 00 00 01 00 00 01 02 03 04')).headerLength).toBe(14);
  });

  it('describes what it has of a header that stops short', () => {
    expect(describeHeader(new Uint8Array(0))).toEqual({
      fields: [],
      headerLength: 2,
      complete: false,
      payloadLength: null,
    });
    expect(describeHeader(hex('81')).fields.map((f) => f.name)).toEqual(['FIN', 'RSV1', 'RSV2', 'RSV3', 'opcode']);
    const cut = describeHeader(hex('81 fe 00'));
    expect([cut.headerLength, cut.complete, cut.payloadLength, cut.fields.length]).toEqual([8, false, null, 7]);
    const noKey = describeHeader(hex('81 85 37'));
    expect([noKey.headerLength, noKey.complete, noKey.payloadLength]).toEqual([6, false, 5]);
  });

  it('describes headers that break the rules without judging them', () => {
    const opcode = describeHeader(hex('83 00')).fields.find((f) => f.name === 'opcode');
    expect(opcode?.value).toBe(3);
    expect(bilingual(opcode!.meaning).en).toBe('0x3: Reserved (0x3).');
  });

  it('explains each value in both languages', () => {
    const meanings = describeHeader(hex('01 fe 01 00 37 fa 21 3d')).fields.map((f) => [
      f.name,
      bilingual(f.meaning).en,
      bilingual(f.meaning).vi,
    ]);
    expect(meanings).toEqual([
      ['FIN', '0: more fragments of this message follow.', '0: tin nhắn này còn mảnh tiếp theo.'],
      ['RSV1', '0: no extension meaning.', '0: không mang ý nghĩa mở rộng nào.'],
      ['RSV2', '0: as required.', '0: đúng như quy định.'],
      ['RSV3', '0: as required.', '0: đúng như quy định.'],
      ['opcode', '0x1: Text.', '0x1: Text (văn bản).'],
      [
        'MASK',
        '1: the payload is masked with the key in this header (client → server).',
        '1: payload được áp mặt nạ bằng khoá trong header này (client → server).',
      ],
      ['payloadLength', '126: the length is in the next 16 bits.', '126: độ dài nằm trong 16 bit tiếp theo.'],
      ['extendedPayloadLength16', 'The payload is 256 bytes.', 'Payload dài 256 byte.'],
      [
        'maskingKey',
        'Key 37 fa 21 3d: payload byte i is XORed with key byte i mod 4.',
        'Khoá 37 fa 21 3d: byte thứ i của payload được XOR với byte thứ (i mod 4) của khoá.',
      ],
    ]);
  });

  it('points out a 64-bit length whose top bit is set', () => {
    const field = describeHeader(hex('82 7f 80 00 00 00 00 00 00 00')).fields.at(-1);
    expect(field?.name).toBe('extendedPayloadLength64');
    expect(bilingual(field!.meaning).en).toContain('forbids');
  });
});

describe('HEADER_FIELD_INFO', () => {
  it('explains every field in both languages, with its rule', () => {
    const names: HeaderFieldName[] = [
      'FIN',
      'RSV1',
      'RSV2',
      'RSV3',
      'opcode',
      'MASK',
      'payloadLength',
      'extendedPayloadLength16',
      'extendedPayloadLength64',
      'maskingKey',
    ];
    expect(Object.keys(HEADER_FIELD_INFO).sort()).toEqual([...names].sort());
    for (const name of names) {
      const info = HEADER_FIELD_INFO[name];
      expect(info.rule).toMatch(/^RFC \d+ §/);
      const about = bilingual(info.about);
      expect(about.en).not.toBe(about.vi);
      expect(about.vi.length).toBeGreaterThan(20);
    }
  });
});
