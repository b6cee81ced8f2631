// The simulated demo server: one per page, registered with the socket factory (server/sockets.ts), so a
// lab whose server choice is "simulated" gets SimulatedWebSockets that talk to these endpoints.
import { setSimulatedServer, type SimulatedServer } from '../server/sockets.ts';
import { SimAlt } from './alt.ts';
import { SimChatRoom } from './chatRoom.ts';
import { simEndpoints } from './endpoints.ts';
import { SimRouter } from './router.ts';
import { SimSessions } from './sessions.ts';
import { SimulatedWebSocket } from './socket.ts';
import { SimulatedWebSocketStream } from './stream.ts';

export { SimulatedWebSocket } from './socket.ts';
export { SimulatedWebSocketStream, WebSocketError } from './stream.ts';

export function createSimulatedServer(): SimulatedServer {
  const sessions = new SimSessions();
  const router = new SimRouter(simEndpoints(new SimChatRoom(), sessions), sessions);
  const alt = new SimAlt();
  return {
    openSocket: (url, protocols) => new SimulatedWebSocket(url, protocols, router),
    fetch: (url, init) => alt.fetch(url, init),
    openEventSource: (url) => alt.openEventSource(url),
    openStream: (url, options) => new SimulatedWebSocketStream(url, options, router),
  };
}

let installed = false;

/** Registers the page's simulated server (once). */
export function installSimulatedServer(): void {
  if (installed) return;
  installed = true;
  setSimulatedServer(createSimulatedServer());
}
