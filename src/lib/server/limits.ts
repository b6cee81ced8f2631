// The demo server's limits on one client, shared with the page's simulated server (src/lib/sim) so both
// refuse the same things with the same codes and words: the largest message (1009 above it), messages per
// second per connection (a token bucket; 1008 when it is empty), and connections per client address (the
// handshake is answered 429). The demo server reads these as its defaults; a deployment may set others.

/** MAX_PAYLOAD: bytes per message, fragments summed. */
export const DEFAULT_MAX_PAYLOAD = 65536;
/** MESSAGES_PER_SECOND: per connection, on the endpoints that read what the client sends. */
export const DEFAULT_MESSAGES_PER_SECOND = 50;
/** MAX_CONNECTIONS_PER_IP: WebSockets per client address. */
export const DEFAULT_MAX_CONNECTIONS_PER_IP = 20;
/** What a refused handshake tells the client to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 10;

/** A token bucket's state, kept on whatever object owns it (the demo server keeps it on the connection itself). */
export interface TokenBucket {
  tokens: number;
  refilledAt: number;
}

/** A full bucket: one second's worth of messages. */
export function fullBucket(rate: number, now: number): TokenBucket {
  return { tokens: rate, refilledAt: now };
}

/**
 * Refills the bucket for the time since it was last used (holding at most one second's worth) and takes a
 * token for one message. False: the bucket is empty, and the connection is to be closed with 1008.
 */
export function takeToken(bucket: TokenBucket, rate: number, now: number): boolean {
  let tokens = bucket.tokens + ((now - bucket.refilledAt) * rate) / 1000;
  if (tokens > rate) tokens = rate;
  bucket.refilledAt = now;
  if (tokens >= 1) {
    bucket.tokens = tokens - 1;
    return true;
  }
  bucket.tokens = tokens;
  return false;
}

/** The close (1008) for a connection whose bucket is empty. */
export function rateLimitClose(rate: number): { code: 1008; reason: string } {
  return { code: 1008, reason: `Rate limit: at most ${rate} messages per second` };
}

/** The handshake refusal (429) past the per-address cap. */
export function tooManyConnections(max: number): { status: 429; reason: string; headers: Record<string, string> } {
  return { status: 429, reason: `Too many connections from your address (at most ${max})`, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
}
