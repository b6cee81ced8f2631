// /firehose's rules, shared by the demo server (demo-server/endpoints/firehose.ts) and the page's simulated
// server (src/lib/sim): the server sends fast, so the receiving side of backpressure can be watched. A page
// that reads slowly with WebSocket piles messages up in the page; with WebSocketStream the browser stops
// reading, and the bytes wait in the server instead, in this connection's bufferedAmount.
// /firehose?watch=ID is a second, ordinary connection that reports that number four times a second: the
// stream itself cannot carry it, since its messages wait behind the very backlog they describe.
//
// Each message is text, exactly `size` bytes: {"seq":n,"t":ms,"pad":"…"}. After `seconds` the server sends
// {"type":"end","sent":n,"heldBack":m} and closes with 1000. Bounded: rate × size per stream, streams in all,
// and bytes queued per reader (past FIREHOSE_MAX_QUEUED_BYTES messages are held back — skipped and counted —
// instead of queued, so a reader that never reads costs at most that much memory).
import { ENDPOINT_QUERY } from '../endpoints.ts';
import { isSessionId } from '../inspect/tap.ts';
import { isRejection, readInteger, rejection, type Rejection } from '../server/params.ts';

/** At most this many bytes per second per stream (rate × size)… */
export const FIREHOSE_MAX_BYTES_PER_SECOND = 2 * 1024 * 1024;
/** …at most this many streams at once on the whole server… */
export const FIREHOSE_MAX_STREAMS = 20;
/** …and at most this much queued for one reader: past it the server holds messages back instead of queueing. */
export const FIREHOSE_MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** Watchers of one stream, and how often they are told its state. */
export const FIREHOSE_MAX_WATCHERS = 2;
export const FIREHOSE_STATUS_MS = 250;
/** Sending ticks: often enough that a rate of 1000/s goes out in small steady batches. */
export const FIREHOSE_TICK_MS = 20;
/** A finished stream's numbers stay available to late watchers this long. */
const FORGET_AFTER_MS = 5000;

