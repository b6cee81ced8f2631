// Lays a frame out for the bit diagram: one box per byte, each holding the segments of the header fields
// that fall in it (RFC 6455 §5.2), then the first payload bytes. The diagram flows bytes into rows of four
// (two on a phone), so a field wider than a byte — the extended length, the masking key — is one segment
// per byte; `first` marks the segment that stands for the whole field (focus, label).

import type { HeaderDescription, HeaderField, HeaderFieldName } from '../protocol/header.ts';
import { describeHeader } from '../protocol/header.ts';

export type DiagramFieldName = HeaderFieldName | 'payload';

export type Segment = {
  field: DiagramFieldName;
  /** Bit position inside the byte, 0 = most significant, as the RFC numbers bits. */
  bitFrom: number;
  bitSpan: number;
  /** The field's first segment: the one a view makes focusable and labels in full. */
  first: boolean;
};

export type ByteBox = {
  index: number;
  value: number;
  hex: string;
  bits: string;
  kind: 'header' | 'payload';
  segments: Segment[];
};

export type FrameLayout = HeaderDescription & {
  boxes: ByteBox[];
  /** Payload bytes present after the header, and how many of them got a box. */
  payloadPresent: number;
  payloadShown: number;
};

/** The stable fragment id of a field, used for deep links such as #frame-field-mask. */
export function fieldSlug(name: DiagramFieldName): string {
  switch (name) {
    case 'FIN':
      return 'fin';
    case 'RSV1':
    case 'RSV2':
    case 'RSV3':
      return 'rsv';
    case 'opcode':
      return 'opcode';
    case 'MASK':
      return 'mask';
    case 'payloadLength':
      return 'payload-len';
    case 'extendedPayloadLength16':
    case 'extendedPayloadLength64':
      return 'extended-payload-len';
    case 'maskingKey':
      return 'masking-key';
    case 'payload':
      return 'payload';
  }
}

/** Short labels that fit the field's width in the diagram; the full name goes in its accessible name. */
export function shortLabel(field: HeaderField | DiagramFieldName): string {
  const name = typeof field === 'string' ? field : field.name;
  switch (name) {
    case 'FIN':
      return 'F';
    case 'RSV1':
      return 'R1';
    case 'RSV2':
      return 'R2';
    case 'RSV3':
      return 'R3';
    case 'MASK':
      return 'M';
    case 'opcode':
      return 'opcode';
    case 'payloadLength':
      return 'len';
    case 'extendedPayloadLength16':
    case 'extendedPayloadLength64':
      return 'ext len';
    case 'maskingKey':
      return 'key';
    case 'payload':
      return 'payload';
  }
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

export function layoutFrame(bytes: Uint8Array, maxPayloadBytes = 16): FrameLayout {
  const description = describeHeader(bytes);
  const headerBytes = Math.min(bytes.length, description.headerLength);
  const boxes: ByteBox[] = [];
  for (let i = 0; i < headerBytes; i++) {
    boxes.push({
      index: i,
      value: bytes[i],
      hex: hex2(bytes[i]),
      bits: bytes[i].toString(2).padStart(8, '0'),
      kind: 'header',
      segments: [],
    });
  }
  for (const field of description.fields) {
    let bit = field.bitStart;
    const end = field.bitStart + field.bitLength;
    while (bit < end) {
      const box = boxes[bit >> 3];
      const bitFrom = bit & 7;
      const bitSpan = Math.min(8 - bitFrom, end - bit);
      box.segments.push({ field: field.name, bitFrom, bitSpan, first: bit === field.bitStart });
      bit += bitSpan;
    }
  }
  const payloadPresent = description.complete ? bytes.length - description.headerLength : 0;
  const payloadShown = Math.min(payloadPresent, maxPayloadBytes);
  for (let i = 0; i < payloadShown; i++) {
    const index = description.headerLength + i;
    boxes.push({
      index,
      value: bytes[index],
      hex: hex2(bytes[index]),
      bits: bytes[index].toString(2).padStart(8, '0'),
      kind: 'payload',
      segments: [{ field: 'payload', bitFrom: 0, bitSpan: 8, first: i === 0 }],
    });
  }
  return { ...description, boxes, payloadPresent, payloadShown };
}

/** A field's bytes in hex as the diagram's boxes show them (for fields of 16 bits and more). */
export function fieldHex(layout: FrameLayout, field: HeaderField): string {
  return layout.boxes.slice(field.byteStart, field.byteEnd).map((b) => b.hex).join(' ');
}
