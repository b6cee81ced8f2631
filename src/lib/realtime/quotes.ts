// The simulated stock quotes of /ticker and /alt/…, as a pure function of time: the quote for sequence
// number `seq` at `hz` quotes per second is always the same. Every demo-server instance and the page-side
// simulator therefore produce one sequence without talking to each other (README.md, "Running more than one instance").
// Only +, *, / and 32-bit integer mixing are used, so every JavaScript engine computes the same bits.
import type { Quote } from './ticker.ts';

export type { Quote };

/** The symbols and their opening prices; `change` is the price minus the opening price. */
export const SYMBOLS: ReadonlyArray<readonly [string, number]> = [
  ['ACME', 120],
  ['BYTE', 42],
  ['SOCK', 77.5],
  ['PING', 15],
  ['FRAM', 230],
];

/** Sequence number 0 is this instant; afterwards one quote every 1000/hz ms. */
export const QUOTE_EPOCH_MS = Date.UTC(2026, 0, 1);
export const MIN_HZ = 1;
export const MAX_HZ = 20;
export const DEFAULT_HZ = 2;

/** The sequence number of the newest quote made by `nowMs` (ms since the Unix epoch). */
export function quoteSeqAt(nowMs: number, hz: number): number {
  return Math.floor(((nowMs - QUOTE_EPOCH_MS) * hz) / 1000);
}

/** When quote `seq` is made (ms since the Unix epoch, a whole number). */
export function quoteTimeOf(seq: number, hz: number): number {
  return QUOTE_EPOCH_MS + Math.ceil((seq * 1000) / hz);
}

/** Milliseconds from `nowMs` until the next quote is due (at least 1). */
export function msUntilNextQuote(nowMs: number, hz: number): number {
  return Math.max(1, quoteTimeOf(quoteSeqAt(nowMs, hz) + 1, hz) - nowMs);
}

/**
 * The quote numbered `seq`: symbols take turns, and each symbol's price wanders by value noise summed over
 * ten time scales (amplitude growing as √scale, as a random walk's spread does), so it looks like a walk
 * of small steps yet needs no earlier quote to compute.
 */
export function quoteAt(seq: number, hz: number): Quote {
  const count = SYMBOLS.length;
  const i = ((seq % count) + count) % count;
  const step = (seq - i) / count;
  const [symbol, open] = SYMBOLS[i]!;
  const price = round2(Math.max(1, open * (1 + wander(i, step))));
  return { type: 'quote', seq, t: quoteTimeOf(seq, hz), symbol, price, change: round2(price - open) };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** 0.003 × √2^octave, written out so no engine's Math.pow is involved. */
const AMPLITUDES = [0.003, 0.004243, 0.006, 0.008485, 0.012, 0.016971, 0.024, 0.033941, 0.048, 0.067882];

/** The relative distance from the opening price after `step` moves of symbol `i` (about ±0.25 at most). */
function wander(i: number, step: number): number {
  let sum = 0;
  let scale = 1;
  for (let octave = 0; octave < AMPLITUDES.length; octave++) {
    const cell = Math.floor(step / scale);
    const f = (step - cell * scale) / scale;
    const smooth = f * f * (3 - 2 * f);
    const a = lattice(i, octave, cell);
    const b = lattice(i, octave, cell + 1);
    sum += AMPLITUDES[octave]! * (a + (b - a) * smooth);
    scale *= 2;
  }
  return sum;
}

/** A value in [-1, 1) fixed by (symbol, octave, cell): a seeded integer hash, no state. */
function lattice(i: number, octave: number, cell: number): number {
  const low = cell % 0x1_0000_0000;
  const high = (cell - low) / 0x1_0000_0000;
  let h = mix(0x5eed_cafe ^ Math.imul(i + 1, 0x9e37_79b1));
  h = mix(h ^ Math.imul(octave + 1, 0x85eb_ca6b));
  h = mix(h ^ (low | 0));
  h = mix(h ^ (high | 0));
  return (h >>> 0) / 0x8000_0000 - 1;
}

/** murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h;
}
