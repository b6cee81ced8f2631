// What a transcript's items mean for the page, step by step: readyState after each item, the frame the
// codec would write for each message, and messages and bytes per second each way for the chart.

import type { ReadyState } from '../connection/model.ts';
import type { DetailFrame } from '../frames/summary.ts';
import { encodeFrame } from '../protocol/encoder.ts';
import { decodeUtf8 } from '../protocol/utf8.ts';
import { messagePayload, type TranscriptItem, type TranscriptMessage } from './transcript.ts';

/** The payload bytes a frame view keeps, like the inspector's tap (the declared length stays exact). */
const KEPT_PAYLOAD = 256;

/** readyState once `items[0..count)` have happened. A Close from the server, or close(), makes it CLOSING. */
export function readyStateAfter(items: readonly TranscriptItem[], count: number): ReadyState | null {
  let state: ReadyState | null = null;
  for (const item of items.slice(0, count)) {
    if (item.kind === 'event') {
      if (item.type === 'connect') state = 0;
      else if (item.type === 'open') state = 1;
      else if (item.type === 'closeCall' && (state === 0 || state === 1)) state = 2;
      else if (item.type === 'close') state = 3;
    } else if (item.opcode === 8 && state === 1) {
      state = 2;
    }
  }
  return state;
}

/**
 * The frame the codec would write for a whole message. A HAR has no masking key, so a client frame is shown
 * with MASK = 1 and the header stopping before the key (`maskKey` null, `masked` true).
 */
export function messageFrame(message: TranscriptMessage): DetailFrame {
  const payload = messagePayload(message) ?? new Uint8Array(0);
  const kept = payload.subarray(0, KEPT_PAYLOAD);
  // Encode with an empty payload of the right length only when bytes are unknown (a Blob's size).
  const encoded = encodeFrame({ opcode: message.opcode, payload: payload.length === message.size ? payload : new Uint8Array(message.size) });
  const headerLength = encoded.length - message.size;
  const header = encoded.slice(0, headerLength);
  if (message.dir === 'client') header[1] |= 0x80;
  const text = message.opcode === 1 ? (message.text ?? decodeUtf8(payload)) : null;
  return { header, payload: kept, maskKey: null, masked: message.dir === 'client', opcode: message.opcode, fin: true, rsv: [false, false, false], length: message.size, text, dir: message.dir };
}

export type RateBucket = { second: number; client: { messages: number; bytes: number }; server: { messages: number; bytes: number } };

/** Messages and payload bytes per whole second since the start, each way; every second up to the last is present. */
export function ratePerSecond(items: readonly TranscriptItem[]): RateBucket[] {
  const messages = items.filter((i): i is TranscriptMessage => i.kind === 'message');
  if (messages.length === 0) return [];
  const last = Math.floor(Math.max(...messages.map((m) => m.t)) / 1000);
  // A long recording is drawn in at most 600 columns; the chart labels say seconds, so the bucket grows instead.
  const buckets: RateBucket[] = Array.from({ length: Math.min(last, 599) + 1 }, (_, second) => ({
    second,
    client: { messages: 0, bytes: 0 },
    server: { messages: 0, bytes: 0 },
  }));
  const span = (last + 1) / buckets.length;
  for (const m of messages) {
    const bucket = buckets[Math.min(buckets.length - 1, Math.floor(m.t / 1000 / span))]!;
    bucket[m.dir].messages++;
    bucket[m.dir].bytes += m.size;
  }
  return buckets;
}
