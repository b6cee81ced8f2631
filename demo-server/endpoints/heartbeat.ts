// /heartbeat?interval=MS: an application-level heartbeat at a lab-sized pace. Every interval the server
// sends a protocol Ping (the browser answers it by itself) and a {"type":"ping","n":N} message the page
// must answer with {"type":"pong","n":N} before the next one is due; otherwise it closes with 4000 and a
// reason naming the ping. That is how a server notices a page that stopped answering — the protocol Pong
// cannot show it, since the browser sends that without the page. Anything else gets an error message.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import { defineEndpoint, isRejection, readInteger, type Endpoint } from '../endpoint.ts';
import { ENDPOINT_QUERY } from '../../src/lib/endpoints.ts';
import { Beat } from '../../src/lib/heartbeat/rules.ts';
import { ConnectionTimers } from '../timers.ts';

const beats = new WeakMap<Client, Beat>();

export function createHeartbeat(): Endpoint {
  const timers = new ConnectionTimers();
  return defineEndpoint('/heartbeat', {
    prepare(query) {
      const interval = readInteger(query, 'interval', ENDPOINT_QUERY['/heartbeat'].interval);
      if (isRejection(interval)) return interval;
      const beat = (client: Client): void => {
        const state = beats.get(client);
        if (!state || client.readyState !== 1) return;
        const next = state.due(interval);
        if ('close' in next) {
          client.close(next.close, next.reason);
          return;
        }
        client.ping();
        deliver(client, JSON.stringify({ type: 'ping', n: next.ping }));
        timers.set(client, interval, () => beat(client));
      };
      return (client) => {
        beats.set(client, new Beat());
        listen(client, 'message', onHeartbeatMessage);
        beat(client);
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  });
}

function onHeartbeatMessage(this: Client, data: Buffer, isBinary: boolean): void {
  if (!this.admit()) return;
  const problem = beats.get(this)?.answer(isBinary ? null : data.toString());
  if (problem) deliver(this, JSON.stringify({ type: 'error', message: problem }));
}
