// Messages to and from frames on the simulated wire, with the project's codec: a writer that frames one
// message (masked with fresh keys from a client, split where the endpoint fragments, compressed where
// permessage-deflate was negotiated) and a reader that decodes bytes, checks them as a peer must, and
// hands on whole messages and control frames in order.
import { encodeClosePayload, encodeFrame, FrameDecoder, OPCODE, randomMaskKey, type FrameDecoderOptions, type ProtocolError } from '../protocol/index.ts';
import { deflateMessage, inflateMessage } from './deflate.ts';

export type FrameOptions = { masked: boolean; deflate: boolean; fragments?: number };

/**
 * The frames of one data message. With `fragments` = N the payload is cut into N equal slices (the last
 * possibly shorter or empty), as the demo server does; a compressed message is compressed whole, then cut.
 */
export async function messageFrames(data: Uint8Array, binary: boolean, options: FrameOptions): Promise<Uint8Array[]> {
  const payload = options.deflate ? await deflateMessage(data) : data;
  const count = Math.max(1, options.fragments ?? 1);
  const size = Math.ceil(payload.length / count);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    frames.push(
      encodeFrame({
        fin: i === count - 1,
        rsv: [options.deflate && i === 0, false, false],
        opcode: i === 0 ? (binary ? OPCODE.BINARY : OPCODE.TEXT) : OPCODE.CONTINUATION,
        payload: payload.subarray(i * size, Math.min((i + 1) * size, payload.length)),
        maskKey: options.masked ? randomMaskKey() : null,
      }),
    );
  }
  return frames;
}

/** A control frame: close (with an optional code and reason), ping or pong. */
export function controlFrame(opcode: number, masked: boolean, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeFrame({ opcode, payload, maskKey: masked ? randomMaskKey() : null });
}

export function closeFrame(masked: boolean, code?: number, reason = ''): Uint8Array {
  return controlFrame(OPCODE.CLOSE, masked, code === undefined ? new Uint8Array(0) : encodeClosePayload(code, reason));
}

export type WireEvent =
  | { kind: 'message'; data: Uint8Array; binary: boolean }
  | { kind: 'ping'; payload: Uint8Array }
  | { kind: 'pong' }
  | { kind: 'close'; code: number | null; reason: string }
  | { kind: 'error'; error: ProtocolError };

/** Reads one direction: frames in, WireEvents out, in wire order even when a message must be inflated. */
export class WireReader {
  readonly #decoder: FrameDecoder;
  readonly #onEvent: (event: WireEvent) => void;
  #parts: Uint8Array[] = [];
  #binary = false;
  #compressed = false;
  #chain: Promise<void> = Promise.resolve();
  #failed = false;

  constructor(options: FrameDecoderOptions, onEvent: (event: WireEvent) => void) {
    this.#decoder = new FrameDecoder({ ...options, validate: true });
    this.#onEvent = onEvent;
  }

  /** Settles once every event of the bytes pushed so far has been handed on (a message may be inflating). */
  settled(): Promise<void> {
    return this.#chain;
  }

  push(bytes: Uint8Array): void {
    if (this.#failed) return;
    const { frames, error } = this.#decoder.push(bytes);
    for (const frame of frames) {
      if (frame.opcode === OPCODE.PING) this.#emit({ kind: 'ping', payload: frame.payload });
      else if (frame.opcode === OPCODE.PONG) this.#emit({ kind: 'pong' });
      else if (frame.opcode === OPCODE.CLOSE) this.#emit({ kind: 'close', code: frame.close?.code ?? null, reason: frame.close?.reason ?? '' });
      else this.#data(frame.opcode, frame.rsv[0], frame.fin, frame.payload);
    }
    if (error) {
      this.#failed = true;
      this.#emit({ kind: 'error', error });
    }
  }

  #data(opcode: number, rsv1: boolean, fin: boolean, payload: Uint8Array): void {
    if (opcode !== OPCODE.CONTINUATION) {
      this.#binary = opcode === OPCODE.BINARY;
      this.#compressed = rsv1;
      this.#parts = [];
    }
    this.#parts.push(payload);
    if (!fin) return;
    const whole = join(this.#parts);
    const binary = this.#binary;
    this.#parts = [];
    if (this.#compressed) {
      const inflated = inflateMessage(whole);
      this.#chain = this.#chain.then(async () => this.#onEvent({ kind: 'message', data: await inflated, binary }));
    } else {
      this.#emit({ kind: 'message', data: whole, binary });
    }
  }

  #emit(event: WireEvent): void {
    this.#chain = this.#chain.then(() => this.#onEvent(event));
  }
}

export function join(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
