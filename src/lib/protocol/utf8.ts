// UTF-8 checks for text messages (RFC 6455 §8.1). A text message may be split into fragments, and each
// fragment into TCP chunks, anywhere — even inside a character — so the validator carries its state
// from one push to the next. It is written out (Unicode's table of well-formed byte sequences, Table 3-7)
// rather than built on TextDecoder so that it fails on the first bad byte, says where, and never builds
// a string: the server's tap runs it over payloads it does not keep.

/** Checks a byte stream for well-formed UTF-8, one piece at a time. */
export class Utf8Validator {
  /** Continuation bytes still owed by the character in progress. */
  #pending = 0;
  /** The range the next continuation byte must fall in; tighter than 80..BF right after E0, ED, F0, F4. */
  #low = 0x80;
  #high = 0xbf;
  /** Bytes seen so far, so an error can say where it is. */
  #count = 0;
  #failedAt: number | null = null;

  /** Position (0-based, counting every byte pushed) of the first byte that broke UTF-8, or null. */
  get failedAt(): number | null {
    return this.#failedAt;
  }

  /** True while the bytes so far end in the middle of a character. */
  get inCharacter(): boolean {
    return this.#pending > 0;
  }

  /** Feeds more bytes; false as soon as they cannot be UTF-8 whatever follows. */
  push(bytes: Uint8Array): boolean {
    if (this.#failedAt !== null) return false;
    for (let i = 0; i < bytes.length; i++) {
      if (!this.#step(bytes[i])) {
        this.#failedAt = this.#count + i;
        return false;
      }
    }
    this.#count += bytes.length;
    return true;
  }

  /**
   * Ends the message: false if it stopped in the middle of a character. On success the validator is ready
   * for the next message; on failure it keeps `failedAt` until `reset()`.
   */
  end(): boolean {
    if (this.#failedAt === null && this.#pending > 0) this.#failedAt = this.#count;
    const ok = this.#failedAt === null;
    if (ok) this.reset();
    return ok;
  }

  reset(): void {
    this.#pending = 0;
    this.#low = 0x80;
    this.#high = 0xbf;
    this.#count = 0;
    this.#failedAt = null;
  }

  #step(byte: number): boolean {
    if (this.#pending > 0) {
      if (byte < this.#low || byte > this.#high) return false;
      this.#pending--;
      this.#low = 0x80;
      this.#high = 0xbf;
      return true;
    }
    if (byte <= 0x7f) return true;
    // C0 and C1 could only start overlong forms of ASCII; F5..FF would encode beyond U+10FFFF.
    if (byte < 0xc2 || byte > 0xf4) return false;
    if (byte <= 0xdf) {
      this.#pending = 1;
    } else if (byte <= 0xef) {
      this.#pending = 2;
      if (byte === 0xe0) this.#low = 0xa0; // below A0 would be an overlong 2-byte form
      if (byte === 0xed) this.#high = 0x9f; // above 9F would encode a UTF-16 surrogate, D800..DFFF
    } else {
      this.#pending = 3;
      if (byte === 0xf0) this.#low = 0x90; // below 90 would be an overlong 3-byte form
      if (byte === 0xf4) this.#high = 0x8f; // above 8F would pass U+10FFFF
    }
    return true;
  }
}

/** True when `bytes` is a complete, well-formed UTF-8 sequence. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const validator = new Utf8Validator();
  return validator.push(bytes) && validator.end();
}

// ignoreBOM keeps a leading U+FEFF in the text: the inspector shows what was sent, not a cleaned copy.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The text `bytes` encode, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The text `bytes` encode, with U+FFFD in place of anything that is not UTF-8: for showing, never for checks. */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
