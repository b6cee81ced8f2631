// The tap: for a connection opened with ?session=ID, every byte both ways is decoded with the site's own
// frame codec (src/lib/protocol) and turned into JSON records for that session's inspector; the records and
// the decoding are src/lib/inspect/tap.ts, shared with the page's simulated server.
// How ws 8 makes this possible (docs/ARCHITECTURE.md, "The inspector"): its 'headers' event hands over the 101 response's lines;
// after the upgrade it unshifts the `head` bytes and listens to 'data', so a listener *prepended* when the
// connection is accepted sees every incoming byte first — before ws unmasks payloads in place — and every
// outgoing frame passes through socket.write. Untapped connections pay nothing. The decoder copies every
// payload byte it keeps, so the chunks can go to it as they are (ws unmasks them in place afterwards).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { handshakeRecord, tapDirections } from '../../src/lib/inspect/tap.ts';
import type { Client } from '../client.ts';
import type { Session } from './sessions.ts';

export { handshakeRecord, TapDirection } from '../../src/lib/inspect/tap.ts';

export interface TapOptions {
  /** The server's MAX_PAYLOAD: ws refuses a client message declared longer (1009), and so does the tap. */
  maxPayload?: number;
}

/** Starts recording an accepted connection into `session`. */
export function tapConnection(
  client: Client,
  socket: Duplex,
  req: IncomingMessage,
  responseLines: readonly string[],
  session: Session,
  options: TapOptions = {},
): void {
  session.push(handshakeRecord(req, responseLines));

  const { incoming, outgoing } = tapDirections(session, {
    deflate: client.extensions.includes('permessage-deflate'),
    maxPayload: options.maxPayload,
  });
  socket.prependListener('data', (chunk: Buffer) => {
    if (!incoming.done) incoming.push(chunk);
  });
  const write = socket.write;
  socket.write = function (this: Duplex, chunk: unknown, ...rest: unknown[]): boolean {
    if (!outgoing.done && chunk !== null && chunk !== undefined) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8')
          : (chunk as Buffer);
      outgoing.push(bytes);
    }
    return (write as (...args: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as typeof socket.write;

  session.tapped++;
  client.once('close', () => {
    incoming.end();
    outgoing.end();
    session.tapped--;
    session.lastActive = Date.now();
  });
}
