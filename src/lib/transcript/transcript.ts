// A transcript: one connection written down so it can be kept, opened again, replayed and shared — the
// handshake, every message both ways with its time, and what the page saw (open, error, close). Our own
// versioned JSON format (documented in the README); HAR import and export live in har.ts.

import type { FrameRecord, HandshakeRecord } from '../inspect/records.ts';
import { parseRecord } from '../inspect/records.ts';
import type { LogEntry } from '../connection/model.ts';
import { fromBase64, toBase64 } from '../protocol/base64.ts';
import { decodeUtf8Lossy, encodeUtf8 } from '../protocol/utf8.ts';

export const TRANSCRIPT_FORMAT = 'websocket-school-transcript';
export const TRANSCRIPT_VERSION = 1;

export type TranscriptMessage = {
  kind: 'message';
  /** Milliseconds since the transcript's start. */
  t: number;
  dir: 'client' | 'server';
  /** 1 text, 2 binary (and 8/9/10 when a HAR listed control frames). */
  opcode: number;
  /** Text messages: the text. */
  text?: string;
  /** Binary messages: the bytes, base64. Absent when only the size is known (a Blob the page sent). */
  base64?: string;
  /** Payload bytes. */
  size: number;
};

export type TranscriptEvent = {
  kind: 'event';
  t: number;
  type: 'connect' | 'open' | 'error' | 'close' | 'closeCall';
  code?: number;
  reason?: string;
  wasClean?: boolean;
  protocol?: string;
  extensions?: string;
};

export type TranscriptItem = TranscriptMessage | TranscriptEvent;

export type Transcript = {
  format: typeof TRANSCRIPT_FORMAT;
  version: typeof TRANSCRIPT_VERSION;
  /** Where it was recorded: one of our labs, or a HAR file. */
  source: 'lab' | 'har';
  url: string;
  /** ISO 8601 time of t = 0. */
  startedAt: string;
  handshake: HandshakeRecord | null;
  /** In time order. */
  items: TranscriptItem[];
  /** The frames as the demo server's tap recorded them (lab sessions with an inspector), t on the page's clock. */
  frames?: FrameRecord[];
  /** True when secrets were replaced by "[redacted]". */
  redacted: boolean;
};

export function messagePayload(message: TranscriptMessage): Uint8Array | null {
  if (message.text !== undefined) return encodeUtf8(message.text);
  if (message.base64 !== undefined) return fromBase64(message.base64);
  return null;
}

const round = (t: number) => Math.round(t * 10) / 10;

/**
 * A lab session as a transcript: the connection model's log (the page's view) and, when the lab has an
 * inspector, its handshake and frames. Frame times are on the server's clock; they are moved onto the page's
 * clock by lining the handshake (sent when the server accepted) up with the page's `open`.
 */
export function fromLab(input: {
  url: string;
  startedAt: Date;
  log: readonly LogEntry[];
  handshake?: HandshakeRecord | null;
  frames?: readonly FrameRecord[];
}): Transcript {
  const items: TranscriptItem[] = [];
  const connectAt = input.log.find((e) => e.kind === 'connect')?.t ?? 0;
  for (const entry of input.log) {
    const t = round(Math.max(0, entry.t - connectAt));
    if (entry.kind === 'connect') items.push({ kind: 'event', t, type: 'connect' });
    else if (entry.kind === 'open') items.push({ kind: 'event', t, type: 'open', protocol: entry.protocol, extensions: entry.extensions });
    else if (entry.kind === 'error') items.push({ kind: 'event', t, type: 'error' });
    else if (entry.kind === 'close') items.push({ kind: 'event', t, type: 'close', code: entry.code, reason: entry.reason, wasClean: entry.wasClean });
    else if (entry.kind === 'closeCall') {
      const call: TranscriptEvent = { kind: 'event', t, type: 'closeCall' };
      if (entry.code !== undefined) call.code = entry.code;
      if (entry.reason !== undefined) call.reason = entry.reason;
      items.push(call);
    } else if (entry.kind === 'send' || entry.kind === 'message') {
      // A send() from CLOSING on never reaches the wire.
      if (entry.kind === 'send' && entry.readyState !== 1) continue;
      const dir = entry.kind === 'send' ? 'client' : 'server';
      const data = entry.data;
      if (data.type === 'text') items.push({ kind: 'message', t, dir, opcode: 1, text: data.text, size: encodeUtf8(data.text).length });
      else if (data.type === 'arraybuffer') items.push({ kind: 'message', t, dir, opcode: 2, base64: toBase64(data.bytes), size: data.bytes.length });
      else items.push({ kind: 'message', t, dir, opcode: 2, size: data.size });
    }
  }
  const transcript: Transcript = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    source: 'lab',
    url: input.url,
    startedAt: input.startedAt.toISOString(),
    handshake: input.handshake ?? null,
    items,
    redacted: false,
  };
  if (input.frames && input.frames.length > 0) {
    const open = items.find((i) => i.kind === 'event' && i.type === 'open')?.t ?? 0;
    const anchor = input.handshake?.t ?? input.frames[0]!.t;
    transcript.frames = input.frames.map((f) => ({ ...f, t: round(Math.max(0, f.t - anchor + open)) }));
  }
  return transcript;
}

