// The records the demo server's tap streams on /inspect?session=ID (docs/DEMO-SERVER.md, "/inspect"),
// and a parser that checks each one before a view trusts it: a record is data from the network, so a
// malformed one is reported and skipped, never rendered half-way.

import { fromHex } from '../protocol/hex.ts';

/** One header line as it was on the wire: name in its original case, value untouched. */
export type HeaderLine = [name: string, value: string];

export type HandshakeRecord = {
  kind: 'handshake';
  /** Milliseconds on the server's clock, when the server sent it. */
  t?: number;
  request: { method: string; path: string; headers: HeaderLine[] };
  /**
   * The server's answer: 101 when it accepted, else the refusal it wrote (400, 403, 426, 429, 503…), whose
   * `body` is its plain-text reason (to be shown as text, never as HTML). A 101 has no body.
   */
  response: { status: number; statusText?: string; headers: HeaderLine[]; body?: string };
};

/** Longest refusal body a record may carry (the demo server sends at most 512 characters). */
export const MAX_RESPONSE_BODY = 4096;

export type FrameRecord = {
  kind: 'frame';
  /** Who sent the frame: the browser ('client') or the demo server ('server'). */
  dir: 'client' | 'server';
  /** Milliseconds on the server's clock when the tap saw the frame. */
  t: number;
  fin: boolean;
  rsv: [boolean, boolean, boolean];
  opcode: number;
  masked: boolean;
  /** The 4-byte masking key as 8 hex digits, or null when MASK is 0. */
  maskKey: string | null;
  /** The payload length the header declares. */
  length: number;
  /** The header bytes exactly as on the wire (2 to 14 bytes), masking key included. */
  headerHex: string;
  /** The first 256 bytes of the payload, unmasked (what the application receives). */
  payloadHex: string;
  /** The payload as text for frames of a text message, when it is whole valid UTF-8; otherwise null. */
  text: string | null;
  /**
   * Set on the frame that broke a rule (the last one recorded in its direction): the codec's error code
   * (`WS_ERR_…`; decodeFrames on headerHex gives the full explanation), the close code it calls for, the rule,
   * and the header field at fault.
   */
  error?: FrameRecordError;
  /**
   * On a refused client frame: the close frame the server answered with, or null if it sent none. (A refused
   * frame whose connection ended inside its header has headerHex cut short there and maskKey null.)
   */
  close?: { code: number | null; reason: string } | null;
};

export type FrameRecordError = { code: string; closeCode: number; rule: string; field: string | null };

/** The tap had to leave records out (the inspector could not keep up): how many, so the view can say so. */
export type DroppedRecord = {
  kind: 'dropped';
  count: number;
  t?: number;
};

export type InspectRecord = HandshakeRecord | FrameRecord | DroppedRecord;

export type ParseResult = { record: InspectRecord } | { error: string };

// Plain English: these explain to a developer why the server's output was refused; the view shows a
// translated summary ("N malformed records were ignored").
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function hexBytes(value: unknown, field: string): { bytes: Uint8Array } | { error: string } {
  if (typeof value !== 'string') return { error: `${field} must be a hex string` };
  const parsed = fromHex(value);
  if ('error' in parsed) return { error: `${field} must be hex, two digits per byte` };
  return parsed;
}

/**
 * Header lines arrive either as pairs (`[["Host","x"],…]`, order and case kept) or as an object
 * (`{"host":"x"}`, as Node's req.headers); both become pairs. Anything else is malformed.
 */
function parseHeaders(value: unknown, where: string): HeaderLine[] | string {
  const lines: HeaderLine[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') {
        lines.push([item[0], item[1]]);
      } else if (isObject(item) && typeof item.name === 'string' && typeof item.value === 'string') {
        lines.push([item.name, item.value]);
      } else {
        return `${where}.headers must hold [name, value] string pairs`;
      }
    }
    return lines;
  }
  if (isObject(value)) {
    for (const [name, v] of Object.entries(value)) {
      if (typeof v === 'string') lines.push([name, v]);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) for (const x of v) lines.push([name, x]);
      else return `${where}.headers["${name}"] must be a string`;
    }
    return lines;
  }
  return `${where}.headers is missing`;
}

