// The payload of a close frame (RFC 6455 §5.5.1): empty, or a 2-byte big-endian status code followed by a
// UTF-8 reason. Writing it lives here; reading it, which judges the code and the reason against the rules
// (errors.ts, closeCodes.ts), in parseClose.ts, so a page that only builds frames does not load the rules.

import { encodeUtf8 } from './utf8.ts';

export type ClosePayload = { code: number | null; reason: string };

/** A close frame's payload carries at most 125 bytes, two of them the code. */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * Builds a close payload. It does not judge the code (the builder lab sends 1005 on purpose, to show it
 * being rejected), only what cannot be encoded at all: a code outside 0–65535, a reason without a code,
 * or a reason over 123 bytes.
 */
export function encodeClosePayload(code?: number | null, reason = ''): Uint8Array {
  if (code === null || code === undefined) {
    if (reason !== '') throw new TypeError('A close reason needs a status code before it');
    return new Uint8Array(0);
  }
  if (!Number.isInteger(code) || code < 0 || code > 0xffff) {
    throw new RangeError(`A close code is a 16-bit number, got ${code}`);
  }
  const reasonBytes = encodeUtf8(reason);
  if (reasonBytes.length > MAX_CLOSE_REASON_BYTES) {
    throw new RangeError(
      `A close reason is at most ${MAX_CLOSE_REASON_BYTES} bytes of UTF-8, got ${reasonBytes.length}`,
    );
  }
  const out = new Uint8Array(2 + reasonBytes.length);
  out[0] = code >> 8;
  out[1] = code & 0xff;
  out.set(reasonBytes, 2);
  return out;
}
