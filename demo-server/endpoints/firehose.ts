// /firehose?rate=&size=&seconds=&id= — the server sends fast, so the receiving side of backpressure can be
// watched: a page that reads slowly with WebSocket piles messages up in the page; with WebSocketStream the
// browser stops reading the socket, TCP pushes back, and the bytes wait here instead, in this connection's
// bufferedAmount. /firehose?watch=ID is a second, ordinary connection that reports that number four times a
// second: the stream itself cannot carry it, since its messages wait behind the very backlog they describe.
//
// Each message is text, exactly `size` bytes: {"seq":n,"t":ms,"pad":"…"}. After `seconds` the server sends
// {"type":"end","sent":n,"heldBack":m} and closes with 1000. Bounded: rate × size per stream, streams in all,
// and bytes queued per reader (past FIREHOSE_MAX_QUEUED_BYTES messages are held back — skipped and counted —
// instead of queued, so a reader that never reads costs at most that much memory).
import { listen, type Client } from '../client.ts';
import { isRejection, readInteger, rejection, type Endpoint, type Opener } from '../endpoint.ts';
import { ENDPOINT_QUERY } from '../../src/lib/endpoints.ts';
import {
  FIREHOSE_MAX_BYTES_PER_SECOND,
  FIREHOSE_MAX_QUEUED_BYTES,
  FIREHOSE_MAX_STREAMS,
  FIREHOSE_MAX_WATCHERS,
  FIREHOSE_STATUS_MS,
} from '../limits.ts';
import { isSessionId } from '../inspect/sessions.ts';

/** Sending ticks: often enough that a rate of 1000/s goes out in small steady batches. */
const TICK_MS = 20;

interface Stream {
  client: Client;
  id: string | null;
  rate: number;
  size: number;
  startedAt: number;
  durationMs: number;
  sent: number;
  heldBack: number;
  ended: boolean;
  timer: ReturnType<typeof setInterval>;
  watchers: Set<Client>;
}

/** A message of exactly `size` bytes (all ASCII, so characters are bytes). */
export function firehoseMessage(seq: number, t: number, size: number): string {
  const head = `{"seq":${seq},"t":${t},"pad":"`;
  return head + 'x'.repeat(Math.max(0, size - head.length - 2)) + '"}';
}

function status(stream: Stream | undefined): string {
  if (!stream) return JSON.stringify({ type: 'status', waiting: true, t: Date.now() });
  return JSON.stringify({
    type: 'status',
    t: Date.now(),
    sent: stream.sent,
    sentBytes: stream.sent * stream.size,
    bufferedAmount: stream.client.bufferedAmount,
    heldBack: stream.heldBack,
    ended: stream.ended,
  });
}

