// The frame header as the RFC draws it (§5.2): which bits each field occupies, what its value is, and what
// that value means. The bit-diagram views (FrameInspector, FrameBuilder) lay fields out from bitStart and
// bitLength and highlight bytes from byteStart/byteEnd; nothing here knows about the DOM.

import type { Bilingual } from './bilingual.ts';
import { formatNumber } from './bilingual.ts';
import { opcodeInfo } from './opcodes.ts';
import { toHex } from './hex.ts';

export type HeaderFieldName =
  | 'FIN'
  | 'RSV1'
  | 'RSV2'
  | 'RSV3'
  | 'opcode'
  | 'MASK'
  | 'payloadLength'
  | 'extendedPayloadLength16'
  | 'extendedPayloadLength64'
  | 'maskingKey';

export type HeaderFieldInfo = {
  /** The field's name as printed in the RFC's diagram. */
  label: string;
  rule: string;
} & Bilingual;

/** What each field is for, independent of any value. */
export const HEADER_FIELD_INFO: Readonly<Record<HeaderFieldName, HeaderFieldInfo>> = {
  FIN: {
    label: 'FIN',
    rule: 'RFC 6455 §5.2',
    en: 'Final fragment: 1 when this frame ends its message, 0 when more fragments follow.',
    vi: 'Mảnh cuối: bằng 1 khi khung này kết thúc thông điệp, bằng 0 khi còn mảnh tiếp theo.',
  },
  RSV1: {
    label: 'RSV1',
    rule: 'RFC 6455 §5.2, RFC 7692 §6',
    en: 'Reserved bit 1: must be 0 unless a negotiated extension gives it a meaning. permessage-deflate uses it to mark a compressed message.',
    vi: 'Bit dự trữ 1: phải bằng 0 trừ khi một tiện ích mở rộng đã thương lượng gán ý nghĩa cho nó. permessage-deflate dùng bit này để đánh dấu thông điệp đã nén.',
  },
  RSV2: {
    label: 'RSV2',
    rule: 'RFC 6455 §5.2',
    en: 'Reserved bit 2: must be 0 unless a negotiated extension gives it a meaning; no widely used extension does.',
    vi: 'Bit dự trữ 2: phải bằng 0 trừ khi một tiện ích mở rộng đã thương lượng gán ý nghĩa cho nó; hiện chưa có tiện ích phổ biến nào dùng bit này.',
  },
  RSV3: {
    label: 'RSV3',
    rule: 'RFC 6455 §5.2',
    en: 'Reserved bit 3: must be 0 unless a negotiated extension gives it a meaning; no widely used extension does.',
    vi: 'Bit dự trữ 3: phải bằng 0 trừ khi một tiện ích mở rộng đã thương lượng gán ý nghĩa cho nó; hiện chưa có tiện ích phổ biến nào dùng bit này.',
  },
  opcode: {
    label: 'opcode',
    rule: 'RFC 6455 §5.2',
    en: 'What the frame carries: 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong. The other values are reserved.',
    vi: 'Khung mang gì: 0 là tiếp nối, 1 là text, 2 là binary, 8 là close, 9 là ping, 10 là pong. Các giá trị còn lại được dành riêng.',
  },
  MASK: {
    label: 'MASK',
    rule: 'RFC 6455 §5.2, §5.1',
    en: '1 when the payload is masked with the 4-byte key in the header. Frames from client to server are always masked; frames from server to client never are.',
    vi: 'Bằng 1 khi payload được áp mặt nạ bằng khoá 4 byte trong header. Khung từ client gửi lên server luôn có mặt nạ; khung từ server gửi xuống thì không bao giờ.',
  },
  payloadLength: {
    label: 'Payload len',
    rule: 'RFC 6455 §5.2',
    en: 'Payload length in 7 bits: 0–125 is the length itself; 126 means the length is in the next 16 bits; 127 means it is in the next 64 bits.',
    vi: 'Độ dài payload trong 7 bit: từ 0 đến 125 là chính độ dài; 126 nghĩa là độ dài nằm trong 16 bit tiếp theo; 127 nghĩa là nằm trong 64 bit tiếp theo.',
  },
  extendedPayloadLength16: {
    label: 'Extended payload length',
    rule: 'RFC 6455 §5.2',
    en: 'The payload length as a 16-bit unsigned number, most significant byte first: used for 126 to 65,535 bytes.',
    vi: 'Độ dài payload dạng số không dấu 16 bit, byte cao đứng trước: dùng cho payload từ 126 đến 65.535 byte.',
  },
  extendedPayloadLength64: {
    label: 'Extended payload length',
    rule: 'RFC 6455 §5.2',
    en: 'The payload length as a 64-bit unsigned number, most significant byte first: used from 65,536 bytes up. Its top bit must be 0.',
    vi: 'Độ dài payload dạng số không dấu 64 bit, byte cao đứng trước: dùng cho payload từ 65.536 byte trở lên. Bit cao nhất của nó phải bằng 0.',
  },
  maskingKey: {
    label: 'Masking-key',
    rule: 'RFC 6455 §5.3',
    en: 'Four random bytes the client picks for every frame. Payload byte i is XORed with key byte i mod 4, so a proxy cannot be tricked by predictable bytes.',
    vi: 'Bốn byte ngẫu nhiên mà client chọn cho từng khung. Byte thứ i của payload được XOR với byte thứ (i mod 4) của khoá, để proxy không bị đánh lừa bởi những byte đoán trước được.',
  },
};

