// Reads the WebSocket connections out of a HAR file (HTTP Archive 1.2, as DevTools and Playwright export it).
// Chromium writes a WebSocket's messages into its entry's `_webSocketMessages` ({type, time, opcode, data});
// everything else about the connection is an ordinary entry: the upgrade request and its 101 response.
// The input is the reader's own file, so every field is checked and a bad one is reported, never trusted.

import type { HeaderLine } from '../inspect/records.ts';
import { fromBase64 } from '../protocol/base64.ts';
import { encodeUtf8 } from '../protocol/utf8.ts';

/** Larger files are refused before they are read: JSON.parse needs several times the file's size in memory. */
export const MAX_HAR_BYTES = 50 * 1024 * 1024;

export type HarMessage = {
  dir: 'client' | 'server';
  /** Milliseconds since the epoch. */
  at: number;
  /** 1 text, 2 binary; DevTools also lists 8 (close) and 9/10 (ping/pong) when it saw them. */
  opcode: number;
  /** The text of a text message; for binary, null. */
  text: string | null;
  /** The payload bytes: UTF-8 of the text, or the decoded base64 of a binary message. */
  bytes: Uint8Array;
};

export type HarConnection = {
  /** Position among the HAR's WebSocket entries, for lists and links. */
  index: number;
  url: string;
  /** When the handshake started, ms since the epoch. */
  startedAt: number;
  request: { method: string; headers: HeaderLine[] };
  /** Null when the HAR holds no response (the connection failed before one came). */
  response: { status: number; statusText: string; headers: HeaderLine[] } | null;
  messages: HarMessage[];
  /** Messages that could not be read (bad base64, unknown type), with the first reason. */
  skipped: number;
  firstSkipReason: string | null;
};

export type HarErrorCode = 'tooLarge' | 'notJson' | 'notHar' | 'noWebSockets';
export type HarResult = { connections: HarConnection[] } | { error: HarErrorCode; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function headerLines(value: unknown): HeaderLine[] {
  if (!Array.isArray(value)) return [];
  const lines: HeaderLine[] = [];
  for (const h of value) {
    if (isObject(h) && typeof h.name === 'string' && typeof h.value === 'string') lines.push([h.name, h.value]);
  }
  return lines;
}

/** HAR times: Chromium's DevTools writes seconds since the epoch (with fractions), Playwright milliseconds. */
function toMillis(time: number): number {
  return time < 1e11 ? time * 1000 : time;
}

function isWebSocketEntry(entry: Record<string, unknown>): boolean {
  if (entry._resourceType === 'websocket' || Array.isArray(entry._webSocketMessages)) return true;
  const request = entry.request;
  return isObject(request) && typeof request.url === 'string' && /^wss?:/i.test(request.url);
}

function readMessage(raw: unknown): HarMessage | string {
  if (!isObject(raw)) return 'a message is not an object';
  const { type, time, opcode, data } = raw;
  if (type !== 'send' && type !== 'receive') return `message type "${String(type)}" is neither send nor receive`;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) return 'a message has no time';
  if (typeof opcode !== 'number' || !Number.isInteger(opcode) || opcode < 0 || opcode > 15) return 'a message has no opcode';
  const body = typeof data === 'string' ? data : '';
  const dir = type === 'send' ? 'client' : 'server';
  if (opcode === 1) return { dir, at: toMillis(time), opcode, text: body, bytes: encodeUtf8(body) };
  // Binary (and control) payloads are base64 in a HAR.
  const bytes = fromBase64(body);
  if (!bytes) return `a binary message's data is not base64`;
  return { dir, at: toMillis(time), opcode, text: null, bytes };
}

function readEntry(entry: Record<string, unknown>, index: number): HarConnection {
  const request = isObject(entry.request) ? entry.request : {};
  const response = isObject(entry.response) ? entry.response : null;
  const started = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  const messages: HarMessage[] = [];
  let skipped = 0;
  let firstSkipReason: string | null = null;
  for (const raw of Array.isArray(entry._webSocketMessages) ? entry._webSocketMessages : []) {
    const read = readMessage(raw);
    if (typeof read === 'string') {
      skipped++;
      firstSkipReason ??= read;
    } else {
      messages.push(read);
    }
  }
  messages.sort((a, b) => a.at - b.at); // stable: equal times keep the file's order
  const status = response && typeof response.status === 'number' ? response.status : 0;
  return {
    index,
    url: typeof request.url === 'string' ? request.url : '',
    startedAt: Number.isFinite(started) ? started : (messages[0]?.at ?? 0),
    request: { method: typeof request.method === 'string' ? request.method : 'GET', headers: headerLines(request.headers) },
    // DevTools writes status 0 (no response) for a connection that never got an answer.
    response: response && status > 0 ? { status, statusText: typeof response.statusText === 'string' ? response.statusText : '', headers: headerLines(response.headers) } : null,
    messages,
    skipped,
    firstSkipReason,
  };
}

/** A file's text as JSON, refused before parsing when over the limit. Pass `size` (bytes) when known. */
export function parseJsonFile(text: string, size = text.length): { json: unknown } | { error: 'tooLarge' | 'notJson'; detail: string } {
  if (size > MAX_HAR_BYTES) return { error: 'tooLarge', detail: `${size} bytes` };
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    return { error: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
}

export function parseHar(text: string, size = text.length): HarResult {
  const parsed = parseJsonFile(text, size);
  return 'error' in parsed ? parsed : readHar(parsed.json);
}

/** The WebSocket connections of an already parsed HAR. */
export function readHar(json: unknown): HarResult {
  const log = isObject(json) ? json.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries)) return { error: 'notHar', detail: 'no log.entries' };
  const connections: HarConnection[] = [];
  for (const entry of log.entries) {
    if (isObject(entry) && isWebSocketEntry(entry)) connections.push(readEntry(entry, connections.length));
  }
  if (connections.length === 0) return { error: 'noWebSockets', detail: `${log.entries.length} entries, none a WebSocket` };
  return { connections };
}
