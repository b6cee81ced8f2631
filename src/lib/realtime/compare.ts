// Per-method bookkeeping for "polling vs long-polling vs SSE vs WebSocket": requests made, updates received,
// bytes on the wire by kind, and delivery latency per update (server timestamp → arrival in the page).
import { checkSeq } from './ticker.ts';
import { summarize, type Summary } from './stats.ts';

export const METHODS = ['poll', 'longPoll', 'sse', 'ws'] as const;
export type MethodId = (typeof METHODS)[number];

/** Request heads, response heads, framing around each update (SSE field names, chunk sizes, frame headers), payload. */
export const BYTE_KINDS = ['requestHeads', 'responseHeads', 'framing', 'payload'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];
export type Provenance = 'counted' | 'estimated';

/** Which numbers the page can count and which it can only estimate, per method (see wire.ts). */
export const PROVENANCE: Readonly<Record<MethodId, Readonly<Record<ByteKind, Provenance>>>> = {
  poll: { requestHeads: 'estimated', responseHeads: 'counted', framing: 'counted', payload: 'counted' },
  longPoll: { requestHeads: 'estimated', responseHeads: 'counted', framing: 'counted', payload: 'counted' },
  sse: { requestHeads: 'estimated', responseHeads: 'estimated', framing: 'counted', payload: 'counted' },
  ws: { requestHeads: 'estimated', responseHeads: 'estimated', framing: 'counted', payload: 'counted' },
};

export type MethodStatus = 'idle' | 'starting' | 'running' | 'done' | 'failed';

/** What the browser's Resource Timing entries reported for this method's requests, where it reported any. */
export type BrowserReport = { entries: number; transferSize: number; encodedBodySize: number; protocols: string[] };

export type MethodSummary = {
  method: MethodId;
  status: MethodStatus;
  error: string | null;
  requests: number;
  /** Responses that carried no update (an empty poll, a long poll that timed out with 204). */
  emptyResponses: number;
  updates: number;
  missed: number;
  bytes: Record<ByteKind, number>;
  totalBytes: number;
  bytesPerUpdate: number | null;
  /** Header bytes (both directions) per update: the part that does not carry data. */
  headBytesPerUpdate: number | null;
  latency: Summary | null;
  browser: BrowserReport;
};

const MAX_LATENCIES = 10_000;

export class MethodMeter {
  readonly method: MethodId;
  status: MethodStatus = 'idle';
  error: string | null = null;
  requests = 0;
  emptyResponses = 0;
  updates = 0;
  missed = 0;
  readonly bytes: Record<ByteKind, number> = { requestHeads: 0, responseHeads: 0, framing: 0, payload: 0 };
  readonly browser: BrowserReport = { entries: 0, transferSize: 0, encodedBodySize: 0, protocols: [] };
  #latencies: number[] = [];
  #lastSeq: number | null = null;

  constructor(method: MethodId) {
    this.method = method;
  }

  /** One HTTP request (or the WebSocket handshake) leaves the browser with a head of `headBytes`. */
  request(headBytes: number): void {
    this.requests++;
    this.bytes.requestHeads += headBytes;
  }

  /** A whole HTTP response arrived: its head, its body, and how many updates the body held. */
  response(headBytes: number, bodyBytes: number, updates: number): void {
    this.bytes.responseHeads += headBytes;
    this.bytes.payload += bodyBytes;
    if (updates === 0) this.emptyResponses++;
  }

  add(kind: ByteKind, n: number): void {
    this.bytes[kind] += n;
  }

  /** One update (quote) arrived at `arrivedAt` (client clock); duplicates and old ones are not counted. */
  update(quote: { seq: number; t: number }, arrivedAt: number): boolean {
    const check = checkSeq(this.#lastSeq, quote.seq);
    if (check.kind === 'old') return false;
    if (check.kind === 'gap') this.missed += check.missed;
    this.#lastSeq = quote.seq;
    this.updates++;
    if (this.#latencies.length < MAX_LATENCIES) this.#latencies.push(arrivedAt - quote.t);
    return true;
  }

  /** Resource Timing's view of one request: transferSize is encodedBodySize + 300 by spec, not real headers. */
  browserEntry(entry: { transferSize: number; encodedBodySize: number; nextHopProtocol: string }): void {
    this.browser.entries++;
    this.browser.transferSize += entry.transferSize;
    this.browser.encodedBodySize += entry.encodedBodySize;
    if (entry.nextHopProtocol && !this.browser.protocols.includes(entry.nextHopProtocol)) {
      this.browser.protocols.push(entry.nextHopProtocol);
    }
  }

  fail(message: string): void {
    this.status = 'failed';
    this.error = message;
  }

  summary(): MethodSummary {
    let totalBytes = 0;
    for (const kind of BYTE_KINDS) totalBytes += this.bytes[kind];
    const per = (n: number) => (this.updates > 0 ? n / this.updates : null);
    return {
      method: this.method,
      status: this.status,
      error: this.error,
      requests: this.requests,
      emptyResponses: this.emptyResponses,
      updates: this.updates,
      missed: this.missed,
      bytes: { ...this.bytes },
      totalBytes,
      bytesPerUpdate: per(totalBytes),
      headBytesPerUpdate: per(this.bytes.requestHeads + this.bytes.responseHeads),
      latency: summarize(this.#latencies),
      browser: { ...this.browser, protocols: this.browser.protocols.slice() },
    };
  }
}

/** The largest value of `pick` over the summaries that have one, for a shared chart axis. */
export function maxOf(summaries: readonly MethodSummary[], pick: (s: MethodSummary) => number | null | undefined): number {
  let max = 0;
  for (const s of summaries) {
    const v = pick(s);
    if (typeof v === 'number' && Number.isFinite(v) && v > max) max = v;
  }
  return max;
}
