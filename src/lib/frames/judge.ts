// How a peer judges a frame builder's bytes: the codec's own decoder, as a server or a client would run it.
// Apart from builder.ts, so a lab loads the decoder when it first shows a verdict, not with the lab.
import type { DecodeFramesResult } from '../protocol/decodeFrames.ts';
import { decodeFrames } from '../protocol/decodeFrames.ts';
import { fromHex } from '../protocol/hex.ts';
import type { Message } from '../protocol/message.ts';
import type { Receiver } from './builder.ts';

/** How a receiver would judge these bytes: a server expects masked frames, a client unmasked ones. */
export function judge(bytes: Uint8Array, receiver: Receiver, deflate = false): DecodeFramesResult {
  return decodeFrames(bytes, {
    expectMasked: receiver === 'server' ? true : receiver === 'client' ? false : undefined,
    validate: true,
    allowRsv1: deflate,
  });
}

export type PastedHex =
  | { bytes: Uint8Array; result: DecodeFramesResult; hexError: null }
  | { bytes: null; result: null; hexError: Message };

export function decodePastedHex(text: string, receiver: Receiver, deflate = false): PastedHex {
  const parsed = fromHex(text);
  if ('error' in parsed) return { bytes: null, result: null, hexError: parsed.error };
  return { bytes: parsed.bytes, result: judge(parsed.bytes, receiver, deflate), hexError: null };
}
