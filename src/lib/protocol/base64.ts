// Base64 and base64url for bytes, on the platform's atob/btoa (browsers and Node alike). Used where bytes must
// travel as text: the Sec-WebSocket-Accept digest, binary messages in HAR files and transcripts, share links.

/** Standard base64 (with padding). Chunked, so a few megabytes do not overflow String.fromCharCode's arguments. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Standard or url-safe base64, padded or not; null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const normalized = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized) || normalized.replace(/=+$/, '').length % 4 === 1) return null;
  const padded = normalized.replace(/=+$/, '').padEnd(Math.ceil(normalized.replace(/=+$/, '').length / 4) * 4, '=');
  try {
    const binary = atob(padded);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** base64url without padding (RFC 4648 §5): safe in a URL fragment. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
