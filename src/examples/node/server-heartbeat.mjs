// Step 3: find dead connections. A peer that vanished (laptop lid shut, NAT entry expired) sends nothing:
// only a ping that goes unanswered reveals it. Browsers answer pings by themselves.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

const HEARTBEAT_MS = 200; // 30 s in production; short here so the example ends quickly

const http = createServer();
const wss = new WebSocketServer({ server: http });

wss.on('connection', (ws, req) => {
  ws.name = new URL(req.url, 'http://x').searchParams.get('name');
  ws.isAlive = true;
  ws.on('error', console.error);
  ws.on('pong', () => (ws.isAlive = true));
});

const interval = setInterval(() => {
  for (const ws of wss.clients) {
    if (!ws.isAlive) {
      console.log(`server: ${ws.name} missed a pong, terminate()`);
      ws.terminate(); // no closing handshake: a dead peer would never answer it
      continue;
    }
    ws.isAlive = false;
    ws.ping();
  }
}, HEARTBEAT_MS);
wss.on('close', () => clearInterval(interval));

http.listen(0, '127.0.0.1', () => {
  const url = `ws://127.0.0.1:${http.address().port}/`;
  const healthy = new WebSocket(`${url}?name=healthy`); // answers pings, like a browser
  const silent = new WebSocket(`${url}?name=silent`, { autoPong: false }); // plays dead
  silent.on('close', (code) => {
    console.log(`client silent: closed ${code} (no Close frame: the server cut TCP)`);
    console.log(`client healthy: still open = ${healthy.readyState === WebSocket.OPEN}`);
    healthy.close();
    wss.close();
    http.close();
  });
});
