// The simulated demo server: one per page, loaded on demand by the socket factory (server/sockets.ts) once
// a lab's server choice is "simulated", so its SimulatedWebSockets talk to these endpoints.
import type { SimulatedServer } from '../server/sockets.ts';
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
