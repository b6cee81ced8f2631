// The ticker lab's model: validates quotes from /ticker (and the /alt feeds, which carry the same JSON),
// keeps a short price series per symbol for the charts, and measures what a reader should watch in a stream:
// messages per second, delivery latency from the server's timestamp, and gaps in the sequence numbers.
import { RateMeter, RingBuffer, summarize, type Summary } from './stats.ts';
import { parseLinkNotice, type LinkState } from './linkNotice.ts';

export type Quote = { type: 'quote'; seq: number; t: number; symbol: string; price: number; change: number };

export function isQuote(value: unknown): value is Quote {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  return (
    q.type === 'quote' &&
    Number.isSafeInteger(q.seq) &&
    typeof q.t === 'number' &&
    Number.isFinite(q.t) &&
    typeof q.symbol === 'string' &&
    typeof q.price === 'number' &&
    Number.isFinite(q.price) &&
    typeof q.change === 'number' &&
    Number.isFinite(q.change)
  );
}

/** One quote from a text message; null for anything else (the view counts those as unexpected). */
export function parseQuote(data: unknown): Quote | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return isQuote(value) ? value : null;
  } catch {
    return null;
  }
}

/** What a sequence number says about the stream: in order, after a gap, or not newer than the last one. */
export type SeqCheck = { kind: 'first' | 'next' } | { kind: 'gap'; missed: number } | { kind: 'old' };

export function checkSeq(last: number | null, seq: number): SeqCheck {
  if (last === null) return { kind: 'first' };
  if (seq === last + 1) return { kind: 'next' };
  if (seq > last + 1) return { kind: 'gap', missed: seq - last - 1 };
  return { kind: 'old' };
}

export type SymbolView = { symbol: string; price: number; change: number; points: number[] };

export type TickerSnapshot = {
  symbols: SymbolView[];
  received: number;
  /** Quotes that never arrived, judged by jumps in seq. */
  missed: number;
  /** Quotes whose seq was not newer than the previous one (e.g. a restarted server). */
  outOfOrder: number;
  unexpected: number;
  perSecond: number;
  latency: Summary | null;
  lastLatency: number | null;
  /** What the server last said about the link between its instances (null: it never said, one instance). */
  link: LinkState | null;
};

export class TickerBook {
  readonly points: number;
  #series = new Map<string, { price: number; change: number; points: RingBuffer<number> }>();
  #latencies: RingBuffer<number>;
  #rate = new RateMeter(2000);
  #lastSeq: number | null = null;
  #received = 0;
  #missed = 0;
  #outOfOrder = 0;
  #unexpected = 0;
  #lastLatency: number | null = null;
  #link: LinkState | null = null;

  constructor(options: { points?: number; latencySamples?: number } = {}) {
    this.points = options.points ?? 60;
    this.#latencies = new RingBuffer(options.latencySamples ?? 200);
  }

  /** Records a quote that arrived at `arrivedAt` (client clock, ms since the epoch). */
  add(quote: Quote, arrivedAt: number): SeqCheck {
    const check = checkSeq(this.#lastSeq, quote.seq);
    if (check.kind === 'gap') this.#missed += check.missed;
    if (check.kind === 'old') this.#outOfOrder++;
    else this.#lastSeq = quote.seq;
    this.#received++;
    this.#rate.add(arrivedAt);
    this.#lastLatency = arrivedAt - quote.t;
    this.#latencies.push(this.#lastLatency);
    let s = this.#series.get(quote.symbol);
    if (!s) {
      s = { price: quote.price, change: quote.change, points: new RingBuffer(this.points) };
      this.#series.set(quote.symbol, s);
    }
    s.price = quote.price;
    s.change = quote.change;
    s.points.push(quote.price);
    return check;
  }

  unexpected(): void {
    this.#unexpected++;
  }

  /** One text message from the feed: a quote, a notice about the servers' link, or something unexpected. */
  receive(data: unknown, arrivedAt: number): void {
    const quote = parseQuote(data);
    if (quote) return void this.add(quote, arrivedAt);
    const notice = parseLinkNotice(data);
    if (notice) this.#link = notice.code;
    else this.#unexpected++;
  }

  /** A new connection starts a new sequence (the server numbers quotes per feed), but keeps the charts. */
  restartSequence(): void {
    this.#lastSeq = null;
  }

  snapshot(now: number): TickerSnapshot {
    const symbols = [...this.#series.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([symbol, s]) => ({ symbol, price: s.price, change: s.change, points: s.points.toArray() }));
    return {
      symbols,
      received: this.#received,
      missed: this.#missed,
      outOfOrder: this.#outOfOrder,
      unexpected: this.#unexpected,
      perSecond: this.#rate.perSecond(now),
      latency: summarize(this.#latencies.toArray()),
      lastLatency: this.#lastLatency,
      link: this.#link,
    };
  }

  reset(): void {
    this.#series.clear();
    this.#latencies.clear();
    this.#rate.clear();
    this.#lastSeq = null;
    this.#received = this.#missed = this.#outOfOrder = this.#unexpected = 0;
    this.#lastLatency = null;
  }
}

/** A change written with its sign, two decimals: +1.25, −0.40, ±0.00 (a true minus sign, as prices are printed). */
export function signedChange(n: number, suffix = ''): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}${suffix}`;
}

/** The change as a share of the opening price (price − change), '' when there is no positive opening price. */
export function changePercent(change: number, price: number): string {
  const open = price - change;
  return open > 0 ? signedChange((change / open) * 100, '%') : '';
}

/** A latency in whole milliseconds, '—' while there is none to show. */
export function millisText(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`;
}
