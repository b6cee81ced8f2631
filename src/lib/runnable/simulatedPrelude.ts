// The entry bundled into /run-sandbox-sim.html (src/pages/run-sandbox-sim.html.ts): routes the frame's
// WebSocket, WebSocketStream, fetch and EventSource to a simulated server of its own before the example runs.
import { installSimulatedGlobals } from './simulatedGlobals.ts';

installSimulatedGlobals();
