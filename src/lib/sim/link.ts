// One direction of the simulated TCP connection: chunks of bytes arrive at the far end in order, each in a
// task of its own (as a browser's network events do), either at once or at a fixed rate — /slow's link
// carries about 640 KiB/s, so what the page sends waits in bufferedAmount and drains as on a real slow link.
// The end of the stream (a TCP FIN) travels behind the bytes written before it. A receiver that stops
// reading (WebSocketStream's backpressure) pauses the link: what is written meanwhile waits at the sender,
// as a closed TCP window makes it wait in a real server.

type Item = { bytes: Uint8Array; onSent?: () => void } | { end: true };

export type Rate = { bytes: number; everyMs: number };

/** A rated link catches up on timers up to this late (a busy page's); /slow's 100 ms period keeps one period's worth. */
const ACCRUE_MS = 100;

export class Link {
  readonly #deliver: (bytes: Uint8Array) => void;
  readonly #onEnd: () => void;
  readonly #rate: Rate | null;
  #queue: Item[] = [];
  #queuedBytes = 0;
  #scheduled = false;
  #ended = false;
  #cut = false;
  #paused = false;
  /** A rated link's budget in bytes, and when it was last topped up. */
  #budget = 0;
  #refilledAt = -Infinity;

  constructor(deliver: (bytes: Uint8Array) => void, onEnd: () => void, rate: Rate | null = null) {
    this.#deliver = deliver;
    this.#onEnd = onEnd;
    this.#rate = rate;
  }

  /** Bytes written and not yet delivered: what a sender's bufferedAmount counts. */
  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  /** Queues bytes; `onSent` runs when they have left (bufferedAmount falls then). */
  write(bytes: Uint8Array, onSent?: () => void): void {
    if (this.#ended) return;
    this.#queue.push({ bytes, onSent });
    this.#queuedBytes += bytes.length;
    this.#schedule();
  }

  /** Closes this direction after what is queued. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#queue.push({ end: true });
    this.#schedule();
  }

  /** The connection is gone: nothing queued arrives, and the far end hears nothing more. */
  cut(): void {
    this.#ended = true;
    this.#cut = true;
    this.#queue = [];
    this.#queuedBytes = 0;
  }

  /** The receiver stops reading (true) or reads again (false). */
  pause(paused: boolean): void {
    this.#paused = paused;
    if (!paused && this.#queue.length > 0) this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#cut || this.#paused) return;
    this.#scheduled = true;
    let wait = 0;
    // A spent budget waits a whole period, so a rated link carries a period's worth at a time, as /slow reads.
    if (this.#rate && this.#refill() < 1) wait = this.#rate.everyMs;
    setTimeout(() => this.#pump(), wait);
  }

  /**
   * The budget a rated link has now: it grows with the time since it was last topped up, so a late timer
   * (a busy page) does not slow the link down; at most ACCRUE_MS worth is kept, as a link cannot save up.
   */
  #refill(): number {
    const rate = this.#rate!;
    const now = Date.now();
    const most = rate.bytes * Math.max(1, ACCRUE_MS / rate.everyMs);
    this.#budget = Math.min(most, this.#budget + ((now - this.#refilledAt) * rate.bytes) / rate.everyMs);
    this.#refilledAt = now;
    return this.#budget;
  }

  #pump(): void {
    this.#scheduled = false;
    if (this.#paused) return;
    let budget = this.#rate ? Math.floor(this.#refill()) : Infinity;
    // Without a rate, one chunk per task, so each arrives in its own task; with one, a period's worth.
    let chunks = this.#rate ? Infinity : 1;
    while (this.#queue.length > 0 && budget > 0 && chunks > 0 && !this.#cut && !this.#paused) {
      const item = this.#queue[0]!;
      if ('end' in item) {
        this.#queue.shift();
        this.#onEnd();
        return;
      }
      if (item.bytes.length > budget) {
        // Part of a chunk now, the rest next period.
        this.#deliver(item.bytes.subarray(0, budget));
        item.bytes = item.bytes.subarray(budget);
        this.#queuedBytes -= budget;
        budget = 0;
        break;
      }
      this.#queue.shift();
      budget -= item.bytes.length;
      this.#queuedBytes -= item.bytes.length;
      chunks--;
      this.#deliver(item.bytes);
      item.onSent?.();
    }
    if (this.#rate) this.#budget -= Math.floor(this.#budget) - budget;
    if (this.#queue.length > 0) this.#schedule();
  }
}
