// The simulated demo server: one per page, registered with the socket factory (server/sockets.ts), so a
// lab whose server choice is "simulated" gets SimulatedWebSockets that talk to these endpoints.
import { setSimulatedServer, type EventSourceLike, type SimulatedServer } from '../server/sockets.ts';
import { SimChatRoom } from './chatRoom.ts';
import { simEndpoints } from './endpoints.ts';
import { SimRouter } from './router.ts';
import { SimSessions } from './sessions.ts';
import { SimulatedWebSocket } from './socket.ts';

export { SimulatedWebSocket } from './socket.ts';

/** Why the HTTP feeds of the comparison lab are not simulated: its point is measuring a real network. */
export const NEEDS_REAL_SERVER = 'The simulated server has no HTTP feeds: polling and SSE are measured against the real demo server';

export function createSimulatedServer(): SimulatedServer {
  const sessions = new SimSessions();
  const router = new SimRouter(simEndpoints(new SimChatRoom(), sessions), sessions);
  return {
    openSocket: (url, protocols) => new SimulatedWebSocket(url, protocols, router),
    fetch: () => Promise.reject(new TypeError(NEEDS_REAL_SERVER)),
    openEventSource: () => failedEventSource(),
  };
}

function failedEventSource(): EventSourceLike {
  const source: EventSourceLike = {
    readyState: 2,
    onopen: null,
    onmessage: null,
    onerror: null,
    close() {},
  };
  setTimeout(() => source.onerror?.(new Event('error')), 0);
  return source;
}

let installed = false;

/** Registers the page's simulated server (once). */
export function installSimulatedServer(): void {
  if (installed) return;
  installed = true;
  setSimulatedServer(createSimulatedServer());
}
