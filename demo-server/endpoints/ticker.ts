// /ticker?hz=N (1–20, default 2): server push of simulated quotes as JSON. Clients at the same rate share
// one QuoteStream, so each quote is made and serialised once for all of them.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import { intParam, isRejection, type Endpoint } from '../endpoint.ts';
import { DEFAULT_HZ, MAX_HZ, MIN_HZ } from '../../src/lib/realtime/quotes.ts';
import { QuoteStream } from '../../src/lib/realtime/quoteStream.ts';

interface RateGroup {
  stream: QuoteStream;
  clients: Set<Client>;
}

export function createTicker(): Endpoint {
  const groups = new Map<number, RateGroup>();
  const groupOf = new WeakMap<Client, number>();

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
  }

  return {
    path: '/ticker',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query) {
      const hz = intParam(query, 'hz', MIN_HZ, MAX_HZ, DEFAULT_HZ);
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
  };
}

/** The ticker only talks; what clients send is counted against the rate limit and otherwise ignored. */
function onTickerMessage(this: Client): void {
  this.admit();
}
