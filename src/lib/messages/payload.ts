// What the Messages lab sends and what it receives: the four kinds of data send() takes, built from the
// reader's text, and a description of whatever event.data turned out to be (string, ArrayBuffer or Blob).

import { hexPreview } from '../connection/format.ts';

export const SEND_KINDS = ['string', 'arraybuffer', 'typedarray', 'blob'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export type Outgoing = {
  kind: SendKind;
  data: string | ArrayBuffer | Uint8Array | Blob;
  /** The call as a page would write it, for the lab to show next to its button. */
  code: string;
  /** What send() adds to bufferedAmount: text as UTF-8 bytes, binary as its byte length. */
  bytes: number;
  /** The name a reader would give it: "string", "ArrayBuffer", "Uint8Array", "Blob". */
  label: string;
};

const encoder = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** The reader's text as each kind of data; binary kinds carry the text's UTF-8 bytes. */
export function makeOutgoing(kind: SendKind, text: string): Outgoing {
  const bytes = utf8Bytes(text);
  const literal = JSON.stringify(text);
  switch (kind) {
    case 'string':
      return { kind, data: text, code: `socket.send(${literal})`, bytes: bytes.length, label: 'string' };
    case 'arraybuffer':
      // slice() so the buffer holds exactly these bytes and nothing else.
      return {
        kind,
        data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        code: `socket.send(new TextEncoder().encode(${literal}).buffer)`,
        bytes: bytes.length,
        label: 'ArrayBuffer',
      };
    case 'typedarray':
      return { kind, data: bytes, code: `socket.send(new TextEncoder().encode(${literal}))`, bytes: bytes.length, label: 'Uint8Array' };
    case 'blob':
      return {
        kind,
        data: new Blob([bytes], { type: 'text/plain' }),
        code: `socket.send(new Blob([${literal}], { type: 'text/plain' }))`,
        bytes: bytes.length,
        label: 'Blob',
      };
  }
}

/** What a message event's data turned out to be, with its contents in a form the lab can print. */
export type Arrived =
  | { type: 'string'; text: string; bytes: number }
  | { type: 'ArrayBuffer'; bytes: number; hex: string; text: string | null }
  | { type: 'Blob'; bytes: number; mime: string; hex: string; text: string | null };

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are valid UTF-8, else null (binary data need not be text at all). */
export function textOf(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Describes event.data. A Blob's bytes are not in memory yet: they are read with blob.arrayBuffer(),
 * which is why this is async (and why binaryType 'arraybuffer' is handier when you need the bytes at once).
 */
export async function inspectArrival(data: unknown): Promise<Arrived> {
  if (typeof data === 'string') return { type: 'string', text: data, bytes: utf8Bytes(data).length };
  if (data instanceof ArrayBuffer) {
    const bytes = new Uint8Array(data);
    return { type: 'ArrayBuffer', bytes: bytes.length, hex: hexPreview(bytes), text: textOf(bytes) };
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    const bytes = new Uint8Array(await data.arrayBuffer());
    return { type: 'Blob', bytes: data.size, mime: data.type, hex: hexPreview(bytes), text: textOf(bytes) };
  }
  const text = String(data);
  return { type: 'string', text, bytes: utf8Bytes(text).length };
}
