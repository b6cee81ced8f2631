// /heartbeat's rules, shared by the demo server and the pages that talk to it: an application-level
// heartbeat the server runs over one connection, on a lab-sized interval.

/** ?interval= bounds in ms: fast enough for a lab, never faster than 4 pings a second. */
export const INTERVAL_MIN_MS = 250;
export const INTERVAL_MAX_MS = 10_000;
export const INTERVAL_DEFAULT_MS = 1000;

/** The server's close code when a ping was not answered before the next one was due (an application code). */
export const MISSED_CLOSE_CODE = 4000;

export interface Ping {
  type: 'ping';
  n: number;
}

export function missedReason(n: number, intervalMs: number): string {
  return `no pong for ping ${n} within ${intervalMs} ms`;
}

/** The answer the server expects to ping n: {"type":"pong","n":n}. */
export function pongFor(n: number): string {
  return JSON.stringify({ type: 'pong', n });
}

/** The number a pong answers, or a message saying what was wrong with it. */
export function readPong(text: string): { n: number } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'expected JSON: {"type":"pong","n":N}' };
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'pong') {
    return { problem: 'expected {"type":"pong","n":N}' };
  }
  const n = (value as { n?: unknown }).n;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    return { problem: 'expected "n" to be the number of the ping being answered' };
  }
  return { n };
}

const PONG_NOT_TEXT = 'expected a text message: {"type":"pong","n":N}';

/** One connection's heartbeat, the same on the demo server and in the simulator: which ping is out, and
 *  whether it was answered before the next one fell due. */
export class Beat {
  #sent = 0;
  #answered = true;

  /** A beat is due: send ping n, or close because the last one went unanswered. */
  due(intervalMs: number): { ping: number } | { close: number; reason: string } {
    if (!this.#answered) return { close: MISSED_CLOSE_CODE, reason: missedReason(this.#sent, intervalMs) };
    this.#answered = false;
    return { ping: ++this.#sent };
  }

  /** A message from the page (null text: it was binary); the error to send back, or null. */
  answer(text: string | null): string | null {
    const pong = text === null ? { problem: PONG_NOT_TEXT } : readPong(text);
    if ('problem' in pong) return pong.problem;
    // A late answer to an earlier ping does not count: the deadline is per ping.
    if (pong.n === this.#sent) this.#answered = true;
    return null;
  }
}
