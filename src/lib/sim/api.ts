// The checks the browser's WebSocket methods make before anything reaches the network (WHATWG WebSockets
// Standard, send() and close()), with Chromium's messages. The simulated socket makes them, and so does the
// stand-in the page hands out while the simulator is still loading (server/deferred.ts), which must throw
// the same errors at the same call without loading the simulator first.
import { encodeUtf8 } from '../protocol/utf8.ts';

/** What send() throws while the connection is still opening. */
export function stillConnecting(): DOMException {
  return new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
}

/**
 * close(code, reason)'s argument checks: the code clamped to an unsigned short and 1000 or 3000–4999, the
 * reason at most 123 bytes of UTF-8 (a code of 1000 is implied by a reason alone). Throws as the browser does.
 */
export function closeArguments(code?: number, reason?: string): { code: number | undefined; reason: string | undefined } {
  if (code !== undefined) {
    code = Number(code) & 0xffff; // [Clamp] unsigned short
    if (code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new DOMException(`Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, 'InvalidAccessError');
    }
  }
  if (reason !== undefined) {
    reason = String(reason);
    if (encodeUtf8(reason).length > 123) {
      throw new DOMException(`Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.`, 'SyntaxError');
    }
    code ??= 1000;
  }
  return { code, reason };
}
