// /firehose?rate=&size=&seconds=&id= and /firehose?watch=ID: the receiving side of backpressure. The rules
// (message format, limits, hold-back, the watcher's reports) live in src/lib/buffered/firehose.ts, shared with
// the page's simulated server; this module runs them on ws clients, inside each client's crash boundary.
import { listen, type Client } from '../client.ts';
import { defineEndpoint, isRejection, type Endpoint } from '../endpoint.ts';
import { Firehose, type FirehoseClock } from '../../src/lib/buffered/firehose.ts';

export { firehoseMessage } from '../../src/lib/buffered/firehose.ts';

const clock: FirehoseClock = {
  now: () => Date.now(),
  every(connection, fn, ms) {
    const client = connection as Client;
    const timer = setInterval(() => client.guard('timer', fn), ms);
    return () => clearInterval(timer);
  },
  later: (fn, ms) => void setTimeout(fn, ms).unref(),
};

export function createFirehose(): Endpoint {
  const firehose = new Firehose<Client>(clock);
  return defineEndpoint('/firehose', {
    prepare(query) {
      const open = firehose.prepare(query);
      if (isRejection(open)) return open;
      return (client) => {
        open(client);
        listen(client, 'message', onFirehoseMessage);
      };
    },
    closed: (client) => firehose.closed(client),
    stop: () => firehose.stop(),
  });
}

/** The firehose reads nothing: whatever a client sends only counts against its rate limit. */
function onFirehoseMessage(this: Client): void {
  this.admit();
}
