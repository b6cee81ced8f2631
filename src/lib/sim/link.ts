// One direction of the simulated TCP connection: chunks of bytes arrive at the far end in order, each in a
// task of its own (as a browser's network events do), either at once or at a fixed rate — /slow's link
// carries about 640 KiB/s, so what the page sends waits in bufferedAmount and drains as on a real slow link.
// The end of the stream (a TCP FIN) travels behind the bytes written before it.

type Item = { bytes: Uint8Array; onSent?: () => void } | { end: true };

export type Rate = { bytes: number; everyMs: number };

export class Link {
  readonly #deliver: (bytes: Uint8Array) => void;
  readonly #onEnd: () => void;
  readonly #rate: Rate | null;
  #queue: Item[] = [];
  #scheduled = false;
  #ended = false;
  #cut = false;

  constructor(deliver: (bytes: Uint8Array) => void, onEnd: () => void, rate: Rate | null = null) {
    this.#deliver = deliver;
    this.#onEnd = onEnd;
    this.#rate = rate;
  }

  /** Queues bytes; `onSent` runs when they have left (bufferedAmount falls then). */
  write(bytes: Uint8Array, onSent?: () => void): void {
    if (this.#ended) return;
    this.#queue.push({ bytes, onSent });
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
  }

  #schedule(): void {
    if (this.#scheduled || this.#cut) return;
    this.#scheduled = true;
    setTimeout(() => this.#pump(), this.#rate ? this.#rate.everyMs : 0);
  }

  #pump(): void {
    this.#scheduled = false;
    let budget = this.#rate ? this.#rate.bytes : Infinity;
    // Without a rate, one chunk per task, so each arrives in its own task; with one, a period's worth.
    let chunks = this.#rate ? Infinity : 1;
    while (this.#queue.length > 0 && budget > 0 && chunks > 0 && !this.#cut) {
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
        break;
      }
      this.#queue.shift();
      budget -= item.bytes.length;
      chunks--;
      this.#deliver(item.bytes);
      item.onSent?.();
    }
    if (this.#queue.length > 0) this.#schedule();
  }
}
