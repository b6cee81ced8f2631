// Test helpers: real servers on 127.0.0.1:0, real ws clients, and a raw TCP client for the bytes a
// well-behaved client never sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket, { type ClientOptions } from 'ws';
import { expect } from 'vitest';
import { loadConfig } from '../config.ts';
import { createDemoServer, type DemoServer } from '../server.ts';

export const fixtureSite = fileURLToPath(new URL('./fixtures/site', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The control client connects from another loopback address, like a different user would. */
export const CONTROL_ADDRESS = '127.0.0.2';

export interface TestServer {
  demo: DemoServer;
  port: number;
  url(path: string): string;
  http(path: string): string;
  close(): Promise<void>;
}

/** Starts a server with test-sized settings; `env` uses DESIGN.md's variable names. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    HEARTBEAT_MS: '200',
    SITE_DIR: fixtureSite,
    ...env,
  });
  const demo = createDemoServer(config);
  const { port } = await demo.listen();
  return {
    demo,
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    http: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => demo.close(),
  };
}

export interface Refusal {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Received {
  data: Buffer;
  isBinary: boolean;
  text: string;
}

/**
 * Everything a client receives, recorded from the moment it is created: a server may send (or fail) right
 * after the handshake, before a test that awaited `open()` gets to attach a listener.
 */
class Inbox {
  readonly messages: Received[] = [];
  error: Error | null = null;
  close: { code: number; reason: string } | null = null;
  #wake = new Set<() => void>();

  constructor(ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.messages.push({ data, isBinary, text: data.toString('utf8') });
      this.#notify();
    });
    ws.on('error', (error: Error) => {
      this.error ??= error;
      this.#notify();
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.close = { code, reason: reason.toString('utf8') };
      this.#notify();
    });
  }

  #notify(): void {
    for (const wake of this.#wake) wake();
  }

  /** Resolves with `pick()`'s first non-undefined answer, re-asking after every event. */
  until<T>(pick: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        try {
          const value = pick();
          if (value === undefined) return;
          this.#wake.delete(check);
          resolve(value);
        } catch (error) {
          this.#wake.delete(check);
          reject(error);
        }
      };
      this.#wake.add(check);
      check();
    });
  }
}

const inboxes = new WeakMap<WebSocket, Inbox>();

function inboxOf(ws: WebSocket): Inbox {
  const inbox = inboxes.get(ws);
  if (!inbox) throw new Error('this WebSocket was not made by the helpers (use client() or open())');
  return inbox;
}

/** A WebSocket whose messages, error and close are recorded from the start. */
export function client(url: string, protocols: string[] = [], options: ClientOptions = {}): WebSocket {
  const ws = new WebSocket(url, protocols, options);
  inboxes.set(ws, new Inbox(ws));
  return ws;
}

/** Opens a WebSocket; rejects with the Refusal if the server answers the handshake with an HTTP error. */
export function open(url: string, protocols: string[] = [], options: ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = client(url, protocols, options);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => reject({ status: res.statusCode ?? 0, headers: res.headers, body } satisfies Refusal));
      res.on('error', () => reject({ status: res.statusCode ?? 0, headers: res.headers, body } satisfies Refusal));
    });
  });
}

/** Expects the handshake to be refused and returns how. */
export async function refusal(url: string, protocols: string[] = [], options: ClientOptions = {}): Promise<Refusal> {
  try {
    const ws = await open(url, protocols, options);
    ws.terminate();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'status' in error) return error as Refusal;
    throw error;
  }
  throw new Error(`expected ${url} to be refused, but it opened`);
}

/** The next message not yet taken (fails if the connection closes first). */
export function nextMessage(ws: WebSocket): Promise<Received> {
  const inbox = inboxOf(ws);
  return inbox.until(() => {
    if (inbox.messages.length > 0) return inbox.messages.shift()!;
    if (inbox.close) throw new Error(`closed with ${inbox.close.code} before a message arrived`);
    return undefined;
  });
}

/** The next `n` messages, parsed as JSON. */
export async function nextJson(ws: WebSocket, n = 1): Promise<any[]> {
  const out: any[] = [];
  for (let i = 0; i < n; i++) out.push(JSON.parse((await nextMessage(ws)).text));
  return out;
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  const inbox = inboxOf(ws);
  return inbox.until(() => inbox.close ?? undefined);
}

export function errored(ws: WebSocket): Promise<Error> {
  const inbox = inboxOf(ws);
  return inbox.until(() => inbox.error ?? undefined);
}

/** A different "user" opens /echo, gets its message back and closes cleanly: the server is fine. */
export async function expectControlEcho(server: { url(path: string): string }): Promise<void> {
  const ws = await open(server.url('/echo'), [], { localAddress: CONTROL_ADDRESS });
  const reply = nextMessage(ws);
  ws.send('control');
  expect((await reply).text).toBe('control');
  const done = closed(ws);
  ws.close(1000);
  expect((await done).code).toBe(1000);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}

// ---- raw bytes -------------------------------------------------------------------------------------

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
  /** Everything received after the 101 response. */
  received: Buffer = Buffer.alloc(0);
  readonly closedPromise: Promise<void>;

  private constructor(socket: Socket, leftover: Buffer) {
    this.socket = socket;
    this.received = leftover;
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
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

// ---- a server in its own process (for memory measurements and signals) ------------------------------

export interface ChildServer {
  child: ChildProcess;
  port: number;
  url(path: string): string;
  /** Resident memory of the server process, from /healthz. */
  rss(): Promise<number>;
  health(): Promise<string>;
  stop(): Promise<number | null>;
}

export async function spawnServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['demo-server/main.ts', '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SITE_DIR: fixtureSite, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebSocket School: http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
  return {
    child,
    port,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    health,
    async rss() {
      const match = /^rss (\d+)$/m.exec(await health());
      return Number(match![1]);
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

export const MiB = 1024 * 1024;
