// The frame header as the RFC draws it (§5.2): which bits each field occupies, what its value is, and what
// that value means. The bit-diagram views (FrameInspector, FrameBuilder) lay fields out from bitStart and
// bitLength and highlight bytes from byteStart/byteEnd; nothing here knows about the DOM, nor any language:
// explanations are Messages (keys into text.en.ts / text.vi.ts, see message.ts).

import { message, type Message } from './message.ts';
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
  /** What the field is for. */
  about: Message;
};

/** What each field is for, independent of any value (plain literals, so an unused table is tree-shaken). */
export const HEADER_FIELD_INFO: Readonly<Record<HeaderFieldName, HeaderFieldInfo>> = {
  FIN: { label: 'FIN', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.FIN' } },
  RSV1: { label: 'RSV1', rule: 'RFC 6455 §5.2, RFC 7692 §6', about: { key: 'protocol.field.RSV1' } },
  RSV2: { label: 'RSV2', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.RSV2' } },
  RSV3: { label: 'RSV3', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.RSV3' } },
  opcode: { label: 'opcode', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.opcode' } },
  MASK: { label: 'MASK', rule: 'RFC 6455 §5.2, §5.1', about: { key: 'protocol.field.MASK' } },
  payloadLength: { label: 'Payload len', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.payloadLength' } },
  extendedPayloadLength16: { label: 'Extended payload length', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.extendedPayloadLength16' } },
  extendedPayloadLength64: { label: 'Extended payload length', rule: 'RFC 6455 §5.2', about: { key: 'protocol.field.extendedPayloadLength64' } },
  maskingKey: { label: 'Masking-key', rule: 'RFC 6455 §5.3', about: { key: 'protocol.field.maskingKey' } },
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
  meaning: Message;
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

/** "5 bytes" (or "1 byte"), the number written the reader's way. */
const size = (n: number): Message => message(n === 1 ? 'protocol.bytes.one' : 'protocol.bytes', { n });

function meaningOf(name: HeaderFieldName, value: number, bytes: Uint8Array, byteStart: number): Message {
  switch (name) {
    case 'FIN':
    case 'RSV1':
    case 'MASK':
      return message(`protocol.value.${name}.${value}`);
    case 'RSV2':
    case 'RSV3':
      return message(`protocol.value.RSV23.${value}`);
    case 'opcode': {
      const info = opcodeInfo(value);
      const hex = `0x${value.toString(16).toUpperCase()}`;
      return message('protocol.value.opcode', { hex, name: info?.title ?? '' });
    }
    case 'payloadLength':
      if (value === 126 || value === 127) return message(`protocol.value.length.${value}`);
      return message('protocol.value.length', { value, size: size(value) });
    case 'extendedPayloadLength16':
      return message('protocol.value.extendedLength', { size: size(value) });
    case 'extendedPayloadLength64':
      if (bytes[byteStart] & 0x80) return message('protocol.value.extendedLength.topBit');
      return message('protocol.value.extendedLength', { size: size(value) });
    case 'maskingKey':
      return message('protocol.value.maskingKey', { key: toHex(bytes.subarray(byteStart, byteStart + 4)) });
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
