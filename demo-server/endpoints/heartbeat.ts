// /heartbeat?interval=MS: an application-level heartbeat at a lab-sized pace. Every interval the server
// sends a protocol Ping (the browser answers it by itself) and a {"type":"ping","n":N} message the page
// must answer with {"type":"pong","n":N} before the next one is due; otherwise it closes with 4000 and a
// reason naming the ping. That is how a server notices a page that stopped answering — the protocol Pong
// cannot show it, since the browser sends that without the page. Anything else gets an error message.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import { isRejection, readInteger, type Endpoint } from '../endpoint.ts';
import { ENDPOINT_QUERY } from '../../src/lib/endpoints.ts';
import { MISSED_CLOSE_CODE, missedReason, readPong } from '../../src/lib/heartbeat/rules.ts';
import { ConnectionTimers } from '../timers.ts';

/** Per connection: the last ping sent and whether it was answered. */
const beats = new WeakMap<Client, { sent: number; answered: boolean }>();

export function createHeartbeat(): Endpoint {
  const timers = new ConnectionTimers();
  return {
    path: '/heartbeat',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const interval = readInteger(query, 'interval', ENDPOINT_QUERY['/heartbeat'].interval);
      if (isRejection(interval)) return interval;
      const beat = (client: Client): void => {
        const state = beats.get(client);
        if (!state || client.readyState !== 1) return;
        if (!state.answered) {
          client.close(MISSED_CLOSE_CODE, missedReason(state.sent, interval));
          return;
        }
        state.sent++;
        state.answered = false;
        client.ping();
        deliver(client, JSON.stringify({ type: 'ping', n: state.sent }));
        timers.set(client, interval, () => beat(client));
      };
      return (client) => {
        beats.set(client, { sent: 0, answered: true });
        listen(client, 'message', onHeartbeatMessage);
        beat(client);
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  };
}

function onHeartbeatMessage(this: Client, data: Buffer, isBinary: boolean): void {
  if (!this.admit()) return;
  const state = beats.get(this);
  if (!state) return;
  const pong = isBinary ? { problem: 'expected a text message: {"type":"pong","n":N}' } : readPong(data.toString());
  if ('problem' in pong) {
    deliver(this, JSON.stringify({ type: 'error', message: pong.problem }));
    return;
  }
  // A late answer to an earlier ping does not count: the deadline is per ping.
  if (pong.n === state.sent) state.answered = true;
}
