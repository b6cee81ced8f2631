// The tap's records (docs/DEMO-SERVER.md, "/inspect"): what the demo server's tap and the page's simulated
// server both stream on /inspect?session=ID. Each record `satisfies` its type in records.ts, the parser the
// inspector view reads them with, so a field added or renamed on one side fails `npm run check` on the other. Bytes go in, one direction at a time, and are decoded with the
// site's own codec; each frame (and the first frame that breaks a rule) comes out as one JSON record.
// Written once here so a simulated connection's inspector reads exactly what a real one's does.
import { describeHeader, FrameDecoder, OPCODE, toHex, type Frame, type FrameDecoderOptions, type ProtocolError } from '../protocol/index.ts';
import type { DroppedRecord, FrameRecord, HandshakeRecord, HeaderLine } from './records.ts';

/** Inspector: bytes of each payload shown. */
export const TAP_PAYLOAD_BYTES = 256;
/** Inspector: characters of a refused handshake's body (its one-line reason) kept in the record. */
export const TAP_REFUSAL_BODY_CHARS = 512;

/** A session id is a random 128-bit value chosen by the browser: 32 hex digits or 22 base64url characters. */
export function isSessionId(id: string): boolean {
  return /^(?:[0-9a-fA-F]{32}|[A-Za-z0-9_-]{22})$/.test(id);
}

/** The refusal (400) for a malformed `?session=`. */
export const BAD_SESSION_REASON = '?session= must be a random 128-bit id: 32 hex digits or 22 base64url characters';

/** Where a direction's records go: a session (demo server) or the simulator's page-local session. */
export type RecordSink = { push(record: string): void };

/** The request as the server read it (Node's IncomingMessage fits): raw headers as name, value, name, value… */
export type TapRequest = { method?: string; url?: string; rawHeaders: readonly string[] };

