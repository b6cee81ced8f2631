// The inspector's side of the server, as the rest of the server sees it: what the upgrade router calls
// (TapHooks) and what the server starts and stops (Inspector). Implemented in inspector.ts.
import type { IncomingMessage } from 'node:http';
import type { Client } from '../client.ts';
import type { Endpoint, Rejection } from '../endpoint.ts';
import type { RefusalResponse } from '../../src/lib/server/params.ts';

/** Lets the inspector tap a connection that carries `?session=`. */
export interface TapHooks {
  /** Reads `?session=`: null when absent, a Rejection when malformed or when no session can be kept. */
  check(query: URLSearchParams, endpoint: Endpoint, address: string): Rejection | null;
  /** ws is about to write the 101 response with these header lines. */
  responseHeaders(req: IncomingMessage, lines: string[]): void;
  /** The connection is open: start tapping (before any frame is read). */
  attach(client: Client, req: IncomingMessage, query: URLSearchParams): void;
  /**
   * The handshake to a known endpoint was refused with this response (status line and header lines, as
   * written, and the body). Records it only for a session the request names and may keep (as attach would).
   */
  refused(req: IncomingMessage, query: URLSearchParams, endpoint: Endpoint, address: string, response: RefusalResponse): void;
}


/** The /inspect endpoint and its tap, kept apart so the server runs without them. */
export interface Inspector {
  endpoint: Endpoint;
  hooks: TapHooks;
  readonly sessions: number;
  sweep(): void;
  stop(): void;
}
