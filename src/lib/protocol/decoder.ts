// The streaming frame decoder (RFC 6455 §5). Bytes arrive in chunks split anywhere — inside a header,
// inside a length, inside a UTF-8 character — so the decoder is a state machine: each state waits for the
// bytes it needs, then moves on. A broken rule stops it with an error value instead of an exception, and
// every rule is checked as early as a real peer would check it (a too-big message before its payload).

import type { Frame } from './frame.ts';
import type { ProtocolError } from './errors.ts';
import type { HeaderFieldName } from './header.ts';
import { OPCODE, isControlOpcode, isKnownOpcode } from './frame.ts';
import { protocolErrors } from './errors.ts';
import { applyMask } from './mask.ts';
import { Utf8Validator, decodeUtf8 } from './utf8.ts';
import { parseClosePayload } from './parseClose.ts';
import { concat, readUint32, truncate } from './bytes.ts';

/** What the decoder is waiting for: the first two bytes, an extended length, the masking key, or payload. */
export type DecoderState = 'header' | 'length16' | 'length64' | 'maskKey' | 'payload';

export type FrameDecoderOptions = {
  /** true: frames must be masked (reading a client). false: must not be (reading a server). Unset: either. */
  expectMasked?: boolean;
  /** Most bytes one message may declare, fragments summed; above it → 1009. Unset: no limit. */
  maxPayload?: number;
  /** Keep only the first N payload bytes of each frame; the rest is still read and checked, not copied. */
  keepPayloadBytes?: number;
  /**
   * Message-level checks (default true): fragmentation order, control-frame rules, UTF-8 of text messages
   * across fragments, close payloads. Frame-level checks (RSV bits, opcodes, masking, lengths) always run.
   */
  validate?: boolean;
  /** permessage-deflate was negotiated: RSV1 may mark the first frame of a data message as compressed. */
  allowRsv1?: boolean;
};

export type DecodeResult = { frames: Frame[]; error: ProtocolError | null };

// A control frame's payload is at most 125 bytes; keeping it whole lets a close frame be parsed and checked
// even when the caller keeps fewer payload bytes.
const CONTROL_PAYLOAD_MAX = 125;

/** The data message being received, across its fragments. Opcode 0 means "unknown" (not validating). */
type OpenMessage = { opcode: number; compressed: boolean; length: number };

/**
 * The first `length` bytes of `bytes` in a new plain Uint8Array that shares no memory with it. Written out
 * because `slice()` depends on the class: Uint8Array's copies, Node's Buffer (a subclass) returns a view.
 */
function copyOf(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(bytes.subarray(0, length));
  return out;
}

export class FrameDecoder {
  readonly #expectMasked: boolean | undefined;
  readonly #maxPayload: number;
  readonly #keepPayloadBytes: number;
  readonly #validate: boolean;
  readonly #allowRsv1: boolean;

  #state: DecoderState = 'header';
  #error: ProtocolError | null = null;
  /** Bytes consumed since the decoder was made, so errors can say where their frame began. */
  #offset = 0;

  // The frame being read. The header is copied byte by byte, so a chunk may end anywhere inside it.
  #header = new Uint8Array(14); // 2 + 8 (64-bit length) + 4 (masking key)
  #headerRead = 0;
  #headerLength = 2;
  #frameStart = 0;
  #fin = false;
  #rsv: [boolean, boolean, boolean] = [false, false, false];
  #opcode = 0;
  #masked = false;
  #maskKey: Uint8Array | null = null;
  #length = 0;
  #payloadRead = 0;
  #kept: Uint8Array[] = [];
  #keptLength = 0;
  #keepLimit = 0;
  #isText = false;
  #compressed = false;
  #checkUtf8 = false;

  #message: OpenMessage | null = null;
  #utf8 = new Utf8Validator();

  constructor(options: FrameDecoderOptions = {}) {
    this.#expectMasked = options.expectMasked;
    this.#maxPayload = options.maxPayload ?? Number.MAX_SAFE_INTEGER;
    this.#keepPayloadBytes = Math.max(0, options.keepPayloadBytes ?? Number.MAX_SAFE_INTEGER);
    this.#validate = options.validate ?? true;
    this.#allowRsv1 = options.allowRsv1 ?? false;
  }

  get state(): DecoderState {
    return this.#state;
  }

  get error(): ProtocolError | null {
    return this.#error;
  }

  /** True between the first and last fragment of a message. */
  get inFragmentedMessage(): boolean {
    return this.#message !== null;
  }