function parseHandshake(raw: Record<string, unknown>): ParseResult {
  const { request, response } = raw;
  if (!isObject(request) || !isObject(response)) return { error: 'a handshake record needs request and response objects' };
  if (typeof request.method !== 'string' || typeof request.path !== 'string') {
    return { error: 'request.method and request.path must be strings' };
  }
  const status = response.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return { error: 'response.status must be an HTTP status code' };
  }
  if (response.statusText !== undefined && typeof response.statusText !== 'string') {
    return { error: 'response.statusText must be a string' };
  }
  if (response.body !== undefined) {
    if (typeof response.body !== 'string') return { error: 'response.body must be a string' };
    if (status === 101) return { error: 'a 101 response has no body' };
    if (response.body.length > MAX_RESPONSE_BODY) return { error: `response.body is longer than ${MAX_RESPONSE_BODY} characters` };
  }
  const requestHeaders = parseHeaders(request.headers, 'request');
  if (typeof requestHeaders === 'string') return { error: requestHeaders };
  const responseHeaders = parseHeaders(response.headers, 'response');
  if (typeof responseHeaders === 'string') return { error: responseHeaders };
  if (raw.t !== undefined && !isTime(raw.t)) return { error: 't must be a time in milliseconds' };
  const record: HandshakeRecord = {
    kind: 'handshake',
    request: { method: request.method, path: request.path, headers: requestHeaders },
    response: { status, headers: responseHeaders },
  };
  if (typeof response.statusText === 'string') record.response.statusText = response.statusText;
  if (typeof response.body === 'string') record.response.body = response.body;
  if (raw.t !== undefined) record.t = raw.t as number;
  return { record };
}

function parseFrame(raw: Record<string, unknown>): ParseResult {
  const { dir, t, fin, rsv, opcode, masked, maskKey, length, text } = raw;
  if (dir !== 'client' && dir !== 'server') return { error: 'dir must be "client" or "server"' };
  if (!isTime(t)) return { error: 't must be a time in milliseconds' };
  if (typeof fin !== 'boolean' || typeof masked !== 'boolean') return { error: 'fin and masked must be booleans' };
  if (!Array.isArray(rsv) || rsv.length !== 3 || !rsv.every((b) => typeof b === 'boolean')) {
    return { error: 'rsv must be three booleans' };
  }
  if (typeof opcode !== 'number' || !Number.isInteger(opcode) || opcode < 0 || opcode > 15) {
    return { error: 'opcode must be an integer from 0 to 15' };
  }
  if (!isCount(length)) return { error: 'length must be a non-negative integer' };
  if (text !== null && typeof text !== 'string') return { error: 'text must be a string or null' };

  const header = hexBytes(raw.headerHex, 'headerHex');
  if ('error' in header) return header;
  const payload = hexBytes(raw.payloadHex, 'payloadHex');
  if ('error' in payload) return payload;
  if (payload.bytes.length > length) return { error: 'payloadHex holds more bytes than length declares' };

  // A refused frame (one with `error`) may stop inside its header when the connection ended there: then
  // headerHex holds the bytes that came, at least up to the payload length, and maskKey is null.
  const refused = raw.error !== undefined;
  let key: string | null = null;
  if (masked && !(refused && maskKey === null)) {
    const keyBytes = hexBytes(maskKey, 'maskKey');
    if ('error' in keyBytes) return keyBytes;
    if (keyBytes.bytes.length !== 4) return { error: 'maskKey must be 4 bytes' };
    key = toPlainHex(keyBytes.bytes);
  } else if (maskKey !== null && maskKey !== undefined) {
    return { error: 'maskKey must be null when masked is false' };
  }

  // The header must say what the other fields say, or a bit diagram drawn from it would contradict them.
  const h = header.bytes;
  const lengthBytes = h.length >= 2 ? ((h[1] & 0x7f) === 126 ? 2 : (h[1] & 0x7f) === 127 ? 8 : 0) : 0;
  const expectedLength = 2 + lengthBytes + (masked ? 4 : 0);
  const cutShort = refused && key === null && masked && h.length >= expectedLength - 4 && h.length < expectedLength;
  if (h.length !== expectedLength && !cutShort) return { error: `headerHex must be ${expectedLength} bytes for this frame` };
  if (masked && key === null && !cutShort) return { error: 'maskKey is missing' };
  const agrees =
    ((h[0] & 0x80) !== 0) === fin &&
    ((h[0] & 0x40) !== 0) === rsv[0] &&
    ((h[0] & 0x20) !== 0) === rsv[1] &&
    ((h[0] & 0x10) !== 0) === rsv[2] &&
    (h[0] & 0x0f) === opcode &&
    ((h[1] & 0x80) !== 0) === masked &&
    (!masked || key === null || toPlainHex(h.subarray(expectedLength - 4)) === key);
  if (!agrees) return { error: 'headerHex disagrees with fin, rsv, opcode, masked or maskKey' };

  const record: FrameRecord = {
    kind: 'frame',
    dir,
    t,
    fin,
    rsv: [rsv[0], rsv[1], rsv[2]],
    opcode,
    masked,
    maskKey: key,
    length,
    headerHex: toPlainHex(h),
    payloadHex: toPlainHex(payload.bytes),
    text: text as string | null,
  };
  if (raw.error !== undefined) {
    const error = parseFrameError(raw.error);
    if (typeof error === 'string') return { error };
    record.error = error;
  }
  if (raw.close !== undefined) {
    const close = raw.close;
    if (close === null) record.close = null;
    else if (
      isObject(close) &&
      (close.code === null || (typeof close.code === 'number' && Number.isInteger(close.code) && close.code >= 1000 && close.code <= 4999)) &&
      typeof close.reason === 'string'
    ) {
      record.close = { code: close.code as number | null, reason: close.reason };
    } else {
      return { error: 'close must be null or {code, reason}' };
    }
  }
  return { record };
}

