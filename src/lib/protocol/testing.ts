// Helpers for this package's tests: frames are written as hex, like the RFC writes them, and fed to the
// decoder in whatever slices a test wants to prove it survives.

import type { DecodeResult, FrameDecoder } from './decoder.ts';
import type { Frame } from './frame.ts';
import { bilingual } from './bilingual.ts';
import { fromHex } from './hex.ts';
import { concat } from './bytes.ts';

/** Bytes from hex; a typo in a test fails loudly instead of decoding something else. */
export function hex(text: string): Uint8Array {
  const result = fromHex(text);
  if ('error' in result) throw new Error(bilingual(result.error).en);
  return result.bytes;
}

/** Feeds `bytes` in slices of `size` and gathers every frame and the first error. */
export function feed(decoder: FrameDecoder, bytes: Uint8Array, size = 1): DecodeResult {
  const frames: Frame[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const result = decoder.push(bytes.slice(at, at + size));
    frames.push(...result.frames);
    if (result.error) return { frames, error: result.error };
  }
  return { frames, error: null };
}

/** Feeds `bytes` as two pushes split at `at`. */
export function feedSplit(decoder: FrameDecoder, bytes: Uint8Array, at: number): DecodeResult {
  const first = decoder.push(bytes.slice(0, at));
  if (first.error) return first;
  const second = decoder.push(bytes.slice(at));
  return { frames: [...first.frames, ...second.frames], error: second.error };
}

/** `count` bytes counting up from 0 and wrapping at 256: easy to recognise in a failing diff. */
export function sequence(count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = i & 0xff;
  return out;
}

export function join(...parts: Uint8Array[]): Uint8Array {
  return concat(
    parts,
    parts.reduce((sum, part) => sum + part.length, 0),
  );
}
