// The frame encoder (RFC 6455 §5.2): header fields in, wire bytes out. It builds whatever the header can
// express, rule-breaking frames included (a fragmented ping, opcode 3), because the builder lab makes them
// on purpose; FrameDecoder is where the rules are enforced.

import { applyMask } from './mask.ts';
import { encodeUtf8 } from './utf8.ts';
import { writeUint32 } from './bytes.ts';

export { encodeClosePayload } from './closePayload.ts';
export { describeHeader } from './header.ts';

export type EncodeFrameOptions = {
  /** Default true: a whole message in one frame. */
  fin?: boolean;
  rsv?: [boolean, boolean, boolean];
  opcode: number;
  /** A string is sent as its UTF-8 bytes. */
  payload: Uint8Array | string;
  /** A client's 4-byte key: the frame is masked with it. Null or absent: unmasked, as a server sends. */
  maskKey?: Uint8Array | null;
  /**
   * Force a length encoding. By default the shortest is used (7 bits up to 125, 16 up to 65,535, else 64);
   * receivers must accept longer ones too (RFC 6455 §5.2 only asks senders for the minimal form).
   */
  lengthBits?: 7 | 16 | 64;
};

function lengthBitsFor(length: number, forced: 7 | 16 | 64 | undefined): 7 | 16 | 64 {
  const minimal = length <= 125 ? 7 : length <= 0xffff ? 16 : 64;
  if (forced === undefined) return minimal;
  if (forced < minimal) throw new RangeError(`A ${length}-byte payload does not fit a ${forced}-bit length`);
  return forced;
}

export function encodeFrame(options: EncodeFrameOptions): Uint8Array {
  const { fin = true, rsv = [false, false, false], opcode, maskKey = null } = options;
  if (!Number.isInteger(opcode) || opcode < 0 || opcode > 15) {
    throw new RangeError(`An opcode is 4 bits (0–15), got ${opcode}`);
  }
  if (maskKey !== null && maskKey.length !== 4) {
    throw new RangeError(`A masking key is 4 bytes, got ${maskKey.length}`);
  }
  const payload = typeof options.payload === 'string' ? encodeUtf8(options.payload) : options.payload;
  const length = payload.length;
  const bits = lengthBitsFor(length, options.lengthBits);
  const lengthBytes = bits === 7 ? 0 : bits / 8;
  const keyAt = 2 + lengthBytes;
  const headerLength = keyAt + (maskKey ? 4 : 0);

  const out = new Uint8Array(headerLength + length);
  out[0] = (fin ? 0x80 : 0) | (rsv[0] ? 0x40 : 0) | (rsv[1] ? 0x20 : 0) | (rsv[2] ? 0x10 : 0) | opcode;
  out[1] = (maskKey ? 0x80 : 0) | (bits === 7 ? length : bits === 16 ? 126 : 127);
  if (bits === 16) {
    out[2] = length >>> 8;
    out[3] = length & 0xff;
  } else if (bits === 64) {
    writeUint32(out, 2, Math.floor(length / 2 ** 32)); // >>> would drop everything above 32 bits
    writeUint32(out, 6, length >>> 0);
  }
  if (maskKey) {
    out.set(maskKey, keyAt);
    out.set(applyMask(payload, maskKey), headerLength);
  } else {
    out.set(payload, headerLength);
  }
  return out;
}
