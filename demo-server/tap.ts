// The tap: for a connection opened with ?session=ID, every byte both ways is decoded with the site's own
// frame codec (src/lib/protocol) and turned into JSON records for that session's inspector.
// How ws 8 makes this possible (see DESIGN.md): its 'headers' event hands over the 101 response's lines;
// after the upgrade it unshifts the `head` bytes and listens to 'data', so a listener *prepended* when the
// connection is accepted sees every incoming byte first — before ws unmasks payloads in place — and every
// outgoing frame passes through socket.write. Untapped connections pay nothing. The decoder copies every
// payload byte it keeps, so the chunks can go to it as they are (ws unmasks them in place afterwards).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { FrameDecoder, toHex, type Frame } from '../src/lib/protocol/index.ts';
import type { Client } from './client.ts';
import { TAP_PAYLOAD_BYTES } from './limits.ts';
import type { Session } from './sessions.ts';

type HeaderLine = [string, string];

/** Milliseconds since the epoch, with sub-millisecond precision (frames often arrive within one ms). */
function now(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

function pairs(raw: readonly string[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** The handshake record: the request as received and the 101 response ws wrote. */
export function handshakeRecord(req: IncomingMessage, responseLines: readonly string[]): string {
  const [statusLine = 'HTTP/1.1 101 Switching Protocols', ...lines] = responseLines;
  const status = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine);
  const headers: HeaderLine[] = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return JSON.stringify({
    kind: 'handshake',
    t: now(),
    request: { method: req.method ?? 'GET', path: req.url ?? '/', headers: pairs(req.rawHeaders) },
    response: { status: Number(status?.[1] ?? 101), statusText: status?.[2] ?? '', headers },
  });
}

/** One frame as DESIGN.md's record: header fields, the wire header, the first 256 payload bytes unmasked. */
export function frameRecord(dir: 'client' | 'server', frame: Frame): string {
  return JSON.stringify({
    kind: 'frame',
    dir,
    t: now(),
    fin: frame.fin,
    rsv: frame.rsv,
    opcode: frame.opcode,
    masked: frame.masked,
    maskKey: frame.maskKey ? toHex(frame.maskKey, '') : null,
    length: frame.length,
    headerHex: toHex(frame.header, ''),
    payloadHex: toHex(frame.payload.subarray(0, TAP_PAYLOAD_BYTES), ''),
    text: frame.text ?? null,
  });
}

function newDecoder(): FrameDecoder {
  // Frame-level checks only, either masking: the inspector should show what is on the wire, even a
  // broken frame from /misbehave; ws, not the tap, enforces the protocol. After a decoding error (a
  // reserved opcode, say) that direction can no longer be framed, so the tap stops recording it.
  return new FrameDecoder({ keepPayloadBytes: TAP_PAYLOAD_BYTES, validate: false, allowRsv1: true });
}

/** Starts recording an accepted connection into `session`. */
export function tapConnection(client: Client, socket: Duplex, req: IncomingMessage, responseLines: readonly string[], session: Session): void {
  session.push(handshakeRecord(req, responseLines));

  const incoming = newDecoder();
  socket.prependListener('data', (chunk: Buffer) => {
    if (incoming.error) return;
    for (const frame of incoming.push(chunk).frames) session.push(frameRecord('client', frame));
  });

  const outgoing = newDecoder();
  const write = socket.write;
  socket.write = function (this: Duplex, chunk: unknown, ...rest: unknown[]): boolean {
    if (!outgoing.error && chunk !== null && chunk !== undefined) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8')
          : (chunk as Buffer);
      for (const frame of outgoing.push(bytes).frames) session.push(frameRecord('server', frame));
    }
    return (write as (...args: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as typeof socket.write;

  session.tapped++;
  client.once('close', () => {
    session.tapped--;
    session.lastActive = Date.now();
  });
}
