// What one decoded frame looks like, and the opcodes that give its type (RFC 6455 §5.2).

/** The opcodes RFC 6455 defines. 3–7 and 0xB–0xF are reserved for future use. */
export const OPCODE = {
  CONTINUATION: 0,
  TEXT: 1,
  BINARY: 2,
  CLOSE: 8,
  PING: 9,
  PONG: 10,
} as const;

export type KnownOpcode = (typeof OPCODE)[keyof typeof OPCODE];

/** A frame as the decoder saw it: every header field, and the payload both as sent and unmasked. */
export type Frame = {
  fin: boolean;
  rsv: [boolean, boolean, boolean];
  opcode: number;
  masked: boolean;
  /** The 4-byte masking key, or null when MASK is 0. */
  maskKey: Uint8Array | null;
  /** The declared payload length, even when the payload below was truncated. */
  length: number;
  /** The raw header bytes, masking key included (2 to 14 bytes). */
  header: Uint8Array;
  /** The unmasked payload; only its first `keepPayloadBytes` bytes when the decoder was told to keep fewer. */
  payload: Uint8Array;
  /** The payload exactly as it was on the wire (still masked), with the same truncation; null when unmasked. */
  maskedPayload: Uint8Array | null;
  /** True when `payload` holds fewer bytes than `length`. */
  truncated: boolean;
  /** For close frames: the status code (null when the payload is empty) and the reason. */
  close?: { code: number | null; reason: string };
  /**
   * For frames of a text message: this frame's payload as a string, or null when it was truncated, is
   * compressed (RSV1), or is not valid UTF-8 on its own (a fragment may end inside a character).
   */
  text?: string | null;
};

/** Close, ping and pong (and the reserved 0xB–0xF) are control frames: the high bit of the opcode is set. */
export function isControlOpcode(opcode: number): boolean {
  return (opcode & 0x8) !== 0;
}

/** Only these six opcodes mean anything without an extension. */
export function isKnownOpcode(opcode: number): opcode is KnownOpcode {
  return opcode <= 2 || (opcode >= 8 && opcode <= 10);
}
