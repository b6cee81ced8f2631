// Sec-WebSocket-Accept (RFC 6455 §4.2.2, worked example in §1.3): the server proves it read the client's
// key by hashing key + GUID with SHA-1 and sending the base64 of the digest. Web Crypto is the same
// global in browsers and in Node 24, so the demo server and the handshake lab run this one code.

import { toHex } from './hex.ts';
import { encodeUtf8 } from './utf8.ts';
import { toBase64 } from './base64.ts';

/** The fixed GUID from RFC 6455 §1.3; no server anywhere uses another. */
export const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export type AcceptSteps = {
  key: string;
  guid: string;
  /** key + GUID, the string that is hashed. */
  concatenated: string;
  /** The 20-byte SHA-1 digest, lowercase hex without separators. */
  sha1Hex: string;
  sha1: Uint8Array;
  /** The digest in base64: the Sec-WebSocket-Accept value. */
  base64: string;
};

/** Each step of the computation, for the handshake lab to show one by one. */
export async function acceptSteps(key: string): Promise<AcceptSteps> {
  const concatenated = key + WS_GUID;
  const digest = await globalThis.crypto.subtle.digest('SHA-1', encodeUtf8(concatenated));
  const sha1 = new Uint8Array(digest);
  return { key, guid: WS_GUID, concatenated, sha1Hex: toHex(sha1, ''), sha1, base64: toBase64(sha1) };
}

/** The Sec-WebSocket-Accept value for a Sec-WebSocket-Key. */
export async function computeAccept(key: string): Promise<string> {
  return (await acceptSteps(key)).base64;
}

// 16 bytes are 22 base64 digits and "==". The last digit carries only 2 bits of data, so its low 4 bits
// must be zero: it is one of A, Q, g, w.
const CLIENT_KEY = /^[A-Za-z0-9+/]{21}[AQgw]==$/;

/** Is this a well-formed Sec-WebSocket-Key, the base64 of exactly 16 bytes (RFC 6455 §4.1)? */
export function isValidClientKey(key: string): boolean {
  return CLIENT_KEY.test(key);
}
