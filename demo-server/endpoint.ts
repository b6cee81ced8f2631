// What every WebSocket endpoint module provides to the upgrade router.
import type { Client } from './client.ts';

/** A refused handshake: the HTTP status and a plain-text reason for the body. */
export interface Rejection {
  status: number;
  reason: string;
  headers?: Record<string, string>;
}

/** What to do once the connection is open: attach listeners, send a greeting… */
export type Opener = (client: Client) => void;

export interface Endpoint {
  readonly path: string;
  /** Subprotocols it speaks, in no particular order; the client's first known one wins. */
  readonly protocols: readonly string[];
  /** Negotiate permessage-deflate (only /echo-deflate does). */
  readonly deflate: boolean;
  /** Subject to MESSAGES_PER_SECOND. */
  readonly rateLimited: boolean;
  /** Checks the query string; returns why the handshake is refused, or what to do once it succeeds. */
  prepare(query: URLSearchParams): Rejection | Opener;
  /** The connection ended (any reason). */
  closed?(client: Client): void;
  /** The server is shutting down: stop timers. */
  stop?(): void;
}

export function rejection(status: number, reason: string, headers?: Record<string, string>): Rejection {
  return headers ? { status, reason, headers } : { status, reason };
}

export function isRejection<T>(value: Rejection | T): value is Rejection {
  return typeof value === 'object' && value !== null && 'status' in value && 'reason' in value;
}

/**
 * Reads an optional whole-number query parameter in [min, max]. Returns the fallback when absent,
 * or a Rejection (400) that says what was wrong.
 */
export function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number | Rejection {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    return rejection(400, `?${name}= must be a whole number from ${min} to ${max} (got "${raw.slice(0, 40)}")`);
  }
  return value;
}
