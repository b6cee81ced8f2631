// /echo and /echo-deflate: every message comes back with the same type (text→text, binary→binary).
// `?fragment=N` (2–16) sends each reply as N frames, so fragmentation can be seen in the inspector.
import { listen, type Client } from '../client.ts';
import { defineEndpoint, isRejection, readInteger, type Endpoint } from '../endpoint.ts';
import { ENDPOINT_QUERY } from '../../src/lib/endpoints.ts';
import { ECHO_HIGH_WATER_BYTES } from '../limits.ts';

const TEXT = { binary: false };
const BINARY = { binary: true };

export function createEcho(path: '/echo' | '/echo-deflate'): Endpoint {
  return defineEndpoint(path, {
    prepare(query) {
      const fragments = readInteger(query, 'fragment', ENDPOINT_QUERY[path].fragment);
      if (isRejection(fragments)) return fragments;
      if (fragments === 1) return openEcho;
      const onFragmentedMessage = function (this: Client, data: Buffer, isBinary: boolean): void {
        if (!this.admit()) return;
        // Equal slices, the last one possibly shorter (or empty); ws sends the first as opcode 1/2 and
        // the rest as continuation frames, FIN only on the last.
        const size = Math.ceil(data.length / fragments);
        for (let i = 0; i < fragments; i++) {
          const part = data.subarray(i * size, Math.min((i + 1) * size, data.length));
          this.send(part, { binary: isBinary, fin: i === fragments - 1 });
        }
        holdIfBehind(this);
      };
      return (client) => {
        listen(client, 'message', onFragmentedMessage);
      };
    },
  });
}

/** Makes a connection echo what it receives (also used by /close while it waits). */
export function openEcho(client: Client): void {
  listen(client, 'message', onEchoMessage);
}

// Shared by every plain echo connection: no per-connection closure, no allocation per message.
function onEchoMessage(this: Client, data: Buffer, isBinary: boolean): void {
  if (!this.admit()) return;
  this.send(data, isBinary ? BINARY : TEXT);
  if (this.bufferedAmount > ECHO_HIGH_WATER_BYTES) holdIfBehind(this);
}

/** A client that sends but does not read its echoes: stop reading from it until it catches up. */
function holdIfBehind(client: Client): void {
  if (client.bufferedAmount <= ECHO_HIGH_WATER_BYTES || client.isPaused) return;
  client.pause();
  client.socket.once('drain', () => client.resume());
}
