// One accepted WebSocket with the little state every endpoint needs, kept on the socket object itself
// (ws builds it through the `WebSocket` option) so a connection costs no extra objects or closures.
import WebSocket from 'ws';
import type { Duplex } from 'node:stream';
import { CRASH_CLOSE } from './crash.ts';
import type { Endpoint } from './endpoint.ts';
import type { Hub } from './hub.ts';
import { rateLimitClose, takeToken } from '../src/lib/server/limits.ts';

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
   * The crash boundary: every event of this connection (message, close, pong, error) reaches its listeners
   * here, so a listener that throws ends this connection with 1011 instead of the process with every other
   * connection in it.
   */
  emit(event: string | symbol, ...args: unknown[]): boolean {
    try {
      return super.emit(event, ...args);
    } catch (error) {
      this.crashed(error, String(event));
      return true;
    }
  }

  /** Runs this connection's own deferred work (a timer) inside the same boundary. */
  guard(where: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      this.crashed(error, where);
    }
  }

  /** Its endpoint's code threw: log it with the stack, and close this connection alone with 1011. */
  crashed(error: unknown, where: string): void {
    const path = this.endpoint?.path ?? '?';
    this.problem = 'crashed';
    this.hub?.log.error(`crash #${this.id} ${path} in ${where}`, error);
    if (this.readyState === WebSocket.OPEN) this.close(CRASH_CLOSE.code, CRASH_CLOSE.reason);
  }

  /**
   * Call first in every message handler: false means drop the message (the connection is closing,
   * possibly because this message broke the rate limit).
   */
  admit(): boolean {
    if (this.readyState !== WebSocket.OPEN) return false;
    const rate = this.rate;
    if (rate === 0) return true;
    if (takeToken(this, rate, Date.now())) return true;
    const { code, reason } = rateLimitClose(rate);
    this.close(code, reason);
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
