import { describe, expect, it } from 'vitest';
import { WS_GUID, acceptSteps, computeAccept, isValidClientKey } from './accept.ts';

// RFC 6455 §1.3's worked example.
const RFC_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const RFC_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

describe('Sec-WebSocket-Accept (RFC 6455 §1.3, §4.2.2)', () => {
  it('turns the RFC’s key into the RFC’s accept value', async () => {
    expect(await computeAccept(RFC_KEY)).toBe(RFC_ACCEPT);
  });

  it('shows every step: key + GUID, SHA-1, base64', async () => {
    const steps = await acceptSteps(RFC_KEY);
    expect(steps).toEqual({
      key: RFC_KEY,
      guid: '258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      concatenated: 'dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11',
      // The digest the RFC prints as 0xb3 0x7a 0x4f 0x2c …
      sha1Hex: 'b37a4f2cc0624f1690f64606cf385945b2bec4ea',
      sha1: steps.sha1,
      base64: RFC_ACCEPT,
    });
    expect(steps.sha1).toHaveLength(20);
    expect(WS_GUID).toBe(steps.guid);
  });

  it('gives a different accept value for a different key', async () => {
    expect(await computeAccept('AQIDBAUGBwgJCgsMDQ4PEA==')).not.toBe(RFC_ACCEPT);
  });
});

describe('isValidClientKey (RFC 6455 §4.1: base64 of 16 bytes)', () => {
  it('accepts the RFC’s key and keys made the way browsers make them', () => {
    expect(isValidClientKey(RFC_KEY)).toBe(true);
    const random = btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
    expect(isValidClientKey(random)).toBe(true);
  });

  it.each([
    ['an empty key', ''],
    ['15 bytes', 'dGhlIHNhbXBsZSBub25j'],
    ['17 bytes', 'dGhlIHNhbXBsZSBub25jZQE='],
    ['a missing "="', 'dGhlIHNhbXBsZSBub25jZQ='],
    ['a last digit with stray low bits', 'dGhlIHNhbXBsZSBub25jZR=='],
    ['a character outside base64', 'dGhlIHNhbXBsZSBub25j*Q=='],
    ['surrounding spaces', ' dGhlIHNhbXBsZSBub25jZQ=='],
  ])('rejects %s', (_name, key) => {
    expect(isValidClientKey(key)).toBe(false);
  });
});
