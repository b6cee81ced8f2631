// Raw bytes for what a well-behaved client never sends: hand-made frames, a hand-made handshake, and
// plain HTTP requests on a fresh TCP connection.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { delay } from './helpers.ts';

/** "81 05 48 65" → bytes. */
export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}

const MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

export interface FrameSpec {
  fin?: boolean;
  /** RSV bits as in the first byte: 0x40 (RSV1), 0x20 (RSV2), 0x10 (RSV3). */
  rsv?: number;
  opcode: number;
  payload?: Buffer | string;
  masked?: boolean;
  /** Declare this length instead of the payload's (to lie about it). */
  declaredLength?: number;
}

/** A client frame, masked with RFC 6455 §5.7's key unless told otherwise. */
export function frame(spec: FrameSpec): Buffer {
  const payload = typeof spec.payload === 'string' ? Buffer.from(spec.payload) : (spec.payload ?? Buffer.alloc(0));
  const masked = spec.masked ?? true;
  const length = spec.declaredLength ?? payload.length;
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (spec.rsv ?? 0) | spec.opcode;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  } else if (length < 65536) {
    header = Buffer.from([first, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff]);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= MASK[i % 4]!;
  return Buffer.concat([header, MASK, body]);
}

export function closePayload(code: number, reason = ''): Buffer {
  const out = Buffer.alloc(2 + Buffer.byteLength(reason));
  out.writeUInt16BE(code, 0);
  out.write(reason, 2);
  return out;
}

export interface ServerFrame {
  fin: boolean;
  rsv: number;
  opcode: number;
  payload: Buffer;
}

/** Splits what the server sent into frames (server frames are unmasked); stops at an incomplete one. */
export function serverFrames(bytes: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) break;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) break;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) break;
    frames.push({
      fin: (bytes[at]! & 0x80) !== 0,
      rsv: bytes[at]! & 0x70,
      opcode: bytes[at]! & 0x0f,
      payload: bytes.subarray(start, start + length),
    });
    at = start + length;
  }
  return frames;
}

/** A TCP client that performs the handshake by hand and then sends whatever bytes a test wants. */
export class RawClient {
  readonly socket: Socket;
  readonly closedPromise: Promise<void>;
  // Chunks are joined only when read: concatenating on every chunk copies quadratically, which a test that
  // receives several MiB pays for in seconds on a loaded machine.
  #chunks: Buffer[];
  #length: number;

  private constructor(socket: Socket, leftover: Buffer) {
    this.socket = socket;
    this.#chunks = [leftover];
    this.#length = leftover.length;
    socket.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.#length += chunk.length;
    });
    this.closedPromise = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static async connect(port: number, path = '/echo', extraHeaders = '', localAddress?: string): Promise<RawClient> {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.on('error', () => {});
    await once(socket, 'connect');
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`,
    );
    let buffer = Buffer.alloc(0);
    while (buffer.indexOf('\r\n\r\n') === -1) {
      const [chunk] = (await once(socket, 'data')) as [Buffer];
      buffer = Buffer.concat([buffer, chunk]);
    }
    const end = buffer.indexOf('\r\n\r\n') + 4;
    const head = buffer.subarray(0, end).toString('latin1');
    if (!head.startsWith('HTTP/1.1 101')) throw new Error(`handshake failed: ${head.split('\r\n')[0]}`);
    return new RawClient(socket, buffer.subarray(end));
  }

  /** Everything received after the 101 response. */
  get received(): Buffer {
    if (this.#chunks.length !== 1) this.#chunks = [Buffer.concat(this.#chunks, this.#length)];
    return this.#chunks[0]!;
  }

  send(bytes: Buffer | string): void {
    this.socket.write(typeof bytes === 'string' ? hex(bytes) : bytes);
  }

  frames(): ServerFrame[] {
    return serverFrames(this.received);
  }

  /** Waits until the server closes the TCP connection; returns the code of the close frame it sent (or null). */
  async serverClose(timeoutMs = 3000): Promise<{ code: number | null; reason: string; frames: ServerFrame[] }> {
    const timer = setTimeout(() => this.socket.destroy(new Error('server did not close in time')), timeoutMs);
    await this.closedPromise;
    clearTimeout(timer);
    const frames = this.frames();
    const close = frames.find((f) => f.opcode === 8);
    return {
      code: close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null,
      reason: close ? close.payload.subarray(2).toString('utf8') : '',
      frames,
    };
  }

  /** Waits for the first data frame (text or binary, possibly fragmented) and returns its whole payload. */
  async message(timeoutMs = 3000): Promise<{ opcode: number; payload: Buffer; frames: ServerFrame[] }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frames = this.frames().filter((f) => f.opcode !== 9 && f.opcode !== 10);
      const last = frames.findIndex((f) => f.fin);
      if (last !== -1) {
        const parts = frames.slice(0, last + 1);
        return { opcode: parts[0]!.opcode, payload: Buffer.concat(parts.map((f) => f.payload)), frames: parts };
      }
      if (Date.now() > deadline) throw new Error('no message from the server');
      await delay(5);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Sends raw request bytes on a fresh TCP connection and returns everything the server answers until it closes. */
export async function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<string> {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.on('error', () => {});
  await once(socket, 'connect');
  let response = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (response += chunk));
  socket.write(request);
  const timer = setTimeout(() => socket.destroy(), timeoutMs);
  await once(socket, 'close');
  clearTimeout(timer);
  return response;
}

export function statusOf(response: string): number {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
  return match ? Number(match[1]) : 0;
}

/** An upgrade request with the usual headers plus or minus some. */
export function upgradeRequest(port: number, path: string, headers: Record<string, string | null> = {}, method = 'GET'): string {
  const all: Record<string, string | null> = {
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
