// Bytes as hex text and back: how the labs show payloads and how a reader pastes a frame into the builder.

import { message, type Message } from './message.ts';

/** Lowercase hex, two digits per byte, joined by `sep`. */
export function toHex(bytes: Uint8Array, sep = ' '): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += sep;
    out += bytes[i].toString(16).padStart(2, '0');
  }
  return out;
}

export type FromHexResult = { bytes: Uint8Array } | { error: Message };

/**
 * Reads hex the way people paste it: `81 05 48`, `810548`, `0x81 0x05`, across lines, separated by commas.
 * A `0x` counts only at the start of a group. Anything else is reported, not skipped, so a typo is never
 * silently turned into a different frame.
 */
export function fromHex(text: string): FromHexResult {
  let digits = '';
  for (const group of text.split(/[\s,]+/)) {
    const body = /^0x/i.test(group) ? group.slice(2) : group;
    const bad = body.search(/[^0-9a-f]/i);
    if (bad !== -1) {
      const char = [...body.slice(bad)][0]; // a whole code point, even for an emoji
      return { error: message('protocol.hex.notDigit', { char, group }) };
    }
    digits += body;
  }
  if (digits.length % 2 !== 0) {
    return { error: message('protocol.hex.odd', { count: digits.length }) };
  }
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  }
  return { bytes };
}
