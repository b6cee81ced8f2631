// Test helpers: real servers on 127.0.0.1:0 and real ws clients whose every event is recorded.
// (raw.ts: a raw TCP client for the bytes a well-behaved client never sends; child.ts: a server process.)
import { fileURLToPath } from 'node:url';
import WebSocket, { type ClientOptions } from 'ws';
import { afterAll, beforeAll, expect } from 'vitest';
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

/** Starts a server with test-sized settings; `env` uses the variable names of docs/DEMO-SERVER.md, "Configuration". */
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

/**
 * One server for every test of the file (or of the `describe` it is called in): started before the first test,
 * closed after the last. The returned handle reads through to it, so tests use it like a started server.
 */
export function sharedServer(env: Record<string, string> = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startServer(env);
  });
  afterAll(() => started?.close());
  const current = (): TestServer => {
    if (!started) throw new Error('sharedServer: used before beforeAll started it');
    return started;
  };
  return {
    get demo() {
      return current().demo;
    },
    get port() {
      return current().port;
    },
    url: (path) => current().url(path),
    http: (path) => current().http(path),
    close: () => current().close(),
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

export const MiB = 1024 * 1024;
