// The demo server's endpoints, listed once for everything that must know them: the server builds its
// routes from this list (and its 404 answer), `astro dev` proxies these paths, an in-page simulator can
// stand in for them, and a test checks the README's endpoint table against it.

/** WebSocket endpoints: a GET with `Upgrade: websocket` on exactly this path. */
export const WEBSOCKET_PATHS = ['/echo', '/echo-deflate', '/ticker', '/chat', '/slow', '/close', '/misbehave', '/firehose', '/heartbeat', '/inspect'] as const;

/** Plain HTTP routes besides the built site: the status report and the comparison lab's feeds. */
export const HTTP_PATHS = ['/healthz', '/alt/poll', '/alt/long-poll', '/alt/sse'] as const;

export type WebSocketPath = (typeof WEBSOCKET_PATHS)[number];
export type HttpPath = (typeof HTTP_PATHS)[number];

/** Path prefixes a dev server must forward to the demo server (the /alt/… routes share one prefix). */
export const PROXIED_HTTP_PREFIXES = ['/alt', '/healthz'] as const;

export function isWebSocketPath(path: string): path is WebSocketPath {
  return (WEBSOCKET_PATHS as readonly string[]).includes(path);
}

export function isHttpPath(path: string): path is HttpPath {
  return (HTTP_PATHS as readonly string[]).includes(path);
}

/** "a, b or c": how the server names a list of paths in its refusals. */
export function listPaths(paths: readonly string[]): string {
  return paths.length < 2 ? paths.join('') : `${paths.slice(0, -1).join(', ')} or ${paths.at(-1)}`;
}

/** The handshake refusal (404) for a path that is no WebSocket endpoint. */
export const noSuchEndpoint = `No WebSocket endpoint here. Try ${listPaths(WEBSOCKET_PATHS)}`;

/** /slow reads at most this many bytes, then pauses (≈ 640 KiB/s); the simulator's link has the same rate. */
export const SLOW_READ_BYTES = 64 * 1024;
export const SLOW_PAUSE_MS = 100;
