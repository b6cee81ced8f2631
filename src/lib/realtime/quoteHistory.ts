// The comparison lab's HTTP feed at one rate, as /alt/poll, /alt/long-poll and /alt/sse serve it: a running
// quote stream and the newest quotes it sent, so a poll can ask for what is newer than the `seq` it last
// saw. The demo server (demo-server/endpoints/alt.ts) and the page's simulated server share it, with the
// event-stream wording both sides count bytes of.
import { QuoteStream } from './quoteStream.ts';

/** Quotes a feed remembers for pollers. */
export const FEED_HISTORY = 100;
/** A long poll with nothing new is answered 204 after this long. */
export const LONG_POLL_MS = 25_000;
/** The retry hint that opens every event stream, written as its own chunk. */
export const SSE_PREAMBLE = 'retry: 2000\n\n';

/** One server-sent event for a quote: its seq as the event id (Last-Event-ID resumes from it). */
export function sseEvent(seq: number, json: string): string {
  return `id: ${seq}\ndata: ${json}\n\n`;
}

export class QuoteHistory {
  readonly stream: QuoteStream;
  /** The newest quotes as [seq, json], oldest first. */
  readonly history: Array<[number, string]> = [];
  readonly #onQuote: (seq: number, json: string) => void;

  /** `onQuote` hears each new quote once it is in the history. */
  constructor(hz: number, onQuote: (seq: number, json: string) => void) {
    this.#onQuote = onQuote;
    this.stream = new QuoteStream(hz, (quote, json) => this.#add(quote.seq, json));
  }

  /** The newest quote sent (or, before the first, the one the clock is at). */
  get seq(): number {
    return this.history.at(-1)?.[0] ?? this.stream.seq;
  }

  /** Starts the feed if it was idle, with the current quote right away (a fresh feed has a history). */
  start(): void {
    this.stream.start({ now: true });
  }

  stop(): void {
    this.stream.stop();
  }

  newerThan(since: number): string[] {
    const out: string[] = [];
    for (const [seq, json] of this.history) if (seq > since) out.push(json);
    return out;
  }

  /** A `since` from the future (another rate's numbering, or made up) starts the client over. */
  sinceOrZero(since: number): number {
    return since > this.seq ? 0 : since;
  }

  #add(seq: number, json: string): void {
    if (seq <= (this.history.at(-1)?.[0] ?? -1)) return; // restarted within one quote's time
    this.history.push([seq, json]);
    if (this.history.length > FEED_HISTORY) this.history.shift();
    this.#onQuote(seq, json);
  }
}