/** Milliseconds since the epoch, with sub-millisecond precision (frames often arrive within one ms). */
function now(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

function pairs(raw: readonly string[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/**
 * The handshake record: the request as received and the response written — the 101 ws wrote or, for a
 * refused handshake, its error status with `body` (the plain-text reason, at most TAP_REFUSAL_BODY_CHARS).
 */
export function handshakeRecord(req: TapRequest, responseLines: readonly string[], body?: string): string {
  const [statusLine = 'HTTP/1.1 101 Switching Protocols', ...lines] = responseLines;
  const status = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine);
  const headers: HeaderLine[] = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return JSON.stringify({
    kind: 'handshake',
    t: now(),
    request: { method: req.method ?? 'GET', path: req.url ?? '/', headers: pairs(req.rawHeaders) },
    response: {
      status: Number(status?.[1] ?? 101),
      statusText: status?.[2] ?? '',
      headers,
      ...(body === undefined ? {} : { body: body.slice(0, TAP_REFUSAL_BODY_CHARS) }),
    },
  } satisfies HandshakeRecord);
}

/** One frame as a record: header fields, the wire header, the first 256 payload bytes unmasked. */
export function frameRecord(dir: 'client' | 'server', frame: Frame): string {
  return JSON.stringify({
    kind: 'frame',
    dir,
    t: now(),
    fin: frame.fin,
    rsv: frame.rsv,
    opcode: frame.opcode,
    masked: frame.masked,
    maskKey: frame.maskKey ? toHex(frame.maskKey, '') : null,
    length: frame.length,
    headerHex: toHex(frame.header, ''),
    payloadHex: toHex(frame.payload.subarray(0, TAP_PAYLOAD_BYTES), ''),
    text: frame.text ?? null,
  } satisfies FrameRecord);
}

/** Tells an inspector how many records it missed (it was away too long, or read too slowly). */
export function droppedRecord(count: number): string {
  return JSON.stringify({ kind: 'dropped', count, t: Date.now() } satisfies DroppedRecord);
}

/**
 * The frame a decoder refused, read on by hand so the inspector can show it: the rest of its header (the
 * decoder stops after the bytes that broke the rule, often the first two), then its first payload bytes.
 */
class RefusedFrame {
  readonly #error: ProtocolError;
  readonly #header = new Uint8Array(14);
  #headerRead = 0;
  #headerLength = 2;
  #payload: number[] = [];
  #payloadWanted = 0;
  /** The close frame the server answered with (client direction), once it has been written. */
  close: { code: number | null; reason: string } | null = null;
  /** Its record has been pushed (once; a direction records nothing after it). */
  sent = false;

  constructor(error: ProtocolError) {
    this.#error = error;
    this.#take(error.header ?? new Uint8Array(0), 0);
  }

  get headerComplete(): boolean {
    return this.#headerRead >= 2 && this.#headerRead === this.#headerLength;
  }

  /** All the payload the record shows (or the header, if it declares none) has arrived. */
  get payloadComplete(): boolean {
    return this.headerComplete && this.#payload.length === this.#payloadWanted;
  }

  /** Reads what it still needs from `chunk`, starting at `from`. */
  push(chunk: Uint8Array, from: number): void {
    this.#take(chunk, from);
  }

  #take(chunk: Uint8Array, from: number): void {
    let at = from;
    while (at < chunk.length && !this.headerComplete) {
      this.#header[this.#headerRead++] = chunk[at++]!;
      if (this.#headerRead === 2) this.#headerLength = describeHeader(this.#header.subarray(0, 2)).headerLength;
      if (this.headerComplete) this.#payloadWanted = Math.min(this.#length(), TAP_PAYLOAD_BYTES);
    }
    while (at < chunk.length && this.headerComplete && this.#payload.length < this.#payloadWanted) {
      this.#payload.push(chunk[at++]!);
    }
  }

  /** The declared payload length (a length past 2^53 - 1, itself refused, is shown as that maximum). */
  #length(): number {
    const declared = describeHeader(this.#header.subarray(0, this.#headerRead)).payloadLength ?? 0;
    return Math.min(declared, Number.MAX_SAFE_INTEGER);
  }

  /** Enough of the header arrived to say the payload length (all of it but, perhaps, the masking key). */
  get lengthKnown(): boolean {
    return this.#headerRead >= 2 && this.#headerRead >= this.#headerLength - (this.#header[1]! & 0x80 ? 4 : 0);
  }

  /**
   * A frame record plus what was wrong and, from the client, how the server answered.
   * If the connection ended inside the header, headerHex holds the bytes that came (the server refused the
   * frame on fewer: the first two, or up to the length) and maskKey is null even when MASK is 1.
   */
  record(dir: 'client' | 'server'): string {
    const h = this.#header.subarray(0, this.#headerRead);
    const masked = (h[1]! & 0x80) !== 0;
    const key = masked && this.headerComplete ? h.subarray(this.#headerLength - 4) : null;
    const payload = Uint8Array.from(this.#payload, (b, i) => (key ? b ^ key[i & 3]! : b));
    const record: FrameRecord = {
      kind: 'frame',
      dir,
      t: now(),
      fin: (h[0]! & 0x80) !== 0,
      rsv: [(h[0]! & 0x40) !== 0, (h[0]! & 0x20) !== 0, (h[0]! & 0x10) !== 0],
      opcode: h[0]! & 0x0f,
      masked,
      maskKey: key ? toHex(key, '') : null,
      length: this.#length(),
      headerHex: toHex(h, ''),
      payloadHex: toHex(payload, ''),
      text: null,
      error: { code: this.#error.code, closeCode: this.#error.closeCode, rule: this.#error.rule, field: this.#error.field ?? null },
    };
    if (dir === 'client') record.close = this.close;
    return JSON.stringify(record);
  }
}

export interface TapOptions {
  /** The server's MAX_PAYLOAD: ws refuses a client message declared longer (1009), and so does the tap. */
  maxPayload?: number;
}

/**
 * One direction of a tapped connection. Server frames are judged as the reader's browser judges them
 * (unmasked, RSV1 only with permessage-deflate, control frames short and whole, text valid UTF-8), so each
 * broken frame from /misbehave is shown as the frame the browser refused. Client frames get the frame-level
 * rules ws enforces on them (masked, RSV1 only with permessage-deflate, MAX_PAYLOAD), so the frame ws
 * refuses is the one the tap refuses. Either way the refused frame is recorded, with an `error`
 * (and, from the client, the `close` the server answered with); after it the direction cannot be framed
 * any more, so the tap stops recording it.
 */
export class TapDirection {
  readonly #dir: 'client' | 'server';
  readonly #decoder: FrameDecoder;
  readonly #session: RecordSink;
  readonly #beforeRecord: ((frame: Frame) => void) | null;
  /** Bytes given to the decoder so far. */
  #seen = 0;
  refused: RefusedFrame | null = null;

  /** `beforeRecord` sees each decoded frame just before its record is pushed. */
  constructor(dir: 'client' | 'server', session: RecordSink, options: FrameDecoderOptions, beforeRecord?: (frame: Frame) => void) {
    this.#dir = dir;
    this.#session = session;
    this.#beforeRecord = beforeRecord ?? null;
    this.#decoder = new FrameDecoder({ keepPayloadBytes: TAP_PAYLOAD_BYTES, validate: false, ...options });
  }

  /** Nothing more to read: the refused frame has been recorded. */
  get done(): boolean {
    return this.refused?.sent === true;
  }

  /** Decodes `chunk` and records what it completes. */
  push(chunk: Uint8Array): void {
    const refused = this.refused;
    if (refused) {
      if (!refused.sent) {
        refused.push(chunk, 0);
        this.#maybeSend();
      }
      return;
    }
    const { frames, error } = this.#decoder.push(chunk);
    for (const frame of frames) {
      this.#beforeRecord?.(frame);
      this.#session.push(frameRecord(this.#dir, frame));
    }
    if (error) {
      this.refused = new RefusedFrame(error);
      // The decoder stopped right after the header bytes that broke the rule; the rest of the chunk follows.
      const stoppedAt = (error.frameOffset ?? 0) + (error.header?.length ?? 0) - this.#seen;
      this.refused.push(chunk, stoppedAt);
      this.#maybeSend();
    }
    this.#seen += chunk.length;
  }

  /** The server wrote its close frame: that is its answer to the refused client frame. */
  answered(close: { code: number | null; reason: string }): void {
    if (!this.refused || this.refused.sent) return;
    this.refused.close = close;
    this.#maybeSend();
  }

  /** The connection is over: show the refused frame with what arrived (at least up to its length). */
  end(): void {
    if (this.refused && !this.refused.sent && this.refused.lengthKnown) this.#send();
  }

  #maybeSend(): void {
    const refused = this.refused!;
    if (refused.sent) return;
    if (this.#dir === 'server') {
      if (refused.payloadComplete) this.#send();
      return;
    }
    // From the client: when the server answers. ws writes its close frame right after reading the chunk
    // that broke the rule, so the record then holds what the server read (and the rest of that chunk).
    if (refused.close !== null && refused.lengthKnown) this.#send();
  }

  #send(): void {
    this.refused!.sent = true;
    this.#session.push(this.refused!.record(this.#dir));
  }
}

/**
 * The two directions of one tapped connection: client bytes go to `incoming`, server bytes to `outgoing`.
 * The server's close frame answers a refused client frame, so that record goes first, then the close's.
 */
export function tapDirections(sink: RecordSink, options: { deflate: boolean; maxPayload?: number }): { incoming: TapDirection; outgoing: TapDirection } {
  const incoming = new TapDirection('client', sink, {
    expectMasked: true,
    allowRsv1: options.deflate,
    maxPayload: options.maxPayload || undefined, // ws: 0 means no limit
  });
  const outgoing = new TapDirection('server', sink, { expectMasked: false, allowRsv1: options.deflate, validate: true }, (frame) => {
    if (frame.opcode === OPCODE.CLOSE) incoming.answered(frame.close ?? { code: null, reason: '' });
  });
  return { incoming, outgoing };
}
