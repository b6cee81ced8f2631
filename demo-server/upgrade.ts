// The WebSocket handshake: checks in the order RFC 6455 §4.2 reads them, then our limits, then hands the
// socket to ws. Every refusal is an HTTP response with a status and a one-line plain-text reason.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { clientAddress, limitKey } from './address.ts';
import { Client } from './client.ts';
import { isRejection, rejection, type Endpoint, type Opener, type Rejection } from './endpoint.ts';
import type { Hub } from './hub.ts';
import { CRASH_REFUSAL } from './crash.ts';
import { CLOSE_TIMEOUT_MS, MAX_FRAGMENTS } from './limits.ts';
import { printable } from './log.ts';
import { noSuchEndpoint } from './routes.ts';
import type { TapHooks } from './inspect/types.ts';
import { refusalResponse, type RefusalResponse } from '../src/lib/server/params.ts';
import { isOriginAllowed } from './origin.ts';
import { tooManyConnections } from '../src/lib/server/limits.ts';
import { chooseProtocol } from '../src/lib/server/subprotocols.ts';

/** Sec-WebSocket-Key: base64 of 16 bytes (§4.1). */
const keyPattern = /^[+/0-9A-Za-z]{22}==$/;

/** Writes an HTTP error response on a socket that asked to upgrade, then closes it. */
export function refuse(socket: Duplex, refusal: Rejection | RefusalResponse): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { lines, body } = 'lines' in refusal ? refusal : refusalResponse(refusal);
  socket.once('finish', () => socket.destroy());
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/**
 * The server's `upgrade` listener: refuses a handshake that fails a check (refuse() above), otherwise hands the
 * socket to ws with the subprotocol chooseProtocol() picked.
 */
export function createUpgradeHandler(
  hub: Hub,
  endpoints: ReadonlyMap<string, Endpoint>,
  tap: TapHooks | null,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const { config } = hub;
  const chosenProtocol = new WeakMap<IncomingMessage, string>();
  const options = {
    noServer: true,
    clientTracking: false,
    WebSocket: Client,
    maxPayload: config.maxPayload,
    maxFragments: MAX_FRAGMENTS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    // Offers were checked before handleUpgrade; this only reports the choice made there.
    handleProtocols: (_offered: Set<string>, req: IncomingMessage) => chosenProtocol.get(req) ?? false,
  };
  const plain = new WebSocketServer<typeof Client>({ ...options, perMessageDeflate: false });
  const deflate = new WebSocketServer<typeof Client>({
    ...options,
    perMessageDeflate: { threshold: 0, serverNoContextTakeover: false, clientNoContextTakeover: false },
  });
  if (tap) {
    const onHeaders = (lines: string[], req: IncomingMessage) => tap.responseHeaders(req, lines);
    plain.on('headers', onHeaders);
    deflate.on('headers', onHeaders);
  }

  /** Everything that can refuse the handshake, in order; returns what to do once it succeeds. */
  function admit(req: IncomingMessage, endpoint: Endpoint | undefined, query: URLSearchParams, key: string): Rejection | Opener {
    if (!endpoint) return rejection(404, noSuchEndpoint);
    if (req.method !== 'GET') return rejection(405, 'A WebSocket handshake must be a GET request', { Allow: 'GET' });
    if (req.headers.upgrade?.toLowerCase() !== 'websocket') return rejection(400, 'The Upgrade header must be "websocket"');
    const wsKey = req.headers['sec-websocket-key'];
    if (wsKey === undefined || !keyPattern.test(wsKey)) {
      return rejection(400, 'Sec-WebSocket-Key must be 16 random bytes in base64 (24 characters)');
    }
    if (req.headers['sec-websocket-version'] !== '13') {
      return rejection(426, 'Unsupported Sec-WebSocket-Version: this server speaks version 13', {
        'Sec-WebSocket-Version': '13',
      });
    }
    if (!isOriginAllowed(config.allowedOrigins, req.headers.origin, req.headers.host)) {
      return rejection(403, `Origin ${printable(req.headers.origin ?? '', 100)} is not allowed (see ALLOWED_ORIGINS)`);
    }
    if (hub.closing) return rejection(503, 'The server is shutting down');
    if (hub.clients.size >= config.maxConnections) {
      return rejection(503, 'The server is full; try again later', { 'Retry-After': '10' });
    }
    if (config.maxConnectionsPerIp > 0 && hub.perAddress.get(key) >= config.maxConnectionsPerIp) {
      const { status, reason, headers } = tooManyConnections(config.maxConnectionsPerIp);
      return rejection(status, reason, headers);
    }
    const opener = endpoint.prepare(query);
    if (isRejection(opener)) return opener;

    const chosen = chooseProtocol(req.headers['sec-websocket-protocol'], endpoint);
    if (isRejection(chosen)) return chosen;
    if (chosen !== null) chosenProtocol.set(req, chosen);
    if (tap) {
      const refusal = tap.check(query, endpoint, key);
      if (refusal) return refusal;
    }
    return opener;
  }

  return function onUpgrade(req, socket, head) {
    socket.on('error', destroyOnError);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refuse(socket, rejection(400, 'Malformed request target'));
      return;
    }
    const endpoint = endpoints.get(url.pathname);
    const address = clientAddress(req, config.trustProxy);
    const key = limitKey(address);
    let outcome: Rejection | Opener;
    try {
      outcome = admit(req, endpoint, url.searchParams, key);
    } catch (error) {
      // The crash boundary of a handshake: the endpoint's check threw, so this one request is refused.
      hub.log.error(`crash ${printable(url.pathname, 40)} in prepare`, error);
      outcome = rejection(500, CRASH_REFUSAL);
    }
    if (isRejection(outcome)) {
      hub.log.line(`refuse ${outcome.status} ${printable(url.pathname, 40)} ${address} ${printable(outcome.reason, 160)}`);
      const response = refusalResponse(outcome);
      // A refusal before the endpoint is known (404) is not recorded: only a WebSocket endpoint is tapped.
      if (tap && endpoint && url.searchParams.has('session')) tap.refused(req, url.searchParams, endpoint, key, response);
      refuse(socket, response);
      return;
    }
    const open = outcome;
    const server = endpoint!.deflate ? deflate : plain;
    server.handleUpgrade(req, socket, head, (client) => {
      socket.removeListener('error', destroyOnError);
      hub.add(client, endpoint!, address, key, socket);
      if (tap && url.searchParams.has('session')) tap.attach(client, req, url.searchParams);
      client.guard('open', () => open(client));
    });
  };
}
