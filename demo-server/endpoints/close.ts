// /close?code=&reason=&after=&drop=1: the server ends the connection, so the reader can watch a
// server-initiated close (or, with drop=1, a TCP connection cut without any close frame: 1006 in the
// browser). Until then it echoes. The parameter rules are src/lib/close/serverRules.ts, shared with the lab.
import type { Client } from '../client.ts';
import { defineEndpoint, isRejection, type Endpoint } from '../endpoint.ts';
import { parseCloseQuery } from '../../src/lib/close/serverRules.ts';
import { ConnectionTimers } from '../timers.ts';
import { openEcho } from './echo.ts';

export function createClose(): Endpoint {
  const timers = new ConnectionTimers();
  return defineEndpoint('/close', {
    prepare(query) {
      const request = parseCloseQuery(query);
      if (isRejection(request)) return request;
      const { code, reason, after, drop } = request;
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
  });
}
