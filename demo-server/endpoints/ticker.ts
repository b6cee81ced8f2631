// /ticker?hz=N (1–20, default 2): server push of simulated quotes as JSON. Clients at the same rate share
// one QuoteStream, so each quote is made and serialised once for all of them. Quotes need no bus (each
// instance computes them from the clock); when the bus goes down or comes back, readers are told anyway
// (a notice, src/lib/realtime/linkNotice.ts) so the change is never invisible.
import { deliver } from '../broadcast.ts';
import type { Bus } from '../bus.ts';
import { listen, type Client } from '../client.ts';
import { defineEndpoint, isRejection, readInteger, type Endpoint } from '../endpoint.ts';
import { ENDPOINT_QUERY } from '../../src/lib/endpoints.ts';
import { tickerNotice } from '../../src/lib/realtime/linkNotice.ts';
import { QuoteStream } from '../../src/lib/realtime/quoteStream.ts';

interface RateGroup {
  stream: QuoteStream;
  clients: Set<Client>;
}

export function createTicker(bus: Bus | null): Endpoint {
  const groups = new Map<number, RateGroup>();
  const groupOf = new WeakMap<Client, number>();
  bus?.onStatus.add((up) => {
    const json = tickerNotice(up ? 'shared' : 'local');
    for (const group of groups.values()) for (const client of group.clients) deliver(client, json);
  });

  function join(client: Client, hz: number): void {
    let group = groups.get(hz);
    if (!group) {
      const clients = new Set<Client>();
      const stream = new QuoteStream(hz, (_quote, json) => {
        for (const c of clients) deliver(c, json);
      });
      group = { stream, clients };
      groups.set(hz, group);
      stream.start();
    }
    group.clients.add(client);
    groupOf.set(client, hz);
    listen(client, 'message', onTickerMessage);
    if (bus && !bus.up) deliver(client, tickerNotice('local'));
  }

  return defineEndpoint('/ticker', {
    prepare(query) {
      const hz = readInteger(query, 'hz', ENDPOINT_QUERY['/ticker'].hz);
      if (isRejection(hz)) return hz;
      return (client) => join(client, hz);
    },
    closed(client) {
      const hz = groupOf.get(client);
      const group = hz === undefined ? undefined : groups.get(hz);
      if (!group) return;
      group.clients.delete(client);
      if (group.clients.size === 0) {
        group.stream.stop();
        groups.delete(hz!);
      }
    },
    stop() {
      for (const group of groups.values()) group.stream.stop();
      groups.clear();
    },
  });
}

/** The ticker only talks; what clients send is counted against the rate limit and otherwise ignored. */
function onTickerMessage(this: Client): void {
  this.admit();
}
