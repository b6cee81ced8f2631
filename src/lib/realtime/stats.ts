// Small statistics shared by the real-time labs: percentiles of latencies and a messages-per-second meter.

export type Summary = { count: number; min: number; median: number; p95: number; max: number; mean: number };

/** The p-th percentile (0–100) of ascending `sorted`, by linear interpolation between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function summarize(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0]!,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1)!,
    mean: sum / sorted.length,
  };
}

/** Keeps the last `capacity` values, oldest first when read. */
export class RingBuffer<T> {
  readonly capacity: number;
  #items: T[] = [];
  #start = 0;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('RingBuffer capacity must be at least 1');
    this.capacity = Math.floor(capacity);
  }

  get length(): number {
    return this.#items.length;
  }

  push(item: T): void {
    if (this.#items.length < this.capacity) this.#items.push(item);
    else {
      this.#items[this.#start] = item;
      this.#start = (this.#start + 1) % this.capacity;
    }
  }

  toArray(): T[] {
    return this.#items.slice(this.#start).concat(this.#items.slice(0, this.#start));
  }

  clear(): void {
    this.#items = [];
    this.#start = 0;
  }
}

/** Counts events in a sliding window, e.g. messages per second over the last 2 s. */
export class RateMeter {
  readonly windowMs: number;
  #times: number[] = [];
  #head = 0;

  constructor(windowMs = 2000) {
    this.windowMs = windowMs;
  }

  add(now: number): void {
    this.#times.push(now);
  }

  /** Events per second in the window ending at `now`. */
  perSecond(now: number): number {
    const from = now - this.windowMs;
    while (this.#head < this.#times.length && this.#times[this.#head]! <= from) this.#head++;
    // Drop the consumed prefix now and then, so the array does not grow forever.
    if (this.#head > 1024) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
    return ((this.#times.length - this.#head) * 1000) / this.windowMs;
  }

  clear(): void {
    this.#times = [];
    this.#head = 0;
  }
}
