// One-shot decoding for bytes that are all there already, such as hex pasted into the frame builder:
// the same FrameDecoder, plus what a view needs to say about a frame that stops short.

import type { DecodeResult, DecoderState, FrameDecoderOptions } from './decoder.ts';
import { FrameDecoder } from './decoder.ts';

export type DecodeFramesResult = DecodeResult & {
  /** Set when the bytes end inside a frame: where the decoder stopped and how many more bytes it needs. */
  incomplete: { state: DecoderState; needed: number } | null;
};

export function decodeFrames(bytes: Uint8Array, options?: FrameDecoderOptions): DecodeFramesResult {
  const decoder = new FrameDecoder(options);
  const result = decoder.push(bytes);
  const needed = decoder.needed;
  const incomplete = result.error === null && needed > 0 ? { state: decoder.state, needed } : null;
  return { ...result, incomplete };
}
