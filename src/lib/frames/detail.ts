// Turns bytes or decoded frames into what the detail view shows. Bytes that break the rules still get a
// picture: the header is laid out as written, so the view can point at the field the decoder blamed.

import type { Frame } from '../protocol/frame.ts';
import { describeHeader } from '../protocol/header.ts';
import { applyMask } from '../protocol/mask.ts';
import { decodeUtf8 } from '../protocol/utf8.ts';
import type { DetailFrame } from './summary.ts';

export function detailFromFrame(frame: Frame): DetailFrame {
  return {
    header: frame.header,
    payload: frame.payload,
    maskKey: frame.maskKey,
    opcode: frame.opcode,
    fin: frame.fin,
    rsv: frame.rsv,
    length: frame.length,
    text: frame.text ?? null,
  };
}

/**
 * Reads one frame from the start of `bytes` without judging it. Null while the header is incomplete.
 * The payload is what is present, up to the declared length.
 */
export function detailFromBytes(bytes: Uint8Array): DetailFrame | null {
  const d = describeHeader(bytes);
  if (!d.complete || d.payloadLength === null) return null;
  const get = (name: string) => d.fields.find((f) => f.name === name);
  const masked = get('MASK')?.value === 1;
  const header = bytes.slice(0, d.headerLength);
  const maskKey = masked ? header.slice(d.headerLength - 4) : null;
  const wire = bytes.subarray(d.headerLength, d.headerLength + d.payloadLength);
  const payload = maskKey ? applyMask(wire, maskKey) : wire.slice();
  const opcode = get('opcode')!.value;
  const rsv: [boolean, boolean, boolean] = [get('RSV1')!.value === 1, get('RSV2')!.value === 1, get('RSV3')!.value === 1];
  const whole = payload.length === d.payloadLength;
  return {
    header,
    payload,
    maskKey,
    opcode,
    fin: get('FIN')!.value === 1,
    rsv,
    length: d.payloadLength,
    text: opcode === 1 && !rsv[0] && whole ? decodeUtf8(payload) : null,
  };
}
