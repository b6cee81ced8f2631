// The payload of a close frame (RFC 6455 §5.5.1): empty, or a 2-byte big-endian status code followed by a
// UTF-8 reason. Both directions live here so the builder and the decoder agree on the layout.

import type { ProtocolError } from './errors.ts';
import { protocolErrors } from './errors.ts';
import { isValidCloseCode } from './closeCodes.ts';
import { decodeUtf8, decodeUtf8Lossy, encodeUtf8 } from './utf8.ts';

export type ClosePayload = { code: number | null; reason: string };

/** A close frame's payload carries at most 125 bytes, two of them the code. */
export const MAX_CLOSE_REASON_BYTES = 123;

/**
 * Reads a close payload. `close` is always filled in, leniently (a bad reason shows U+FFFD), so a view can
 * show what arrived; `error` says which rule it breaks, if any.
 */
export function parseClosePayload(payload: Uint8Array): { close: ClosePayload; error: ProtocolError | null } {
  if (payload.length === 0) return { close: { code: null, reason: '' }, error: null };
  if (payload.length === 1) {
    return { close: { code: null, reason: '' }, error: protocolErrors.invalidClosePayloadLength() };
  }
  const code = (payload[0] << 8) | payload[1];
  const reasonBytes = payload.subarray(2);
  const reason = decodeUtf8(reasonBytes);
  const close = { code, reason: reason ?? decodeUtf8Lossy(reasonBytes) };
  if (!isValidCloseCode(code)) return { close, error: protocolErrors.invalidCloseCode(code) };
  if (reason === null) return { close, error: protocolErrors.invalidCloseReason() };
  return { close, error: null };
}

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
