// The demo server: one HTTP server on one port serving the built site, /healthz, the /alt/… HTTP lab
// endpoints, and the WebSocket endpoints (upgrades routed by path to one module each).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Client } from './client.ts';
import type { Config } from './config.ts';
import { createAlt } from './endpoints/alt.ts';
import { sendHealth, type DemoStats } from './endpoints/health.ts';
import { Hub } from './hub.ts';
import { MAX_HEADER_BYTES } from './limits.ts';
import { connectBus } from './bus.ts';
import { createInspector } from './inspect/inspector.ts';
import { HTTP_CRASH_BODY } from './crash.ts';
import { createLog, printable, type Log } from './log.ts';
import { createHttpRoutes, createWebSocketEndpoints } from './routes.ts';
import { createStatic, sendText } from './static.ts';
import { createUpgradeHandler } from './upgrade.ts';

export type { DemoStats };

export interface DemoServer {
  server: Server;
  /** Starts listening on config.host:config.port (port 0 = any free port). */
  listen(): Promise<{ port: number; host: string }>;
  /** Closes every WebSocket (with 1001 unless told), ends held HTTP requests, stops listening. */
  close(goodbye?: { code: number; reason: string }): Promise<void>;
  stats(): DemoStats;
  /** The open WebSockets (for tests and diagnostics). */
  clients(): ReadonlySet<Client>;
}

export interface DemoServerOptions {
  /** Where log lines go (default: stdout when config.log is on). */
  logLine?: (line: string) => void;
  /** false: no /inspect endpoint and no tap at all (for comparisons). */
  inspector?: boolean;
}

/** The HTTP crash boundary (crash.ts): a route that throws answers 500, or cuts a response already begun. */
export function guardRequests(handler: (req: IncomingMessage, res: ServerResponse) => void, log: Log): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    try {
      handler(req, res);
    } catch (error) {
      log.error(`crash ${printable(req.url ?? '', 60)}`, error);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, `${HTTP_CRASH_BODY}\n`, { 'Cache-Control': 'no-store' });
    }
  };
}

/** Milliseconds a graceful close waits for clients to answer the 1001 before cutting them. */
const CLOSE_GRACE_MS = 3000;

export function createDemoServer(config: Config, options: DemoServerOptions = {}): DemoServer {
  const log = createLog(config.log, options.logLine);
  const hub = new Hub(config, log);
  const bus = config.redisUrl ? connectBus(config.redisUrl, log) : null;
  const inspector = options.inspector === false ? null : createInspector(config, bus);
  const byPath = createWebSocketEndpoints(config, bus, inspector?.endpoint ?? null);
  const alt = createAlt(config);
  const routes = createHttpRoutes((_req, res) => sendHealth(res, stats()), alt);
  const site = createStatic(config.siteDir);

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendText(res, 400, 'Malformed request target\n');
      return;
    }
    const endpoint = byPath.get(url.pathname);
    if (endpoint) {
      const body =
        `${url.pathname} is a WebSocket endpoint: open it with new WebSocket("ws://…${url.pathname}"), ` +
        'not with a plain HTTP request.\n';
      // RFC 9110 §15.5.22: a 426 names the protocol to switch to (and `upgrade` is hop-by-hop).
      sendText(res, 426, body, { Upgrade: 'websocket', Connection: 'Upgrade, close' });
    } else if (routes.has(url.pathname)) {
      routes.get(url.pathname)!(req, res, url);
    } else if (url.pathname.startsWith('/alt/')) {
      alt.handle(req, res, url); // its 404 names the /alt/… routes
    } else {
      site(req, res, url);
    }
  }

  const server = createServer(
    {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      maxHeaderSize: MAX_HEADER_BYTES,
      // How often Node enforces the two timeouts above (its default, 30 s, lets slowloris linger).
      connectionsCheckingInterval: Math.min(1000, Math.ceil(config.headersTimeoutMs / 4)),
      keepAliveTimeout: 5000,
    },
    guardRequests(onRequest, log),
  );
  server.on('upgrade', createUpgradeHandler(hub, byPath, inspector?.hooks ?? null));
  hub.onHeartbeat.add(() => alt.sweep());
  if (inspector) hub.onHeartbeat.add(() => inspector.sweep());

  function stats(): DemoStats {
    return {
      connections: hub.clients.size,
      endpoints: Object.fromEntries(hub.perEndpoint),
      streams: alt.streams,
      sessions: inspector?.sessions ?? 0,
      bus: bus ? (bus.up ? 'up' : 'down') : null,
    };
  }

  let closing: Promise<void> | null = null;

  return {
    server,
    stats,
    clients: () => hub.clients,
    listen() {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(config.port, config.host, () => {
          server.off('error', onError);
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          hub.startHeartbeat();
          resolve({ port, host: config.host });
        });
      });
    },
    close(goodbye) {
      closing ??= (async () => {
        hub.closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const endpoint of byPath.values()) endpoint.stop?.();
        alt.stop();
        inspector?.stop();
        await hub.closeAll(CLOSE_GRACE_MS, goodbye);
        await bus?.close(); // after the goodbyes: the other instances hear these members leave
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
