// bufferedAmount over time: samples kept within a bound (without losing the peaks), and what the lab's
// chart needs — nice axis ticks, scaled coordinates, an SVG path — and byte counts in words.

import { formatNumber } from '../../i18n/format.ts';

export type Sample = { t: number; value: number };

export class BufferSeries {
  #samples: Sample[] = [];
  #max: number;
  #peak: Sample = { t: 0, value: 0 };

  constructor(maxSamples = 1200) {
    this.#max = Math.max(4, maxSamples);
  }

  get samples(): readonly Sample[] {
    return this.#samples;
  }

  /** The highest value seen, and when (kept exactly even after the series is thinned). */
  get peak(): Sample {
    return this.#peak;
  }

  get last(): Sample | null {
    return this.#samples.at(-1) ?? null;
  }

  add(t: number, value: number): void {
    this.#samples.push({ t, value });
    if (value > this.#peak.value) this.#peak = { t, value };
    if (this.#samples.length > this.#max) this.#thin();
  }

  /** Halves the samples by merging neighbours, keeping the larger of each pair so peaks stay drawn. */
  #thin(): void {
    const out: Sample[] = [];
    for (let i = 0; i < this.#samples.length; i += 2) {
      const a = this.#samples[i]!;
      const b = this.#samples[i + 1];
      out.push(b && b.value > a.value ? b : a);
    }
    this.#samples = out;
  }
}

/** A round upper bound for a byte axis: the next power of two, at least `min`. */
export function niceCeil(value: number, min = 64 * 1024): number {
  let out = min;
  while (out < value) out *= 2;
  return out;
}

/** `count` + 1 evenly spaced ticks from 0 to max. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** Ticks for a time axis in ms, on whole seconds (or fractions for short runs), at most about `most`. */
export function timeTicks(maxMs: number, most = 8): number[] {
  const stepsMs = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000];
  const step = stepsMs.find((s) => maxMs / s <= most) ?? 60_000;
  const out: number[] = [];
  for (let t = 0; t <= maxMs + 1e-9; t += step) out.push(t);
  return out;
}

export type Plot = { width: number; height: number; left: number; right: number; top: number; bottom: number; tMax: number; yMax: number };

export const xOf = (p: Plot, t: number): number => p.left + (Math.min(t, p.tMax) / p.tMax) * (p.width - p.left - p.right);
export const yOf = (p: Plot, v: number): number => p.height - p.bottom - (Math.min(v, p.yMax) / p.yMax) * (p.height - p.top - p.bottom);

/** An SVG path through the samples, rounded to tenths of a pixel. */
export function linePath(samples: readonly Sample[], p: Plot): string {
  let d = '';
  for (const [i, s] of samples.entries()) {
    d += `${i === 0 ? 'M' : 'L'}${xOf(p, s.t).toFixed(1)} ${yOf(p, s.value).toFixed(1)}`;
  }
  return d;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const;

/** 1536 → "1.5 KiB" (or "1,5 KiB" in Vietnamese); whole numbers lose their ".0". */
export function formatBytes(bytes: number, locale = 'en'): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(locale, value, { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** 1234 ms → "1.2 s" ("1,2 s"). */
export function formatSeconds(ms: number, locale = 'en'): string {
  return `${formatNumber(locale, ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}