export type TranscriptParse = { transcript: Transcript } | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const EVENT_TYPES = new Set(['connect', 'open', 'error', 'close', 'closeCall']);

function readItem(raw: unknown, at: number): TranscriptItem | string {
  if (!isObject(raw) || !isTime(raw.t)) return `items[${at}] needs a time t`;
  if (raw.kind === 'event') {
    if (typeof raw.type !== 'string' || !EVENT_TYPES.has(raw.type)) return `items[${at}].type is not an event the page sees`;
    const event: TranscriptEvent = { kind: 'event', t: raw.t, type: raw.type as TranscriptEvent['type'] };
    if (raw.code !== undefined) {
      if (!Number.isInteger(raw.code)) return `items[${at}].code must be an integer`;
      event.code = raw.code as number;
    }
    for (const key of ['reason', 'protocol', 'extensions'] as const) {
      if (raw[key] !== undefined) {
        if (typeof raw[key] !== 'string') return `items[${at}].${key} must be a string`;
        event[key] = raw[key] as string;
      }
    }
    if (raw.wasClean !== undefined) event.wasClean = raw.wasClean === true;
    return event;
  }
  if (raw.kind === 'message') {
    if (raw.dir !== 'client' && raw.dir !== 'server') return `items[${at}].dir must be client or server`;
    if (!Number.isInteger(raw.opcode) || (raw.opcode as number) < 0 || (raw.opcode as number) > 15) return `items[${at}].opcode must be 0–15`;
    const message: TranscriptMessage = { kind: 'message', t: raw.t, dir: raw.dir, opcode: raw.opcode as number, size: 0 };
    if (typeof raw.text === 'string') {
      message.text = raw.text;
      message.size = encodeUtf8(raw.text).length;
    } else if (typeof raw.base64 === 'string') {
      const bytes = fromBase64(raw.base64);
      if (!bytes) return `items[${at}].base64 is not base64`;
      message.base64 = raw.base64;
      message.size = bytes.length;
    } else if (Number.isSafeInteger(raw.size) && (raw.size as number) >= 0) {
      message.size = raw.size as number;
    } else {
      return `items[${at}] needs text, base64 or size`;
    }
    return message;
  }
  return `items[${at}].kind must be "message" or "event"`;
}

/** Checks a parsed JSON value as a transcript of ours. */
export function readTranscript(json: unknown): TranscriptParse {
  if (!isObject(json) || json.format !== TRANSCRIPT_FORMAT) return { error: 'not a WebSocket School transcript' };
  if (json.version !== TRANSCRIPT_VERSION) return { error: `transcript version ${String(json.version)} is not one this page reads (it reads ${TRANSCRIPT_VERSION})` };
  if (typeof json.url !== 'string' || typeof json.startedAt !== 'string' || Number.isNaN(Date.parse(json.startedAt))) {
    return { error: 'url and startedAt must be a URL and an ISO time' };
  }
  if (!Array.isArray(json.items)) return { error: 'items must be a list' };
  const items: TranscriptItem[] = [];
  for (let i = 0; i < json.items.length; i++) {
    const item = readItem(json.items[i], i);
    if (typeof item === 'string') return { error: item };
    items.push(item);
  }
  let handshake: HandshakeRecord | null = null;
  if (json.handshake !== null && json.handshake !== undefined) {
    const parsed = parseRecord(json.handshake);
    if ('error' in parsed || parsed.record.kind !== 'handshake') return { error: `handshake: ${'error' in parsed ? parsed.error : 'not a handshake record'}` };
    handshake = parsed.record;
  }
  const transcript: Transcript = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    source: json.source === 'har' ? 'har' : 'lab',
    url: json.url,
    startedAt: json.startedAt,
    handshake,
    items: items.sort((a, b) => a.t - b.t),
    redacted: json.redacted === true,
  };
  if (Array.isArray(json.frames)) {
    const frames: FrameRecord[] = [];
    for (const raw of json.frames) {
      const parsed = parseRecord(raw);
      if ('error' in parsed || parsed.record.kind !== 'frame') return { error: `frames: ${'error' in parsed ? parsed.error : 'not a frame record'}` };
      frames.push(parsed.record);
    }
    transcript.frames = frames;
  }
  return { transcript };
}

/** Pretty-printed JSON when the text is JSON, else null (payloads in the timeline). */
export function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

/** A message's payload as text for a preview: the text, or the bytes shown as lossy UTF-8. */
export function previewText(message: TranscriptMessage): string {
  if (message.text !== undefined) return message.text;
  const bytes = messagePayload(message);
  return bytes ? decodeUtf8Lossy(bytes) : '';
}