export type HeaderField = {
  name: HeaderFieldName;
  /** As printed in the RFC's diagram. */
  label: string;
  /** 0 is the most significant bit of the frame's first byte, as the RFC numbers its diagram. */
  bitStart: number;
  bitLength: number;
  /** The bytes the field touches, end exclusive: what to highlight in a hex view. */
  byteStart: number;
  byteEnd: number;
  /** The field read as an unsigned number (exact up to 2^53; the masking key reads as a 32-bit number). */
  value: number;
  /** The field's bits, most significant first, e.g. '0001' for opcode 1. */
  bits: string;
  /** What this value means here. */
  meaning: Bilingual;
};

export type HeaderDescription = {
  /** The fields whose bits are all present, in wire order. */
  fields: HeaderField[];
  /** How many bytes the whole header takes (2 until the second byte says more). */
  headerLength: number;
  /** True when `bytes` held the whole header. */
  complete: boolean;
  /** The payload length the header declares, once known. */
  payloadLength: number | null;
};

function readBits(bytes: Uint8Array, bitStart: number, bitLength: number): { value: number; bits: string } {
  let value = 0;
  let bits = '';
  for (let i = bitStart; i < bitStart + bitLength; i++) {
    const bit = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
    value = value * 2 + bit; // not <<: that would wrap at 32 bits
    bits += bit;
  }
  return { value, bits };
}

const bytesEn = (n: number): string => `${formatNumber(n).en} ${n === 1 ? 'byte' : 'bytes'}`;

