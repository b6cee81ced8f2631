// The simulated server's handshake, as the demo server answers it: the path picks the endpoint (404
// otherwise), `?session=` and the endpoint's own query are checked with the demo server's rules (400 with
// its words), the client's first subprotocol the endpoint knows is chosen, permessage-deflate is agreed
// only on /echo-deflate, and Sec-WebSocket-Accept is computed from the key. The inspector's tap records the
// handshake and every byte of a connection that names a session.
import { computeAccept } from '../protocol/index.ts';
import { noSuchEndpoint } from '../endpoints.ts';
import { BAD_SESSION_REASON, handshakeRecord, isSessionId, tapDirections, type TapRequest } from '../inspect/tap.ts';
import { isRejection, refusalResponse, rejection, type Rejection } from '../server/params.ts';
import type { Rate } from './link.ts';
import { DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_PAYLOAD, DEFAULT_MESSAGES_PER_SECOND, tooManyConnections } from '../server/limits.ts';
import { chooseProtocol } from '../server/subprotocols.ts';
import { SimPeer } from './peer.ts';
import type { SimSessions } from './sessions.ts';

export type HandshakeRequest = TapRequest & { method: string; url: string };
type HeaderLine = [string, string];

/** What an endpoint is to the simulator: the demo server's choices, and what it does once open. */
export interface SimEndpoint {
  readonly protocols: readonly string[];
  readonly deflate: boolean;
  /** Subject to the demo server's messages-per-second limit (all but /slow). */
  readonly rateLimited: boolean;
  /** How fast the server reads (only /slow is slow). */
  readonly readRate?: Rate;
  /** How fast its link carries what it writes (default: each chunk in a task of its own, no rate). */
  readonly writeRate?: Rate;
  prepare(query: URLSearchParams): Rejection | ((peer: SimPeer) => void);
}

export type HandshakeAnswer = {
  status: number;
  headers: HeaderLine[];
  /** The server's end of an accepted connection. */
  peer: SimPeer | null;
  readRate: Rate | null;
  writeRate: Rate | null;
  /** The client is open: the endpoint starts (greets, subscribes…). */
  opened(): void;
};

export class SimRouter {
  readonly #endpoints: ReadonlyMap<string, SimEndpoint>;
  readonly #sessions: SimSessions;
  /** Open connections: the page is one client address, under the demo server's per-address cap. */
  #open = 0;

  constructor(endpoints: ReadonlyMap<string, SimEndpoint>, sessions: SimSessions) {
    this.#endpoints = endpoints;
    this.#sessions = sessions;
  }

  async upgrade(request: HandshakeRequest): Promise<HandshakeAnswer> {
    const url = new URL(request.url, 'ws://simulated.invalid');
    const endpoint = this.#endpoints.get(url.pathname);
    const session = url.searchParams.get('session');
    const tapped = endpoint !== undefined && url.pathname !== '/inspect' && session !== null && isSessionId(session);
    const sink = tapped ? this.#sessions.sink(session) : null;

    let opener: Rejection | ((peer: SimPeer) => void);
    if (!endpoint) opener = rejection(404, noSuchEndpoint);
    else if (this.#open >= DEFAULT_MAX_CONNECTIONS_PER_IP) {
      const { status, reason, headers } = tooManyConnections(DEFAULT_MAX_CONNECTIONS_PER_IP);
      opener = rejection(status, reason, headers);
    } else if (session !== null && !isSessionId(session)) opener = rejection(400, BAD_SESSION_REASON);
    else opener = endpoint.prepare(url.searchParams);
    const header = (name: string): string | null => {
      for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
        if (request.rawHeaders[i]!.toLowerCase() === name) return request.rawHeaders[i + 1]!;
      }
      return null;
    };
    const protocol = endpoint ? chooseProtocol(header('sec-websocket-protocol'), { path: url.pathname, protocols: endpoint.protocols }) : null;
    if (!isRejection(opener) && isRejection(protocol)) opener = protocol;
    if (isRejection(opener)) {
      const { lines, body } = refusalResponse(opener);
      sink?.push(handshakeRecord(request, lines, body));
      return { status: opener.status, headers: lines.slice(1).map(splitHeader), peer: null, readRate: null, writeRate: null, opened: () => {} };
    }

    const deflate = endpoint!.deflate && /(^|,)\s*permessage-deflate\s*(;|,|$)/.test(header('sec-websocket-extensions') ?? '');
    const lines = [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${await computeAccept(header('sec-websocket-key') ?? '')}`,
    ];
    if (typeof protocol === 'string') lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
    if (deflate) lines.push('Sec-WebSocket-Extensions: permessage-deflate');
    sink?.push(handshakeRecord(request, lines));
    const tap = sink ? tapDirections(sink, { deflate, maxPayload: DEFAULT_MAX_PAYLOAD }) : null;
    const peer = new SimPeer(url.searchParams, deflate, tap, endpoint!.rateLimited ? DEFAULT_MESSAGES_PER_SECOND : 0);
    this.#open++;
    peer.whenClosed(() => this.#open--);
    if (sink) {
      this.#sessions.tapped(session!, +1);
      peer.whenClosed(() => this.#sessions.tapped(session!, -1));
    }
    const open = opener;
    return {
      status: 101,
      headers: lines.slice(1).map(splitHeader),
      peer,
      readRate: endpoint!.readRate ?? null,
      writeRate: endpoint!.writeRate ?? null,
      opened: () => open(peer),
    };
  }
}

function splitHeader(line: string): HeaderLine {
  const colon = line.indexOf(':');
  return [line.slice(0, colon), line.slice(colon + 1).trim()];
}
