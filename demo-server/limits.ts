// Fixed limits that are not configuration: each one bounds what a single client can make us hold.

/** Largest HTTP header block (bytes); Node answers 431 above it. */
export const MAX_HEADER_BYTES = 8 * 1024;

/** Fragments per message; a message of thousands of tiny fragments costs far more than its bytes. */
export const MAX_FRAGMENTS = 1024;

/** A client that started a close handshake gets this long to finish it before its socket is destroyed. */
export const CLOSE_TIMEOUT_MS = 5000;

/** Broadcast (chat, ticker, inspector) skips a client with more than this queued for it… */
export const BROADCAST_SKIP_BYTES = 64 * 1024;
/** …and ends a client with more than this queued (a single large send can pass the skip mark). */
export const BROADCAST_DROP_BYTES = 1024 * 1024;

/** /echo stops reading from a client that does not read its echoes once this much is queued for it. */
export const ECHO_HIGH_WATER_BYTES = 256 * 1024;

/** /slow reads at most this many bytes, then pauses its socket (each pause far shorter than a heartbeat). */
export { SLOW_PAUSE_MS, SLOW_READ_BYTES } from '../src/lib/endpoints.ts';

/** HTTP comparison lab: a long poll's 204 delay and each feed's history (shared with the page's simulator). */
export { FEED_HISTORY, LONG_POLL_MS } from '../src/lib/realtime/quoteHistory.ts';

/** Inspector: a session holds at most this many records (and bytes) while its inspector is away… */
export const SESSION_MAX_RECORDS = 200;
export const SESSION_MAX_BYTES = 128 * 1024;
/** …outlives its last connection by this long… */
export const SESSION_IDLE_MS = 60_000;
/** …and at most this many sessions exist at once (per address: twice MAX_CONNECTIONS_PER_IP). */
export const MAX_SESSIONS = 500;
/** An inspector with more than this queued misses records (and is told how many). */
export const INSPECTOR_SKIP_BYTES = 256 * 1024;

/** /firehose: messages per second, message size, and how long one stream lasts (its query's ranges)… */
export { FIREHOSE_MAX_RATE, FIREHOSE_MAX_SECONDS, FIREHOSE_MAX_SIZE, FIREHOSE_MIN_SIZE } from '../src/lib/endpoints.ts';
/** …and the stream's own bounds (bytes per second, streams at once, queued per reader, watchers), shared with the simulator. */
export {
  FIREHOSE_MAX_BYTES_PER_SECOND,
  FIREHOSE_MAX_QUEUED_BYTES,
  FIREHOSE_MAX_STREAMS,
  FIREHOSE_MAX_WATCHERS,
  FIREHOSE_STATUS_MS,
} from '../src/lib/buffered/firehose.ts';
