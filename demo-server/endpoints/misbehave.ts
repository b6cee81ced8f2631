// /misbehave?fault=…: after the handshake the server announces the fault in one valid text message,
// then writes a hand-made frame that breaks RFC 6455, straight to the TCP socket. A browser must fail the
// connection (the page sees error, then close 1006); ws-based clients close with 1002 or 1007.
// The faults and their bytes are src/lib/close/serverRules.ts, shared with the close lab.
import { listen, type Client } from '../client.ts';
import { rejection, type Endpoint } from '../endpoint.ts';
import { FAULTS, findFault } from '../../src/lib/close/serverRules.ts';
import { ConnectionTimers } from '../timers.ts';

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
      const fault = findFault(name);
      if (!fault) {
        const names = FAULTS.map((f) => f.name).join(', ');
        return rejection(400, `?fault= must be one of ${names} (got "${name.slice(0, 40)}")`);
      }
      const bytes = Uint8Array.from(fault.bytes);
      return (client) => {
        listen(client, 'message', onIgnoredMessage);
        client.send(JSON.stringify({ type: 'fault', fault: name, detail: `next frame: ${fault.detail}` }));
        // A moment later, so the announcement arrives in a TCP segment of its own: a browser that finds a
        // broken frame in the same read may fail the connection before delivering the message before it.
        timers.set(client, ANNOUNCE_GAP_MS, () => {
          if (client.readyState !== 1) return;
          client.socket.write(bytes);
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