export function createFirehose(): Endpoint {
  const streams = new Map<Client, Stream>();
  const byId = new Map<string, Stream>();
  const watching = new Map<Client, { id: string; timer: ReturnType<typeof setInterval> }>();

  function tick(stream: Stream): void {
    const { client } = stream;
    if (client.readyState !== 1) return;
    const elapsed = Date.now() - stream.startedAt;
    if (!stream.ended && elapsed >= stream.durationMs) return end(stream);
    const due = Math.floor((elapsed * stream.rate) / 1000) - stream.sent - stream.heldBack;
    for (let i = 0; i < due; i++) {
      if (client.bufferedAmount + stream.size > FIREHOSE_MAX_QUEUED_BYTES) {
        stream.heldBack += due - i;
        return;
      }
      client.send(firehoseMessage(stream.sent + stream.heldBack, Date.now(), stream.size));
      stream.sent++;
    }
  }

  function end(stream: Stream): void {
    stream.ended = true;
    clearInterval(stream.timer);
    stream.client.send(JSON.stringify({ type: 'end', sent: stream.sent, heldBack: stream.heldBack }));
    stream.client.close(1000, 'done');
  }

  function openStream(client: Client, rate: number, size: number, seconds: number, id: string | null): void {
    const stream: Stream = {
      client,
      id,
      rate,
      size,
      startedAt: Date.now(),
      durationMs: seconds * 1000,
      sent: 0,
      heldBack: 0,
      ended: false,
      timer: setInterval(() => client.guard('timer', () => tick(stream)), TICK_MS),
      watchers: new Set(),
    };
    streams.set(client, stream);
    if (id) {
      byId.set(id, stream);
      for (const [watcher, w] of watching) if (w.id === id) stream.watchers.add(watcher);
    }
    listen(client, 'message', onFirehoseMessage);
  }

  function openWatcher(client: Client, id: string): void {
    const timer = setInterval(() => client.guard('timer', () => client.send(status(byId.get(id)))), FIREHOSE_STATUS_MS);
    watching.set(client, { id, timer });
    byId.get(id)?.watchers.add(client);
    client.send(status(byId.get(id)));
    listen(client, 'message', onFirehoseMessage);
  }

  return {
    path: '/firehose',
    protocols: [],
    deflate: false,
    rateLimited: true,
    prepare(query): ReturnType<Endpoint['prepare']> {
      const watch = query.get('watch');
      if (watch !== null) {
        if (!isSessionId(watch)) return rejection(400, '?watch= must be a stream id: 32 hex digits or 22 base64url characters');
        const count = [...watching.values()].filter((w) => w.id === watch).length;
        if (count >= FIREHOSE_MAX_WATCHERS) return rejection(429, `At most ${FIREHOSE_MAX_WATCHERS} watchers per stream`, { 'Retry-After': '10' });
        return ((client) => openWatcher(client, watch)) satisfies Opener;
      }
      const params = ENDPOINT_QUERY['/firehose'];
      const rate = readInteger(query, 'rate', params.rate);
      if (isRejection(rate)) return rate;
      const size = readInteger(query, 'size', params.size);
      if (isRejection(size)) return size;
      const seconds = readInteger(query, 'seconds', params.seconds);
      if (isRejection(seconds)) return seconds;
      if (rate * size > FIREHOSE_MAX_BYTES_PER_SECOND) {
        return rejection(400, `rate × size must be at most ${FIREHOSE_MAX_BYTES_PER_SECOND} bytes per second (got ${rate} × ${size})`);
      }
      const id = query.get('id');
      if (id !== null && !isSessionId(id)) return rejection(400, '?id= must be 32 hex digits or 22 base64url characters');
      if (id !== null && byId.has(id)) return rejection(400, 'A stream with this ?id= is already running');
      if (streams.size >= FIREHOSE_MAX_STREAMS) return rejection(503, 'Too many firehose streams right now; try again shortly', { 'Retry-After': '10' });
      return (client) => openStream(client, rate, size, seconds, id);
    },
    closed(client) {
      const stream = streams.get(client);
      if (stream) {
        clearInterval(stream.timer);
        streams.delete(client);
        if (stream.id && byId.get(stream.id) === stream) {
          // Watchers get the final numbers, then are let go.
          stream.ended = true;
          for (const w of stream.watchers) if (w.readyState === 1) w.send(status(stream));
          setTimeout(() => byId.get(stream.id!) === stream && byId.delete(stream.id!), 5000).unref();
        }
      }
      const watcher = watching.get(client);
      if (watcher) {
        clearInterval(watcher.timer);
        watching.delete(client);
        byId.get(watcher.id)?.watchers.delete(client);
      }
    },
    stop() {
      for (const s of streams.values()) clearInterval(s.timer);
      for (const w of watching.values()) clearInterval(w.timer);
      streams.clear();
      watching.clear();
      byId.clear();
    },
  };
}

/** The firehose reads nothing: whatever a client sends only counts against its rate limit. */
function onFirehoseMessage(this: Client): void {
  this.admit();
}
