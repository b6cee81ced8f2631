// Masking (RFC 6455 §5.3): payload byte i is XORed with key byte i mod 4. The same operation masks and
// unmasks, so the encoder and the decoder share this one function.

/**
 * XORs `data` with the 4-byte `key` and returns a new array; `data` is left untouched.
 * `offset` is the position of data[0] within the frame's payload, for a payload that arrives in pieces.
 */
export function applyMask(data: Uint8Array, key: Uint8Array, offset = 0): Uint8Array {
  if (key.length !== 4) throw new RangeError(`A masking key is 4 bytes, got ${key.length}`);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    out[i] = data[i] ^ key[(offset + i) & 3];
  }
  return out;
}

/** A fresh key from the platform's CSPRNG: the RFC asks for keys a proxy cannot predict (§5.3, §10.3). */
export function randomMaskKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(4));
}
