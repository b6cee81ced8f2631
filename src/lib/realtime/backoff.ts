// Reconnecting well: wait longer after each failed attempt (exponential backoff), spread clients out with
// random jitter so a restarted server is not hit by everyone at once, and do not retry what will fail again.

export type BackoffOptions = { baseMs?: number; capMs?: number; random?: () => number };

/**
 * "Equal jitter": half of min(cap, base · 2^attempt) is fixed, the other half random. attempt counts
 * from 0. The fixed half means a reader always sees the wait (full jitter may retry after 0 ms), and it is
 * the same rule the lesson's runnable example uses.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, capMs = 15_000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Whether a close code suggests trying again. 1000 (done) and 1008 (policy, e.g. a rate limit) would be
 * repeated; 1002/1003/1007/1009 mean the client sent something wrong and would send it again. A dropped
 * connection (1006), a server going away (1001) or a server-side problem (1011, 1012, 1013, 1014) may pass.
 */
export function shouldReconnect(code: number): boolean {
  return code === 1001 || code === 1006 || code === 1011 || code === 1012 || code === 1013 || code === 1014;
}
