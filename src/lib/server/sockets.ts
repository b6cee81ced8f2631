// The one place the labs' connections are made. A URL on the simulator's host (choice.ts) goes to the
// simulated server registered here; any other URL goes to the browser's own WebSocket, fetch and
// EventSource. Models default to these factories, so no lab constructs a WebSocket itself.
import { browserStreamFactory, type StreamFactory, type WebSocketStreamLike } from '../buffered/stream.ts';
import { Snapshots, type Readable } from '../reactive/store.ts';
import { isSimulatedUrl } from './choice.ts';
import { DeferredSocket, deferredEventSource, deferredStream } from './deferred.ts';

/** The part of the browser's WebSocket the labs use (tests hand models fakes of it); the simulator's sockets provide at least this. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  readonly protocol: string;
  readonly extensions: string;
  readonly url: string;
  binaryType: 'blob' | 'arraybuffer';
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'error' | 'close', listener: (event: any) => void): void;
}

/** Closes a socket that is not closing yet; one already on its way out may throw, and there is nothing to add then. */
export function closeIfOpen(socket: Pick<WebSocketLike, 'readyState' | 'close'> | null, code: number, reason: string): void {
  if (!socket || socket.readyState >= 2) return;
  try {
    socket.close(code, reason);
  } catch {
    // Already closing.
  }
}

/** The part of EventSource the comparison lab uses (handlers typed loosely so the browser's class fits). */
export type EventSourceLike = {
  readonly readyState: number;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  close(): void;
};

/**
 * What the in-page simulated server (src/lib/sim) registers. Each member takes the same arguments as the
 * browser API it stands in for and gets full URLs on SIMULATED_HOST (`ws://simulated.invalid/echo?…`,
 * `http://simulated.invalid/alt/poll?…`), so it routes by path and query exactly as the demo server does.
 */
export interface SimulatedServer {
  /** Like `new WebSocket(url, protocols)`: throws a SyntaxError for what the browser would refuse. */
  openSocket(url: string, protocols?: string | string[]): WebSocketLike;
  /** Like `fetch(url, init)`, for the HTTP routes (`/alt/poll`, `/alt/long-poll`). */
  fetch(url: string, init?: { signal?: AbortSignal }): Promise<Response>;
  /** Like `new EventSource(url)`, for `/alt/sse`. */
  openEventSource(url: string): EventSourceLike;
  /** Like `new WebSocketStream(url, options)` (which the simulator offers in every browser). */
  openStream(url: string, options?: { protocols?: string[]; signal?: AbortSignal }): WebSocketStreamLike;
}

let simulated: SimulatedServer | null = null;
let loadSimulated: (() => Promise<SimulatedServer>) | null = null;
let loading: Promise<SimulatedServer> | null = null;

/** Registers (or, with null, removes) the simulated server; src/lib/sim calls this when it loads. */
export function setSimulatedServer(server: SimulatedServer | null): void {
  simulated = server;
  loading = null;
}

/**
 * How to load the simulated server on demand (a dynamic import), so pages whose reader never picks the
 * simulation never load it. Connections opened while it loads get stand-ins (deferred.ts).
 */
export function setSimulatedServerLoader(load: (() => Promise<SimulatedServer>) | null): void {
  loadSimulated = load;
}

/** Starts loading the simulated server, if it is not there yet (e.g. as soon as the reader picks it). */
export function loadSimulatedServer(): Promise<SimulatedServer> | null {
  if (simulated) return Promise.resolve(simulated);
  if (!loadSimulated) return null;
  loading ??= loadSimulated().then(
    (server) => ((simulated ??= server), simulated),
    (error: unknown) => {
      loading = null; // the next connection tries again
      throw error;
    },
  );
  return loading;
}

export function hasSimulatedServer(): boolean {
  return simulated !== null;
}

function pendingSimulator(url: string): Promise<SimulatedServer> {
  const pending = loadSimulatedServer();
  if (pending) return pending;
  throw new Error(`${url} is on the simulated server, but none is registered: setSimulatedServer() from src/lib/sim has not run.`);
}

let failedHosts = new Set<string>();
const failures = new Snapshots<ReadonlySet<string>>(() => failedHosts);

/**
 * The hosts (`ws://host:port`) of real servers a connection could not open to on this page, so a lab can
 * offer the simulated server however its own model words the failure.
 */
export const unreachableHosts: Readable<ReadonlySet<string>> = failures;

function watchOpening(socket: WebSocket): WebSocket {
  let opened = false;
  socket.addEventListener('open', () => (opened = true));
  socket.addEventListener('close', () => {
    if (opened) return;
    const host = new URL(socket.url);
    failedHosts = new Set(failedHosts).add(`${host.protocol}//${host.host}`);
    failures.emit();
  });
  return socket;
}

/** `new WebSocket(url, protocols)`, or the simulator's socket for a simulated URL. Throws as the constructor does. */
export function createSocket(url: string, protocols?: string | string[]): WebSocketLike {
  if (isSimulatedUrl(url)) return simulated ? simulated.openSocket(url, protocols) : new DeferredSocket(url, protocols, pendingSimulator(url));
  return watchOpening(protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols));
}

/** `fetch(url, init)`, or the simulator's answer for a simulated URL. */
export function serverFetch(url: string, init?: { signal?: AbortSignal }): Promise<Response> {
  if (isSimulatedUrl(url)) {
    try {
      return simulated ? simulated.fetch(url, init) : pendingSimulator(url).then((sim) => sim.fetch(url, init));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return fetch(url, init);
}

/** `new EventSource(url)`, or the simulator's stream for a simulated URL. */
export function createEventSource(url: string): EventSourceLike {
  if (isSimulatedUrl(url)) return simulated ? simulated.openEventSource(url) : deferredEventSource(url, pendingSimulator(url));
  return new EventSource(url);
}

/**
 * How the labs open a WebSocketStream to `url`: the simulator's for a simulated URL, else the browser's
 * own — null where the browser has none (Firefox, Safari, older Chromium).
 */
export function streamFactoryFor(url: string): StreamFactory | null {
  if (isSimulatedUrl(url)) {
    return (streamUrl, options) => (simulated ? simulated.openStream(streamUrl, options) : deferredStream(streamUrl, options, pendingSimulator(streamUrl)));
  }
  return browserStreamFactory();
}