/** The one end of a connection the firehose needs: the demo server's ws client and the simulator's peer both fit. */
export interface FirehoseConnection {
  /** 1 while open (the WebSocket API's OPEN). */
  readonly readyState: number;
  /** Bytes queued for the reader and not yet written to the network. */
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** Time and timers, so the server can run its work inside its crash boundary and tests can pass their own. */
export interface FirehoseClock {
  now(): number;
  /** Runs `fn` for `connection` every `ms` until the returned function is called. */
  every(connection: FirehoseConnection, fn: () => void, ms: number): () => void;
  /** Runs `fn` once after `ms` (nothing depends on the connection any more). */
  later(fn: () => void, ms: number): void;
}

/** A message of exactly `size` bytes (all ASCII, so characters are bytes). */
export function firehoseMessage(seq: number, t: number, size: number): string {
  const head = `{"seq":${seq},"t":${t},"pad":"`;
  return head + 'x'.repeat(Math.max(0, size - head.length - 2)) + '"}';
}

/** What an accepted /firehose handshake opens: a stream, or a watcher of one. */
export type FirehoseRequest =
  | { kind: 'stream'; rate: number; size: number; seconds: number; id: string | null }
  | { kind: 'watch'; id: string };

/** Reads a /firehose query with the endpoint's ranges (src/lib/endpoints.ts); a Rejection says what is wrong. */
export function parseFirehoseQuery(query: URLSearchParams): FirehoseRequest | Rejection {
  const watch = query.get('watch');
  if (watch !== null) {
    if (!isSessionId(watch)) return rejection(400, '?watch= must be a stream id: 32 hex digits or 22 base64url characters');
    return { kind: 'watch', id: watch };
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
  return { kind: 'stream', rate, size, seconds, id };
}

interface Stream<C extends FirehoseConnection> {
  connection: C;
  id: string | null;
  rate: number;
  size: number;
  startedAt: number;
  durationMs: number;
  sent: number;
  heldBack: number;
  ended: boolean;
  stopTimer: () => void;
  watchers: Set<C>;
}

/** The firehose's state on one server: its streams, their watchers, and the limits on both. */
export class Firehose<C extends FirehoseConnection> {
  readonly #clock: FirehoseClock;
  readonly #streams = new Map<C, Stream<C>>();
  readonly #byId = new Map<string, Stream<C>>();
  readonly #watching = new Map<C, { id: string; stopTimer: () => void }>();

  constructor(clock: FirehoseClock) {
    this.#clock = clock;
  }

  /** Checks a handshake's query against the rules and what is running; returns what to do once it is open. */
  prepare(query: URLSearchParams): Rejection | ((connection: C) => void) {
    const request = parseFirehoseQuery(query);
    if (isRejection(request)) return request;
    if (request.kind === 'watch') {
      const count = [...this.#watching.values()].filter((w) => w.id === request.id).length;
      if (count >= FIREHOSE_MAX_WATCHERS) return rejection(429, `At most ${FIREHOSE_MAX_WATCHERS} watchers per stream`, { 'Retry-After': '10' });
      return (connection) => this.#openWatcher(connection, request.id);
    }
    if (request.id !== null && this.#byId.has(request.id)) return rejection(400, 'A stream with this ?id= is already running');
    if (this.#streams.size >= FIREHOSE_MAX_STREAMS) return rejection(503, 'Too many firehose streams right now; try again shortly', { 'Retry-After': '10' });
    return (connection) => this.#openStream(connection, request);
  }

  /** The connection ended (any reason). */
  closed(connection: C): void {
    const stream = this.#streams.get(connection);
    if (stream) {
      stream.stopTimer();
      this.#streams.delete(connection);
      if (stream.id && this.#byId.get(stream.id) === stream) {
        // Watchers get the final numbers, then are let go.
        stream.ended = true;
        for (const w of stream.watchers) if (w.readyState === 1) w.send(this.#status(stream));
        const id = stream.id;
        this.#clock.later(() => this.#byId.get(id) === stream && this.#byId.delete(id), FORGET_AFTER_MS);
      }
    }
    const watcher = this.#watching.get(connection);
    if (watcher) {
      watcher.stopTimer();
      this.#watching.delete(connection);
      this.#byId.get(watcher.id)?.watchers.delete(connection);
    }
  }

  /** The server is shutting down: every timer stops. */
  stop(): void {
    for (const s of this.#streams.values()) s.stopTimer();
    for (const w of this.#watching.values()) w.stopTimer();
    this.#streams.clear();
    this.#watching.clear();
    this.#byId.clear();
  }

  #openStream(connection: C, request: Extract<FirehoseRequest, { kind: 'stream' }>): void {
    const stream: Stream<C> = {
      connection,
      id: request.id,
      rate: request.rate,
      size: request.size,
      startedAt: this.#clock.now(),
      durationMs: request.seconds * 1000,
      sent: 0,
      heldBack: 0,
      ended: false,
      stopTimer: () => {},
      watchers: new Set(),
    };
    stream.stopTimer = this.#clock.every(connection, () => this.#tick(stream), FIREHOSE_TICK_MS);
    this.#streams.set(connection, stream);
    if (request.id) {
      this.#byId.set(request.id, stream);
      for (const [watcher, w] of this.#watching) if (w.id === request.id) stream.watchers.add(watcher);
    }
  }

  #openWatcher(connection: C, id: string): void {
    const stopTimer = this.#clock.every(connection, () => connection.send(this.#status(this.#byId.get(id))), FIREHOSE_STATUS_MS);
    this.#watching.set(connection, { id, stopTimer });
    this.#byId.get(id)?.watchers.add(connection);
    connection.send(this.#status(this.#byId.get(id)));
  }

  // Sends what the clock says is due since the start (not per tick, so slow ticks do not slow the rate).
  #tick(stream: Stream<C>): void {
    const { connection } = stream;
    if (connection.readyState !== 1) return;
    const elapsed = this.#clock.now() - stream.startedAt;
    if (!stream.ended && elapsed >= stream.durationMs) return this.#end(stream);
    const due = Math.floor((elapsed * stream.rate) / 1000) - stream.sent - stream.heldBack;
    for (let i = 0; i < due; i++) {
      if (connection.bufferedAmount + stream.size > FIREHOSE_MAX_QUEUED_BYTES) {
        stream.heldBack += due - i;
        return;
      }
      connection.send(firehoseMessage(stream.sent + stream.heldBack, this.#clock.now(), stream.size));
      stream.sent++;
    }
  }

  #end(stream: Stream<C>): void {
    stream.ended = true;
    stream.stopTimer();
    stream.connection.send(JSON.stringify({ type: 'end', sent: stream.sent, heldBack: stream.heldBack }));
    stream.connection.close(1000, 'done');
  }

  #status(stream: Stream<C> | undefined): string {
    const t = this.#clock.now();
    if (!stream) return JSON.stringify({ type: 'status', waiting: true, t });
    return JSON.stringify({
      type: 'status',
      t,
      sent: stream.sent,
      sentBytes: stream.sent * stream.size,
      bufferedAmount: stream.connection.bufferedAmount,
      heldBack: stream.heldBack,
      ended: stream.ended,
    });
  }
}
