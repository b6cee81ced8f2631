// Reading a close frame's payload (layout in closePayload.ts) and judging it: a known or allowed code, a
// reason that is valid UTF-8.

import type { ClosePayload } from './closePayload.ts';
import type { ProtocolError } from './errors.ts';
import { protocolErrors } from './errors.ts';
import { isValidCloseCode } from './closeCodes.ts';
import { decodeUtf8, decodeUtf8Lossy } from './utf8.ts';

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