function meaningOf(name: HeaderFieldName, value: number, bytes: Uint8Array, byteStart: number): Bilingual {
  switch (name) {
    case 'FIN':
      return value === 1
        ? { en: '1: this frame ends its message.', vi: '1: khung này kết thúc thông điệp.' }
        : { en: '0: more fragments of this message follow.', vi: '0: thông điệp này còn mảnh tiếp theo.' };
    case 'RSV1':
      return value === 1
        ? {
            en: '1: only valid with an extension such as permessage-deflate, where it marks a compressed message.',
            vi: '1: chỉ hợp lệ khi có tiện ích mở rộng như permessage-deflate, nơi nó đánh dấu thông điệp đã nén.',
          }
        : { en: '0: no extension meaning.', vi: '0: không mang ý nghĩa mở rộng nào.' };
    case 'RSV2':
    case 'RSV3':
      return value === 1
        ? {
            en: '1: no negotiated extension defines this bit, so the receiver fails the connection (1002).',
            vi: '1: không tiện ích mở rộng nào đã thương lượng định nghĩa bit này, nên bên nhận ngắt kết nối (1002).',
          }
        : { en: '0: as required.', vi: '0: đúng như quy định.' };
    case 'opcode': {
      const info = opcodeInfo(value);
      const hex = `0x${value.toString(16).toUpperCase()}`;
      return { en: `${hex}: ${info?.name ?? ''}.`, vi: `${hex}: ${info?.nameVi ?? ''}.` };
    }
    case 'MASK':
      return value === 1
        ? {
            en: '1: the payload is masked with the key in this header (client → server).',
            vi: '1: payload được áp mặt nạ bằng khoá trong header này (client → server).',
          }
        : {
            en: '0: the payload is sent as is (server → client).',
            vi: '0: payload được gửi nguyên dạng (server → client).',
          };
    case 'payloadLength':
      if (value === 126) {
        return { en: '126: the length is in the next 16 bits.', vi: '126: độ dài nằm trong 16 bit tiếp theo.' };
      }
      if (value === 127) {
        return { en: '127: the length is in the next 64 bits.', vi: '127: độ dài nằm trong 64 bit tiếp theo.' };
      }
      return {
        en: `${value}: the payload is ${bytesEn(value)}.`,
        vi: `${value}: payload dài ${value} byte.`,
      };
    case 'extendedPayloadLength16':
      return {
        en: `The payload is ${bytesEn(value)}.`,
        vi: `Payload dài ${formatNumber(value).vi} byte.`,
      };
    case 'extendedPayloadLength64':
      if (bytes[byteStart] & 0x80) {
        return {
          en: 'The most significant bit is set, which the RFC forbids: the receiver fails the connection (1002).',
          vi: 'Bit cao nhất đang bật, điều mà RFC cấm: bên nhận ngắt kết nối (1002).',
        };
      }
      return {
        en: `The payload is ${bytesEn(value)}.`,
        vi: `Payload dài ${formatNumber(value).vi} byte.`,
      };
    case 'maskingKey': {
      const key = toHex(bytes.subarray(byteStart, byteStart + 4));
      return {
        en: `Key ${key}: payload byte i is XORed with key byte i mod 4.`,
        vi: `Khoá ${key}: byte thứ i của payload được XOR với byte thứ (i mod 4) của khoá.`,
      };
    }
  }
}

/**
 * Describes as much of a frame header as `bytes` holds (the header may be followed by payload, or cut short
 * while the reader is still typing). It checks nothing: a header that breaks the rules is still described,
 * so a view can point at the offending field; FrameDecoder says what is wrong.
 */
export function describeHeader(bytes: Uint8Array): HeaderDescription {
  const fields: HeaderField[] = [];
  const add = (name: HeaderFieldName, bitStart: number, bitLength: number): number => {
    const { value, bits } = readBits(bytes, bitStart, bitLength);
    const byteStart = bitStart >> 3;
    fields.push({
      name,
      label: HEADER_FIELD_INFO[name].label,
      bitStart,
      bitLength,
      byteStart,
      byteEnd: (bitStart + bitLength + 7) >> 3,
      value,
      bits,
      meaning: meaningOf(name, value, bytes, byteStart),
    });
    return value;
  };

  if (bytes.length < 1) return { fields, headerLength: 2, complete: false, payloadLength: null };
  add('FIN', 0, 1);
  add('RSV1', 1, 1);
  add('RSV2', 2, 1);
  add('RSV3', 3, 1);
  add('opcode', 4, 4);
  if (bytes.length < 2) return { fields, headerLength: 2, complete: false, payloadLength: null };

  const masked = add('MASK', 8, 1) === 1;
  const length7 = add('payloadLength', 9, 7);
  const lengthBytes = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
  const headerLength = 2 + lengthBytes + (masked ? 4 : 0);
  let payloadLength: number | null = length7;
  if (lengthBytes > 0) {
    if (bytes.length < 2 + lengthBytes) return { fields, headerLength, complete: false, payloadLength: null };
    payloadLength = add(lengthBytes === 2 ? 'extendedPayloadLength16' : 'extendedPayloadLength64', 16, lengthBytes * 8);
  }
  if (masked) {
    if (bytes.length < headerLength) return { fields, headerLength, complete: false, payloadLength };
    add('maskingKey', (2 + lengthBytes) * 8, 32);
  }
  return { fields, headerLength, complete: true, payloadLength };
}
