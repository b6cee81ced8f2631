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
