import { describe, expect, it } from 'vitest';
import { isQuote } from './ticker.ts';
import { msUntilNextQuote, QUOTE_EPOCH_MS, quoteAt, quoteSeqAt, quoteTimeOf, SYMBOLS } from './quotes.ts';

describe('quoteAt: the quote feed as a pure function of time', () => {
  it('gives the same quote for the same seq and hz, every time', () => {
    const seqs = [0, 1, 7, 123_456, 590_000_123, 2 ** 40 + 3];
    const once = seqs.map((seq) => quoteAt(seq, 20));
    expect(seqs.map((seq) => quoteAt(seq, 20))).toEqual(once);
    for (const q of once) expect(isQuote(q)).toBe(true);
  });

  it('pins a few values, so a change to the formula cannot go unnoticed (instances of two versions would disagree)', () => {
    expect([0, 1, 2, 1000, 590_000_123].map((seq) => quoteAt(seq, 2).price)).toEqual([130.98, 46.8, 74.01, 125.89, 14.64]);
  });

  it('takes the symbols in turn, with change = price − opening price', () => {
    for (let seq = 1000; seq < 1010; seq++) {
      const q = quoteAt(seq, 5);
      const [symbol, open] = SYMBOLS[seq % SYMBOLS.length]!;
      expect(q.symbol).toBe(symbol);
      expect(q.change).toBeCloseTo(q.price - open, 6);
    }
  });

  it('moves each symbol in small steps and stays within ±30 % of its opening price', () => {
    const start = 500_000_000;
    for (let s = 0; s < SYMBOLS.length; s++) {
      const open = SYMBOLS[s]![1];
      let previous = quoteAt(start + s, 2).price;
      let moved = 0;
      for (let k = 1; k < 2000; k++) {
        const price = quoteAt(start + s + k * SYMBOLS.length, 2).price;
        expect(Math.abs(price - previous) / previous).toBeLessThan(0.015);
        expect(Math.abs(price - open) / open).toBeLessThan(0.3);
        if (price !== previous) moved++;
        previous = price;
      }
      expect(moved).toBeGreaterThan(1500);
    }
  });

  it('numbers quotes by the clock: seq n is made at quoteTimeOf(n), the next one msUntilNextQuote later', () => {
    for (const hz of [1, 2, 3, 7, 20]) {
      for (const now of [QUOTE_EPOCH_MS + 1, QUOTE_EPOCH_MS + 86_400_123, Date.UTC(2026, 11, 5, 12, 0, 0, 7)]) {
        const seq = quoteSeqAt(now, hz);
        expect(quoteTimeOf(seq, hz)).toBeLessThanOrEqual(now);
        expect(quoteTimeOf(seq + 1, hz)).toBeGreaterThan(now);
        expect(quoteSeqAt(quoteTimeOf(seq, hz), hz)).toBe(seq);
        expect(quoteSeqAt(now + msUntilNextQuote(now, hz), hz)).toBe(seq + 1);
        expect(quoteAt(seq, hz).t).toBe(quoteTimeOf(seq, hz));
      }
    }
  });
});
