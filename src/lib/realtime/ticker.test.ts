import { describe, expect, it } from 'vitest';
import { changePercent, checkSeq, millisText, parseQuote, signedChange, TickerBook, type Quote } from './ticker.ts';
import { tickerNotice } from './linkNotice.ts';
import { niceMax, sparkline, barFraction } from './chart.ts';
import { percentile, RateMeter, RingBuffer, summarize } from './stats.ts';

const quote = (seq: number, t: number, symbol = 'ACME', price = 100): Quote => ({ type: 'quote', seq, t, symbol, price, change: 0 });

describe('parseQuote', () => {
  it('accepts the demo server quote and nothing else', () => {
    expect(parseQuote('{"type":"quote","seq":1,"t":5,"symbol":"ACME","price":119.45,"change":-0.55}')).toMatchObject({ seq: 1 });
    expect(parseQuote('{"type":"quote","seq":1.5,"t":5,"symbol":"ACME","price":1,"change":0}')).toBeNull();
    expect(parseQuote('{"type":"join"}')).toBeNull();
    expect(parseQuote('nope')).toBeNull();
  });
});

describe('sequence numbers', () => {
  it('detects gaps and old quotes', () => {
    expect(checkSeq(null, 7)).toEqual({ kind: 'first' });
    expect(checkSeq(7, 8)).toEqual({ kind: 'next' });
    expect(checkSeq(8, 11)).toEqual({ kind: 'gap', missed: 2 });
    expect(checkSeq(11, 3)).toEqual({ kind: 'old' });
  });
});

describe('TickerBook', () => {
  it('keeps a series per symbol and measures rate, latency and gaps', () => {
    const book = new TickerBook({ points: 3 });
    book.add(quote(1, 1000, 'ACME', 1), 1004);
    book.add(quote(2, 1500, 'BYTE', 2), 1502);
    book.add(quote(4, 2000, 'ACME', 3), 2010); // seq 3 missing
    book.add(quote(5, 2500, 'ACME', 4), 2501);
    book.add(quote(6, 3000, 'ACME', 5), 3001);
    const snap = book.snapshot(3001);
    expect(snap.symbols.map((s) => [s.symbol, s.points])).toEqual([
      ['ACME', [3, 4, 5]],
      ['BYTE', [2]],
    ]);
    expect(snap.received).toBe(5);
    expect(snap.missed).toBe(1);
    expect(snap.lastLatency).toBe(1);
    expect(snap.latency?.median).toBe(2);
    expect(snap.perSecond).toBe(2.5); // 5 arrivals in the 2 s window (1001, 3001]
    expect(book.snapshot(4600).perSecond).toBe(0.5); // only 3001 is left in (2600, 4600]
  });

  it('starts a new sequence on reconnect without counting a gap', () => {
    const book = new TickerBook();
    book.add(quote(50, 0), 1);
    book.restartSequence();
    book.add(quote(1, 2), 3);
    expect(book.snapshot(3)).toMatchObject({ missed: 0, outOfOrder: 0, received: 2 });
    book.add(quote(1, 2), 3);
    expect(book.snapshot(3).outOfOrder).toBe(1);
  });

  it('reads the servers\' link notices as the link state, not as unexpected messages', () => {
    const book = new TickerBook();
    expect(book.snapshot(0).link).toBeNull();
    book.receive(JSON.stringify(quote(1, 0)), 1);
    book.receive(tickerNotice('local'), 2);
    expect(book.snapshot(2)).toMatchObject({ link: 'local', received: 1, unexpected: 0 });
    book.receive(JSON.stringify({ type: 'notice', code: 'elsewhere', message: 'x' }), 3);
    book.receive('not json', 3);
    book.receive(new ArrayBuffer(2), 3);
    expect(book.snapshot(3)).toMatchObject({ link: 'local', unexpected: 3 });
    book.receive(tickerNotice('shared'), 4);
    book.reset();
    // Reset clears the counts; what the server said about its link is still true.
    expect(book.snapshot(4)).toMatchObject({ link: 'shared', received: 0, unexpected: 0 });
  });
});

describe('stats', () => {
  it('percentiles interpolate and summaries cover the basics', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([5, 1, 3])).toEqual({ count: 3, min: 1, median: 3, p95: 4.8, max: 5, mean: 3 });
    expect(summarize([])).toBeNull();
  });

  it('RingBuffer keeps the newest items in order', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
  });

  it('RateMeter counts the window only', () => {
    const m = new RateMeter(1000);
    for (const t of [0, 100, 900, 1500]) m.add(t);
    expect(m.perSecond(1500)).toBe(2);
    expect(m.perSecond(5000)).toBe(0);
  });
});

describe('chart geometry', () => {
  it('draws a path across the width, highest value at the top, with the reference on the same scale', () => {
    expect(sparkline([1, 3, 2], 100, 20, 0)).toEqual({ d: 'M0 20L50 0L100 10', reference: null });
    expect(sparkline([4, 4], 10, 20).d).toBe('M0 10L10 10');
    expect(sparkline([2, 3], 10, 20, 0, 1)).toEqual({ d: 'M0 10L10 0', reference: 20 });
    expect(sparkline([], 10, 10)).toEqual({ d: '', reference: null });
  });

  it('picks nice axis maxima and bar widths', () => {
    expect(niceMax(0.7)).toBe(1);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(501)).toBe(1000);
    expect(barFraction(50, 200)).toBe(0.25);
    expect(barFraction(-1, 200)).toBe(0);
  });
});

describe('quote text', () => {
  it('writes a change with its sign and two decimals', () => {
    expect(signedChange(1.254)).toBe('+1.25');
    expect(signedChange(-0.4)).toBe('−0.40');
    expect(signedChange(0)).toBe('±0.00');
  });

  it('writes the change as a share of the opening price, or nothing without one', () => {
    expect(changePercent(5, 105)).toBe('+5.00%');
    expect(changePercent(-10, 90)).toBe('−10.00%');
    expect(changePercent(3, 3)).toBe('');
    expect(changePercent(3, 1)).toBe('');
  });

  it('writes a latency in whole milliseconds, a dash while there is none', () => {
    expect(millisText(12.6)).toBe('13 ms');
    expect(millisText(-3.2)).toBe('-3 ms');
    expect(millisText(null)).toBe('—');
    expect(millisText(undefined)).toBe('—');
    expect(millisText(Number.NaN)).toBe('—');
  });
});
