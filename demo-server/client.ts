// One accepted WebSocket with the little state every endpoint needs, kept on the socket object itself
// (ws builds it through the `WebSocket` option) so a connection costs no extra objects or closures.
import WebSocket from 'ws';
import type { Duplex } from 'node:stream';
import type { Endpoint } from './endpoint.ts';
import type { Hub } from './hub.ts';

export class Client extends WebSocket {
  id = 0;
  endpoint!: Endpoint;
  hub!: Hub;
  /** Client address for the log. */
  address = '';
  /** What per-address limits count under (the address, or its /64 for IPv6). */
  limitKey = '';
  /** The raw TCP socket (ws keeps it private). */
  socket!: Duplex;
  openedAt = 0;
  /** Cleared by each heartbeat ping, set by the pong (or, on /slow, by any incoming bytes). */
  alive = true;
  /** Messages per second allowed; 0 = no limit. A token bucket holding up to one second's worth. */
  rate = 0;
  tokens = 0;
  refilledAt = 0;
  /** Why ws gave up on the peer (an error code such as WS_ERR_INVALID_UTF8), for the close log line. */
  problem = '';

  /**
   * Call first in every message handler: false means drop the message (the connection is closing,
   * possibly because this message broke the rate limit).
   */
  admit(): boolean {
    if (this.readyState !== WebSocket.OPEN) return false;
    const rate = this.rate;
    if (rate === 0) return true;
    const now = Date.now();
    let tokens = this.tokens + ((now - this.refilledAt) * rate) / 1000;
    if (tokens > rate) tokens = rate;
    this.refilledAt = now;
    if (tokens >= 1) {
      this.tokens = tokens - 1;
      return true;
    }
    this.tokens = tokens;
    this.close(1008, `Rate limit: at most ${rate} messages per second`);
    return false;
  }
}

/**
 * `client.on(event, listener)` for listeners written with `this: Client` (ws's types say `this: WebSocket`;
 * our server only ever makes Clients). Shared listeners like this cost nothing per connection.
 */
export function listen(client: Client, event: 'message' | 'close' | 'error' | 'pong', listener: (this: Client, ...args: never[]) => void): void {
  client.on(event, listener as unknown as (this: WebSocket, ...args: unknown[]) => void);
}
