// Sending a burst of binary messages two ways: the naive loop (everything at once) and with backpressure
// (send while bufferedAmount is below a threshold, else check again on a timer — WebSocket has no 'drain'
// event). Works on anything with send() and bufferedAmount, so tests can hand it a fake socket.

/** The demo server's MAX_PAYLOAD: one message of exactly 64 KiB is the largest it accepts. */
export const MESSAGE_BYTES = 64 * 1024;
export const KIB = 1024;
export const MIB = 1024 * 1024;

/** Burst sizes the lab offers. Loopback kernel buffers swallow a few MiB before the browser queues anything. */
export const BURST_SIZES = [1 * MIB, 4 * MIB, 8 * MIB, 16 * MIB] as const;
export const THRESHOLDS = [256 * KIB, 1 * MIB, 2 * MIB] as const;
/** How often the paced sender looks at bufferedAmount again while it waits. */
export const CHECK_MS = 20;

export type Sink = { send(data: Uint8Array): void; readonly bufferedAmount: number };

export type BurstPlan = { messages: number; messageBytes: number; lastBytes: number };

/** `totalBytes` as whole messages of `messageBytes`, the last one possibly shorter. */
export function burstPlan(totalBytes: number, messageBytes = MESSAGE_BYTES): BurstPlan {
  if (!(totalBytes > 0) || !(messageBytes > 0)) return { messages: 0, messageBytes, lastBytes: 0 };
  const messages = Math.ceil(totalBytes / messageBytes);
  return { messages, messageBytes, lastBytes: totalBytes - (messages - 1) * messageBytes };
}

/** The payload of message `index`: the same bytes reused (send() copies them into its queue). */
export function chunkFor(plan: BurstPlan, index: number, full: Uint8Array): Uint8Array {
  return index === plan.messages - 1 && plan.lastBytes !== full.length ? full.subarray(0, plan.lastBytes) : full;
}

/** The naive loop: every message queued in one go, so bufferedAmount peaks at the whole burst. */
export function sendAll(sink: Sink, plan: BurstPlan): { peak: number } {
  const full = new Uint8Array(plan.messageBytes);
  for (let i = 0; i < plan.messages; i++) sink.send(chunkFor(plan, i, full));
  return { peak: sink.bufferedAmount };
}

export type Schedule = (fn: () => void, ms: number) => () => void;
const timerSchedule: Schedule = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export type PacedOptions = {
  sink: Sink;
  plan: BurstPlan;
  /** Send only while bufferedAmount is below this many bytes. */
  threshold: number;
  checkMs?: number;
  schedule?: Schedule;
  /** After every check that sent something, with bufferedAmount right after (the top of each sawtooth). */
  onSent?: (bufferedAmount: number) => void;
  onDone?: () => void;
};

/** Backpressure: send while bufferedAmount < threshold, otherwise wait and check again. */
export class PacedSender {
  #o: Required<Omit<PacedOptions, 'onSent' | 'onDone'>> & Pick<PacedOptions, 'onSent' | 'onDone'>;
  #full: Uint8Array;
  #sent = 0;
  #waits = 0;
  #cancel: (() => void) | null = null;
  #stopped = false;

  constructor(options: PacedOptions) {
    this.#o = { checkMs: CHECK_MS, schedule: timerSchedule, ...options };
    this.#full = new Uint8Array(options.plan.messageBytes);
  }

  /** Messages sent so far. */
  get sent(): number {
    return this.#sent;
  }

  /** Checks that found bufferedAmount at or above the threshold and sent nothing. */
  get waits(): number {
    return this.#waits;
  }

  get done(): boolean {
    return this.#sent >= this.#o.plan.messages;
  }

  start(): void {
    this.#step();
  }

  stop(): void {
    this.#stopped = true;
    this.#cancel?.();
    this.#cancel = null;
  }

  #step = (): void => {
    this.#cancel = null;
    if (this.#stopped) return;
    const { sink, plan, threshold } = this.#o;
    let now = 0;
    while (this.#sent < plan.messages && sink.bufferedAmount < threshold) {
      sink.send(chunkFor(plan, this.#sent, this.#full));
      this.#sent++;
      now++;
    }
    if (now > 0) this.#o.onSent?.(sink.bufferedAmount);
    else this.#waits++;
    if (this.done) this.#o.onDone?.();
    else this.#cancel = this.#o.schedule(this.#step, this.#o.checkMs);
  };
}
