// A running quote feed at one rate: a timer aligned to the quote clock of src/lib/realtime/quotes.ts, so
// every instance sends the same quote at the same moment without coordination. /ticker and /alt/… each
// keep one per rate (and so does the page's simulated server), and each quote is made and serialised once for all its readers.
import { msUntilNextQuote, quoteAt, quoteSeqAt, type Quote } from './quotes.ts';

/** Quotes a late timer catches up on at once; older ones are skipped (readers see a gap in seq). */
const MAX_CATCH_UP = 20;

export class QuoteStream {
  readonly hz: number;
  readonly #onQuote: (quote: Quote, json: string) => void;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The last sequence number sent (-1 before the first). */
  #last = -1;

  constructor(hz: number, onQuote: (quote: Quote, json: string) => void) {
    this.hz = hz;
    this.#onQuote = onQuote;
  }

  get running(): boolean {
    return this.#timer !== null;
  }

  /** The newest sequence number made by now, whether or not this stream is running. */
  get seq(): number {
    return quoteSeqAt(Date.now(), this.hz);
  }

  /** Starts ticking; `now: true` also sends the current quote at once (a fresh HTTP feed has a history). */
  start(options: { now?: boolean } = {}): void {
    if (this.#timer) return;
    this.#last = this.seq - (options.now ? 1 : 0);
    if (options.now) this.#tick();
    else this.#schedule();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => this.#tick(), msUntilNextQuote(Date.now(), this.hz));
  }

  #tick(): void {
    const seq = this.seq;
    for (let s = Math.max(this.#last + 1, seq - MAX_CATCH_UP + 1); s <= seq; s++) {
      const quote = quoteAt(s, this.hz);
      this.#onQuote(quote, JSON.stringify(quote));
    }
    this.#last = Math.max(this.#last, seq);
    this.#schedule();
  }
}
