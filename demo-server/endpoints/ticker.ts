// /ticker?hz=N (1–20, default 2): server push of simulated quotes as JSON. Clients at the same rate share
// one timer and one feed, so each quote is made and serialised once for all of them.
import { deliver } from '../broadcast.ts';
import { listen, type Client } from '../client.ts';
import { intParam, isRejection, type Endpoint } from '../endpoint.ts';
import { QuoteFeed } from '../quotes.ts';

interface RateGroup {
  feed: QuoteFeed;
  clients: Set<Client>;
  timer: ReturnType<typeof setInterval>;
}

export function createTicker(): Endpoint {
  const groups = new Map<number, RateGroup>();
  const groupOf = new WeakMap<Client, number>();

  function join(client: Client, hz: number): void {
    let group = groups.get(hz);
    if (!group) {
      const feed = new QuoteFeed();
      const clients = new Set<Client>();
      const timer = setInterval(() => {
        const json = JSON.stringify(feed.next());
        for (const c of clients) deliver(c, json);
      }, 1000 / hz);
      group = { feed, clients, timer };
      groups.set(hz, group);
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
      const hz = intParam(query, 'hz', 1, 20, 2);
      if (isRejection(hz)) return hz;
      return (client) => join(client, hz);
    },
    closed(client) {
      const hz = groupOf.get(client);
      const group = hz === undefined ? undefined : groups.get(hz);
      if (!group) return;
      group.clients.delete(client);
      if (group.clients.size === 0) {
        clearInterval(group.timer);
        groups.delete(hz!);
      }
    },
    stop() {
      for (const group of groups.values()) clearInterval(group.timer);
      groups.clear();
    },
  };
}

/** The ticker only talks; what clients send is counted against the rate limit and otherwise ignored. */
function onTickerMessage(this: Client): void {
  this.admit();
}
