// /inspect?session=ID: the JSON records (handshake, every frame both ways) of the connection opened with
// the same ?session=ID on any other endpoint. The inspector may connect before or after that connection.
// What it sends is ignored. See tap.ts for how bytes are caught and sessions.ts for how records are kept.
import type { IncomingMessage } from 'node:http';
import { listen, type Client } from '../client.ts';
import type { Config } from '../config.ts';
import { defineEndpoint, rejection } from '../endpoint.ts';
import type { Bus } from '../bus.ts';
import { linkSessions } from './remote.ts';
import type { Inspector } from './types.ts';
import { isSessionId, SessionStore } from './sessions.ts';
import { handshakeRecord, tapConnection } from './tap.ts';
import { BAD_SESSION_REASON } from '../../src/lib/inspect/tap.ts';


export function createInspector(config: Config, bus: Bus | null): Inspector {
  const store = new SessionStore(config.maxConnectionsPerIp * 2);
  const remote = bus ? linkSessions(store, bus) : null;
  const sessionOf = new WeakMap<Client, string>();
  const responses = new WeakMap<IncomingMessage, string[]>();

  const endpoint = defineEndpoint('/inspect', {
    prepare(query) {
      const id = query.get('session') ?? '';
      if (!isSessionId(id)) return rejection(400, BAD_SESSION_REASON);
      return (client) => {
        sessionOf.set(client, id);
        listen(client, 'message', onInspectorMessage);
        store.attachInspector(id, client);
        remote?.wanted(id);
      };
    },
    closed(client) {
      const id = sessionOf.get(client);
      if (id === undefined) return;
      store.detachInspector(id, client);
      if (!store.find(id)?.inspector) remote?.unwanted(id);
    },
  });

  return {
    endpoint,
    get sessions() {
      return store.size;
    },
    hooks: {
      check(query, _endpoint, key) {
        const id = query.get('session');
        if (id === null) return null;
        if (!isSessionId(id)) return rejection(400, BAD_SESSION_REASON);
        return store.refusal(id, key);
      },
      responseHeaders(req, lines) {
        if (req.url?.includes('session=')) responses.set(req, [...lines]);
      },
      attach(client, req, query) {
        if (client.endpoint === endpoint) return;
        const id = query.get('session')!;
        tapConnection(client, client.socket, req, responses.get(req) ?? [], store.get(id, client.limitKey), {
          maxPayload: config.maxPayload,
        });
      },
      refused(req, query, refusedEndpoint, key, response) {
        // The same rules as for an accepted connection: a well-formed id the request names, a session that
        // may be kept for this address, and never the inspector's own handshake.
        if (refusedEndpoint === endpoint) return;
        const id = query.get('session');
        if (id === null || !isSessionId(id) || store.refusal(id, key)) return;
        store.get(id, key).push(handshakeRecord(req, response.lines, response.body));
      },
    },
    sweep: () => store.sweep(),
    stop: () => store.clear(),
  };
}

function onInspectorMessage(this: Client): void {
  this.admit();
}
