// /close?code=&reason=&after=&drop=1: the server ends the connection, so the reader can watch a
// server-initiated close (or, with drop=1, a TCP connection cut without any close frame: 1006 in the
// browser). Until then it echoes. The parameter rules are src/lib/close/serverRules.ts, shared with the lab.
import type { Client } from '../client.ts';
import { intParam, isRejection, rejection, type Endpoint } from '../endpoint.ts';
import { CLOSE_AFTER_MAX_MS, isServerCloseCode, REASON_MAX_BYTES } from '../../src/lib/close/serverRules.ts';
import { ConnectionTimers } from '../timers.ts';
import { openEcho } from './echo.ts';

export function createClose(): Endpoint {
  const timers = new ConnectionTimers();
  return {
    path: '/close',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const code = intParam(query, 'code', 1000, 4999, 1000);
      if (isRejection(code)) return code;
      if (!isServerCloseCode(code)) {
        return rejection(400, `?code= must be 1000, 1001, 1008, 1011 or 3000–4999 (got ${code})`);
      }
      const reason = query.get('reason') ?? '';
      if (Buffer.byteLength(reason) > REASON_MAX_BYTES) {
        return rejection(400, `?reason= must be at most ${REASON_MAX_BYTES} bytes of UTF-8 (got ${Buffer.byteLength(reason)})`);
      }
      const after = intParam(query, 'after', 0, CLOSE_AFTER_MAX_MS, 0);
      if (isRejection(after)) return after;
      const dropParam = query.get('drop');
      if (dropParam !== null && dropParam !== '0' && dropParam !== '1') {
        return rejection(400, `?drop= must be 1 (cut the TCP connection) or 0 (got "${dropParam.slice(0, 40)}")`);
      }
      const drop = dropParam === '1';
      const act = (client: Client): void => {
        if (drop) {
          client.problem = 'dropped on request';
          client.terminate();
        } else {
          client.close(code, reason);
        }
      };
      return (client) => {
        openEcho(client);
        if (after === 0) act(client);
        else timers.set(client, after, () => act(client));
      };
    },
    closed: (client) => timers.clear(client),
    stop: () => timers.clearAll(),
  };
}
