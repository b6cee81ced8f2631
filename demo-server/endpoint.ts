// What every WebSocket endpoint module provides to the upgrade router.
import type { Client } from './client.ts';
import type { Rejection } from '../src/lib/server/params.ts';
import { endpointTraits, type WebSocketPath } from '../src/lib/endpoints.ts';

export type { Rejection } from '../src/lib/server/params.ts';
export { intParam, isRejection, readInteger, rejection } from '../src/lib/server/params.ts';

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

/** What an endpoint module declares: its behaviour. The rest comes from the registry (src/lib/endpoints.ts). */
export type EndpointSpec = Pick<Endpoint, 'prepare' | 'closed' | 'stop'>;

export function defineEndpoint(path: WebSocketPath, spec: EndpointSpec): Endpoint {
  return { path, ...endpointTraits(path), ...spec };
}
