// The endpoint registry: one module per path of src/lib/endpoints.ts. The Record types make a path without
// a module, or a module without a listed path, a type error; the 404 answers are derived from the list.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_PATHS, WEBSOCKET_PATHS, type HttpPath, type WebSocketPath } from '../src/lib/endpoints.ts';
import type { Bus } from './bus.ts';
import type { Config } from './config.ts';
import type { Endpoint } from './endpoint.ts';
import type { AltEndpoints } from './endpoints/alt.ts';
import { createChat } from './endpoints/chat.ts';
import { createClose } from './endpoints/close.ts';
import { createEcho } from './endpoints/echo.ts';
import { createFirehose } from './endpoints/firehose.ts';
import { createHeartbeat } from './endpoints/heartbeat.ts';
import { createMisbehave } from './endpoints/misbehave.ts';
import { createSlow } from './endpoints/slow.ts';
import { createTicker } from './endpoints/ticker.ts';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** The WebSocket endpoints this server runs, by path (/inspect only with an inspector). */
export function createWebSocketEndpoints(config: Config, bus: Bus | null, inspector: Endpoint | null): Map<string, Endpoint> {
  const modules: Record<WebSocketPath, Endpoint | null> = {
    '/echo': createEcho('/echo'),
    '/echo-deflate': createEcho('/echo-deflate'),
    '/ticker': createTicker(bus),
    '/chat': createChat(bus),
    '/slow': createSlow(config.heartbeatMs),
    '/close': createClose(),
    '/misbehave': createMisbehave(),
    '/firehose': createFirehose(),
    '/heartbeat': createHeartbeat(),
    '/inspect': inspector,
  };
  const byPath = new Map<string, Endpoint>();
  for (const path of WEBSOCKET_PATHS) {
    const endpoint = modules[path];
    if (endpoint) byPath.set(path, endpoint);
  }
  return byPath;
}

/** The plain HTTP routes besides the built site. */
export function createHttpRoutes(health: HttpHandler, alt: AltEndpoints): Map<string, HttpHandler> {
  const routes: Record<HttpPath, HttpHandler> = {
    '/healthz': health,
    '/alt/poll': alt.handle,
    '/alt/long-poll': alt.handle,
    '/alt/sse': alt.handle,
  };
  return new Map(HTTP_PATHS.map((path) => [path, routes[path]]));
}

export { noSuchEndpoint } from '../src/lib/endpoints.ts';
