// Unmasking shown one byte at a time (RFC 6455 §5.3): payload byte i XOR key byte (i mod 4). The values
// come from the codec's applyMask, so the lesson's arithmetic and the decoder's can never disagree.

import { applyMask } from '../protocol/mask.ts';

export type UnmaskStep = {
  /** Position in the payload. */
  index: number;
  /** Which key byte is used: index mod 4. */
  keyIndex: number;
  wire: number;
  key: number;
  plain: number;
};

/** The first `count` steps of unmasking `wire` (the payload as it travelled) with `key`. */
export function unmaskSteps(wire: Uint8Array, key: Uint8Array, count = 8): UnmaskStep[] {
  const slice = wire.subarray(0, count);
  const plain = applyMask(slice, key);
  return [...slice].map((w, index) => ({ index, keyIndex: index & 3, wire: w, key: key[index & 3], plain: plain[index] }));
}

export const bin8 = (b: number): string => b.toString(2).padStart(8, '0');
export const hex8 = (b: number): string => b.toString(16).padStart(2, '0');

/** A byte as a visible character when it is printable ASCII; null otherwise (part of a UTF-8 sequence, control…). */
export function asciiChar(b: number): string | null {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : null;
}
