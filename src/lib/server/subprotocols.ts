// Which subprotocol an endpoint answers a client's offer with, shared by the demo server's handshake
// (demo-server/upgrade.ts) and the simulated server's (src/lib/sim/router.ts), so a name the endpoint does not
// speak is refused the same way, with the same words, by both.
import { rejection, type Rejection } from './params.ts';

/** A subprotocol name is an HTTP token (RFC 7230 §3.2.6). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The names in a Sec-WebSocket-Protocol header ([] when absent), or null when it is not a list of distinct tokens. */
export function parseProtocols(header: string | null | undefined): string[] | null {
  if (header === undefined || header === null) return [];
  const names = header.split(',').map((name) => name.trim());
  if (names.some((name) => !TOKEN.test(name)) || new Set(names).size !== names.length) return null;
  return names;
}

/**
 * The endpoint's answer to an offer: the first offered name it speaks, null when nothing was offered, or a
 * 400. Browsers fail a connection that offered protocols and got none back (and the page learns nothing
 * of why), so the server refuses it and says why in the response, which DevTools and the inspector show.
 */
export function chooseProtocol(header: string | null | undefined, endpoint: { path: string; protocols: readonly string[] }): string | null | Rejection {
  const offered = parseProtocols(header);
  if (offered === null) return rejection(400, 'Sec-WebSocket-Protocol must be a comma list of distinct tokens');
  if (offered.length === 0) return null;
  const chosen = offered.find((name) => endpoint.protocols.includes(name));
  if (chosen !== undefined) return chosen;
  const known = endpoint.protocols.length > 0 ? `speaks only ${endpoint.protocols.join(', ')}` : 'speaks no subprotocol';
  return rejection(400, `Unsupported subprotocol: ${endpoint.path} ${known}`);
}
