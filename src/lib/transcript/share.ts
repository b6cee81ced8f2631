// A transcript in a link: deflate-raw compressed, base64url, in the URL's fragment — which browsers never
// send to a server, so the recording stays between the reader and whoever they give the link to.

import { fromBase64, toBase64Url } from '../protocol/base64.ts';
import { encodeUtf8, decodeUtf8 } from '../protocol/utf8.ts';
import { readTranscript, type Transcript } from './transcript.ts';

/** Compressed bytes a link may carry: links far longer than this get cut by chat apps and mail clients. */
export const MAX_SHARE_BYTES = 8 * 1024;
export const SHARE_KEY = 'transcript';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export type ShareResult = { fragment: string; bytes: number } | { tooLarge: number };

/** `#transcript=…` for a page URL, or how many compressed bytes it would need when that is over the limit. */
export async function shareFragment(transcript: Transcript): Promise<ShareResult> {
  const compressed = await pipe(encodeUtf8(JSON.stringify(transcript)), new CompressionStream('deflate-raw'));
  if (compressed.length > MAX_SHARE_BYTES) return { tooLarge: compressed.length };
  return { fragment: `#${SHARE_KEY}=${toBase64Url(compressed)}`, bytes: compressed.length };
}

/** The transcript in a location hash, null when the hash holds none, or why it cannot be read. */
export async function readShareFragment(hash: string): Promise<{ transcript: Transcript } | { error: string } | null> {
  const match = new RegExp(`^#?${SHARE_KEY}=([A-Za-z0-9_-]+)$`).exec(hash);
  if (!match) return null;
  const bytes = fromBase64(match[1]!);
  if (!bytes || bytes.length > MAX_SHARE_BYTES) return { error: 'the link is damaged or too long' };
  let text: string;
  try {
    // Bounded: a link's 8 KB cannot inflate into more than a transcript page can show.
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'));
    if (inflated.length > 4 * 1024 * 1024) return { error: 'the link unpacks to more than 4 MB' };
    const decoded = decodeUtf8(inflated);
    if (decoded === null) return { error: 'the link does not hold text' };
    text = decoded;
  } catch {
    return { error: 'the link is damaged (it does not decompress)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'the link is damaged (not JSON)' };
  }
  return readTranscript(json);
}
