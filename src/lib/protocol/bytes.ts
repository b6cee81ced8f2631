// Small byte helpers the codec needs in more than one place. Frame lengths are big-endian (network order).

export function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

export function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

/** Joins pieces into one array; a single piece is returned as is (it is already the caller's own copy). */
export function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The first `length` bytes, as a copy only when something is actually cut. */
export function truncate(bytes: Uint8Array, length: number): Uint8Array {
  return bytes.length > length ? bytes.slice(0, length) : bytes;
}
