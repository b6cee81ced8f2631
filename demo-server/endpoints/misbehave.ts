// /misbehave?fault=…: after the handshake the server announces the fault in one valid text message,
// then writes a hand-made frame that breaks RFC 6455, straight to the TCP socket. A browser must fail the
// connection (the page sees error, then close 1006); ws-based clients close with 1002 or 1007.
// The faults, their bytes, the query rule and the timing are src/lib/close/serverRules.ts, shared with the
// close lab and the page's simulated server.
import { listen, type Client } from '../client.ts';
import { defineEndpoint, isRejection, type Endpoint } from '../endpoint.ts';
import { FAULT_CUT_AFTER_MS, FAULT_GAP_MS, faultAnnouncement, parseFaultQuery } from '../../src/lib/close/serverRules.ts';
import { ConnectionTimers } from '../timers.ts';

export function createMisbehave(): Endpoint {
  const timers = new ConnectionTimers();
  return defineEndpoint('/misbehave', {
    prepare(query) {
      const fault = parseFaultQuery(query);
      if (isRejection(fault)) return fault;
      const bytes = Uint8Array.from(fault.bytes);
      return (client) => {
        listen(client, 'message', onIgnoredMessage);
        client.send(faultAnnouncement(fault));
        // A moment later, so the announcement arrives in a TCP segment of its own: a browser that finds a
        // broken frame in the same read may fail the connection before delivering the message before it.
        timers.set(client, FAULT_GAP_MS, () => {
          if (client.readyState !== 1) return;
          client.socket.write(bytes);
          client.problem = `fault ${fault.name}`;
          timers.set(client, FAULT_CUT_AFTER_MS, () => client.terminate());
        });
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  });
}

function onIgnoredMessage(this: Client): void {
  this.admit();
}
