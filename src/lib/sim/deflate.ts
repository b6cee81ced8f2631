// permessage-deflate payloads (RFC 7692) through the platform's CompressionStream, the same global in
// browsers and Node 24. Each message is its own DEFLATE stream ending in a block with BFINAL set, which
// RFC 7692 §7.2.3.4 allows; so no context is carried between messages and none needs to be negotiated away.

async function run(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BufferSource]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function deflateMessage(bytes: Uint8Array): Promise<Uint8Array> {
  return run(bytes, new CompressionStream('deflate-raw'));
}

export function inflateMessage(bytes: Uint8Array): Promise<Uint8Array> {
  return run(bytes, new DecompressionStream('deflate-raw'));
}
