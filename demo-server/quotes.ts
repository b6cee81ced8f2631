// Simulated stock quotes: a random walk over a few made-up symbols, shared by /ticker and the HTTP
// comparison endpoints (/alt/…) so every transport carries the same kind of update.

export interface Quote {
  type: 'quote';
  seq: number;
  /** Server time (ms since the epoch) when the quote was made, for measuring delivery latency. */
  t: number;
  symbol: string;
  price: number;
  /** Price minus the symbol's opening price. */
  change: number;
}

const SYMBOLS: ReadonlyArray<readonly [string, number]> = [
  ['ACME', 120],
  ['BYTE', 42],
  ['SOCK', 77.5],
  ['PING', 15],
  ['FRAM', 230],
];

const round2 = (n: number): number => Math.round(n * 100) / 100;

export class QuoteFeed {
  #seq = 0;
  #turn = 0;
  readonly #open: number[] = SYMBOLS.map(([, price]) => price);
  readonly #price: number[] = SYMBOLS.map(([, price]) => price);

  /** The last sequence number handed out (0 before the first quote). */
  get seq(): number {
    return this.#seq;
  }

  /** Moves the next symbol (round robin) by up to ±0.5 % and returns its quote. */
  next(now = Date.now()): Quote {
    const i = this.#turn;
    this.#turn = (i + 1) % SYMBOLS.length;
    const step = (Math.random() - 0.5) * 0.01 * this.#price[i]!;
    const price = round2(Math.max(1, this.#price[i]! + step));
    this.#price[i] = price;
    return {
      type: 'quote',
      seq: ++this.#seq,
      t: now,
      symbol: SYMBOLS[i]![0],
      price,
      change: round2(price - this.#open[i]!),
    };
  }
}
