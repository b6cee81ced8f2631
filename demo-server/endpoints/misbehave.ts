// /misbehave?fault=…: after the handshake the server announces the fault in one valid text message,
// then writes a hand-made frame that breaks RFC 6455, straight to the TCP socket. A browser must fail the
// connection (the page sees error, then close 1006); ws-based clients close with 1002 or 1007.
import { listen, type Client } from '../client.ts';
import { rejection, type Endpoint } from '../endpoint.ts';
import { ConnectionTimers } from '../timers.ts';

const hello = [0x48, 0x65, 0x6c, 0x6c, 0x6f]; // "Hello"

/** Each fault: the exact bytes written, and what is wrong with them. */
export const faults: Record<string, { bytes: Uint8Array; detail: string }> = {
  'bad-utf8': {
    // "caf" then C3 28: C3 opens a two-byte sequence but 28 is not a continuation byte (§8.1).
    bytes: Uint8Array.of(0x81, 0x05, 0x63, 0x61, 0x66, 0xc3, 0x28),
    detail: 'a text frame whose payload is not valid UTF-8',
  },
  masked: {
    // RFC 6455 §5.7's masked "Hello" — legal from a client, forbidden from a server (§5.1).
    bytes: Uint8Array.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
    detail: 'a masked frame from the server',
  },
  'reserved-bit': {
    // FIN + RSV1 + text: RSV1 without a negotiated extension that defines it (§5.2).
    bytes: Uint8Array.of(0xc1, 0x05, ...hello),
    detail: 'a frame with RSV1 set although no extension was negotiated',
  },
  'bad-opcode': {
    // Opcode 3 is reserved for future non-control frames (§5.2).
    bytes: Uint8Array.of(0x83, 0x05, ...hello),
    detail: 'a frame with the reserved opcode 3',
  },
  'long-ping': {
    // A ping (opcode 9) with a 126-byte payload: control frames carry at most 125 bytes (§5.5).
    bytes: Uint8Array.of(0x89, 0x7e, 0x00, 0x7e, ...new Uint8Array(126).fill(0x2e)),
    detail: 'a ping frame with a 126-byte payload (control frames allow 125)',
  },
};

/** Between the announcement and the faulty frame. */
const ANNOUNCE_GAP_MS = 100;
/** How long the server waits for the client to give up before it cuts the connection itself. */
const CUT_AFTER_MS = 2000;

export function createMisbehave(): Endpoint {
  const timers = new ConnectionTimers();
  return {
    path: '/misbehave',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const name = query.get('fault') ?? '';
      const fault = Object.hasOwn(faults, name) ? faults[name] : undefined;
      if (!fault) {
        return rejection(400, `?fault= must be one of ${Object.keys(faults).join(', ')} (got "${name.slice(0, 40)}")`);
      }
      return (client) => {
        listen(client, 'message', onIgnoredMessage);
        client.send(JSON.stringify({ type: 'fault', fault: name, detail: `next frame: ${fault.detail}` }));
        // A moment later, so the announcement arrives in a TCP segment of its own: a browser that finds a
        // broken frame in the same read may fail the connection before delivering the message before it.
        timers.set(client, ANNOUNCE_GAP_MS, () => {
          if (client.readyState !== 1) return;
          client.socket.write(fault.bytes);
          client.problem = `fault ${name}`;
          timers.set(client, CUT_AFTER_MS, () => client.terminate());
        });
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  };
}

function onIgnoredMessage(this: Client): void {
  this.admit();
}