  /** Bytes still needed to finish the current frame, as far as the header read so far tells; 0 between frames. */
  get needed(): number {
    if (this.#state === 'payload') return this.#length - this.#payloadRead;
    if (this.#state === 'header' && this.#headerRead === 0) return 0;
    const target = this.#state === 'header' ? 2 : this.#headerLength;
    return target - this.#headerRead;
  }

  /** Reads as much as `chunk` allows. Frames completed by it come back in order; after an error, nothing more. */
  push(chunk: Uint8Array): DecodeResult {
    if (this.#error) return { frames: [], error: this.#error };
    const frames: Frame[] = [];
    let pos = 0;
    // Every step consumes at least one byte: a state is only entered while it still needs bytes.
    while (pos < chunk.length && this.#error === null) {
      const start = pos;
      pos = this.#step(chunk, pos, frames);
      this.#offset += pos - start;
    }
    return { frames, error: this.#error };
  }

  #step(chunk: Uint8Array, pos: number, frames: Frame[]): number {
    switch (this.#state) {
      case 'header': {
        if (this.#headerRead === 0) this.#frameStart = this.#offset;
        const next = this.#readHeader(chunk, pos, 2);
        if (this.#headerRead === 2) this.#onInfo(frames);
        return next;
      }
      case 'length16': {
        const next = this.#readHeader(chunk, pos, 4);
        if (this.#headerRead === 4) this.#onLength16(frames);
        return next;
      }
      case 'length64': {
        const next = this.#readHeader(chunk, pos, 10);
        if (this.#headerRead === 10) this.#onLength64(frames);
        return next;
      }
      case 'maskKey': {
        const next = this.#readHeader(chunk, pos, this.#headerLength);
        if (this.#headerRead === this.#headerLength) {
          this.#maskKey = this.#header.slice(this.#headerLength - 4, this.#headerLength);
          this.#startPayload(frames);
        }
        return next;
      }
      case 'payload':
        return this.#readPayload(chunk, pos, frames);
    }
  }

  #readHeader(chunk: Uint8Array, pos: number, target: number): number {
    const n = Math.min(target - this.#headerRead, chunk.length - pos);
    this.#header.set(chunk.subarray(pos, pos + n), this.#headerRead);
    this.#headerRead += n;
    return pos + n;
  }

  /** The first two bytes: everything but the lengths and the key can be judged now. */
  #onInfo(frames: Frame[]): void {
    const b0 = this.#header[0];
    const b1 = this.#header[1];
    const opcode = b0 & 0x0f;
    const control = isControlOpcode(opcode);
    const length7 = b1 & 0x7f;
    this.#fin = (b0 & 0x80) !== 0;
    this.#rsv = [(b0 & 0x40) !== 0, (b0 & 0x20) !== 0, (b0 & 0x10) !== 0];
    this.#opcode = opcode;
    this.#masked = (b1 & 0x80) !== 0;

    if (this.#rsv[0]) {
      if (!this.#allowRsv1) return this.#fail(protocolErrors.reservedBit(1));
      if (control || opcode === OPCODE.CONTINUATION) return this.#fail(protocolErrors.compressedBitMisplaced(opcode));
    }
    if (this.#rsv[1]) return this.#fail(protocolErrors.reservedBit(2));
    if (this.#rsv[2]) return this.#fail(protocolErrors.reservedBit(3));
    if (!isKnownOpcode(opcode)) return this.#fail(protocolErrors.invalidOpcode(opcode));

    if (this.#validate) {
      if (control) {
        if (!this.#fin) return this.#fail(protocolErrors.fragmentedControlFrame(opcode));
        if (length7 > CONTROL_PAYLOAD_MAX) return this.#fail(protocolErrors.controlPayloadTooLong(opcode, length7));
      } else if (opcode === OPCODE.CONTINUATION) {
        if (this.#message === null) return this.#fail(protocolErrors.unexpectedContinuation());
      } else if (this.#message !== null) {
        return this.#fail(protocolErrors.expectedContinuation(opcode));
      }
    }

    if (this.#expectMasked === true && !this.#masked) return this.#fail(protocolErrors.expectedMask());
    if (this.#expectMasked === false && this.#masked) return this.#fail(protocolErrors.unexpectedMask());

    const lengthBytes = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
    this.#headerLength = 2 + lengthBytes + (this.#masked ? 4 : 0);
    if (length7 === 126) this.#state = 'length16';
    else if (length7 === 127) this.#state = 'length64';
    else this.#onLength(length7, 'payloadLength', frames);
  }

  #onLength16(frames: Frame[]): void {
    this.#onLength((this.#header[2] << 8) | this.#header[3], 'extendedPayloadLength16', frames);
  }

  #onLength64(frames: Frame[]): void {
    const high = readUint32(this.#header, 2);
    const low = readUint32(this.#header, 6);
    if (high & 0x80000000) return this.#fail(protocolErrors.payloadLengthTopBitSet());
    // Above 2^53 - 1 a JavaScript number can no longer count bytes exactly.
    if (high > 0x1fffff) return this.#fail(protocolErrors.payloadLengthUnsupported());
    this.#onLength(high * 2 ** 32 + low, 'extendedPayloadLength64', frames);
  }

  /** The length is known: refuse a too-big message now, before any of its payload is read. */
  #onLength(length: number, field: HeaderFieldName, frames: Frame[]): void {
    this.#length = length;
    const earlier = this.#opcode === OPCODE.CONTINUATION && this.#message ? this.#message.length : 0;
    if (earlier + length > this.#maxPayload) {
      return this.#fail(protocolErrors.messageTooBig(earlier + length, this.#maxPayload, field));
    }
    if (this.#masked) this.#state = 'maskKey';
    else this.#startPayload(frames);
  }

  #startPayload(frames: Frame[]): void {
    const control = isControlOpcode(this.#opcode);
    if (!control) {
      if (this.#opcode !== OPCODE.CONTINUATION || this.#message === null) {
        // A new message (or, when not validating, a continuation with nothing open: type unknown).
        this.#message = { opcode: this.#opcode, compressed: this.#rsv[0], length: 0 };
        this.#utf8.reset();
      }
      this.#message.length += this.#length;
    }
    this.#isText = !control && this.#message?.opcode === OPCODE.TEXT;
    this.#compressed = !control && (this.#message?.compressed ?? false);
    // Compressed text is deflate output, not UTF-8, until inflated; this codec does not inflate.
    this.#checkUtf8 = this.#validate && this.#isText && !this.#compressed;
    this.#keepLimit = control ? Math.max(this.#keepPayloadBytes, CONTROL_PAYLOAD_MAX) : this.#keepPayloadBytes;
    this.#payloadRead = 0;
    this.#kept = [];
    this.#keptLength = 0;
    this.#state = 'payload';
    if (this.#length === 0) this.#finishFrame(frames);
  }

  #readPayload(chunk: Uint8Array, pos: number, frames: Frame[]): number {
    const n = Math.min(chunk.length - pos, this.#length - this.#payloadRead);
    const piece = chunk.subarray(pos, pos + n);
    const room = this.#keepLimit - this.#keptLength;
    if (room > 0) {
      // A copy, always: the caller may reuse its buffer (ws unmasks in place, Node recycles pooled chunks),
      // and `piece.slice()` would not do — on a Node Buffer, slice() is a view, not a copy.
      const kept = copyOf(piece, Math.min(room, n));
      this.#kept.push(kept);
      this.#keptLength += kept.length;
    }
    if (this.#checkUtf8) {
      const plain = this.#maskKey ? applyMask(piece, this.#maskKey, this.#payloadRead) : piece;
      if (!this.#utf8.push(plain)) {
        this.#fail(protocolErrors.invalidUtf8(this.#utf8.failedAt ?? 0, false));
        return pos + n;
      }
    }
    this.#payloadRead += n;
    if (this.#payloadRead === this.#length) this.#finishFrame(frames);
    return pos + n;
  }

  #finishFrame(frames: Frame[]): void {
    const raw = concat(this.#kept, this.#keptLength);
    const plain = this.#maskKey ? applyMask(raw, this.#maskKey) : raw;
    const keep = Math.min(this.#keepPayloadBytes, this.#length);
    const frame: Frame = {
      fin: this.#fin,
      rsv: this.#rsv,
      opcode: this.#opcode,
      masked: this.#masked,
      maskKey: this.#maskKey,
      length: this.#length,
      header: this.#header.slice(0, this.#headerLength),
      payload: truncate(plain, keep),
      maskedPayload: this.#maskKey ? truncate(raw, keep) : null,
      truncated: keep < this.#length,
    };

    if (this.#opcode === OPCODE.CLOSE) {
      const { close, error } = parseClosePayload(plain);
      frame.close = close;
      if (error && this.#validate) return this.#fail(error);
    }
    if (this.#isText) frame.text = frame.truncated || this.#compressed ? null : decodeUtf8(frame.payload);
    if (!isControlOpcode(this.#opcode) && this.#fin) {
      if (this.#checkUtf8 && !this.#utf8.end()) {
        return this.#fail(protocolErrors.invalidUtf8(this.#utf8.failedAt ?? 0, true));
      }
      this.#message = null;
    }

    frames.push(frame);
    this.#state = 'header';
    this.#headerRead = 0;
    this.#maskKey = null;
    this.#kept = [];
  }

  #fail(error: ProtocolError): void {
    this.#error = { ...error, frameOffset: this.#frameStart, header: this.#header.slice(0, this.#headerRead) };
  }
}