function parseFrameError(value: unknown): FrameRecordError | string {
  if (!isObject(value)) return 'error must be an object';
  const { code, closeCode, rule, field } = value;
  if (typeof code !== 'string' || !/^WS_ERR_[A-Z0-9_]+$/.test(code)) return 'error.code must be a WS_ERR_… code';
  if (typeof closeCode !== 'number' || !Number.isInteger(closeCode) || closeCode < 1000 || closeCode > 4999) {
    return 'error.closeCode must be a close code';
  }
  if (typeof rule !== 'string') return 'error.rule must be a string';
  if (field !== null && field !== undefined && typeof field !== 'string') return 'error.field must be a string or null';
  return { code, closeCode, rule, field: (field as string | null | undefined) ?? null };
}

function toPlainHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Checks one record (already parsed from JSON). Unknown kinds are errors too: the view cannot show them. */
export function parseRecord(value: unknown): ParseResult {
  if (!isObject(value)) return { error: 'a record must be a JSON object' };
  switch (value.kind) {
    case 'handshake':
      return parseHandshake(value);
    case 'frame':
      return parseFrame(value);
    case 'dropped': {
      if (!isCount(value.count) || value.count === 0) return { error: 'dropped.count must be a positive integer' };
      if (value.t !== undefined && !isTime(value.t)) return { error: 't must be a time in milliseconds' };
      const record: DroppedRecord = { kind: 'dropped', count: value.count };
      if (value.t !== undefined) record.t = value.t as number;
      return { record };
    }
    default:
      return { error: `unknown record kind ${JSON.stringify(value.kind)}` };
  }
}

/** Parses one WebSocket message from /inspect: a record, or an array of records sent together. */
export function parseRecordMessage(data: unknown): ParseResult[] {
  if (typeof data !== 'string') return [{ error: 'records arrive as text messages' }];
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return [{ error: 'not JSON' }];
  }
  return Array.isArray(value) ? value.map(parseRecord) : [parseRecord(value)];
}
