// Draining a server: it closes every client with 1012 (Service Restart). Each client waits a random time
// ("full jitter": anywhere from 0 to the cap) before reconnecting, so they do not all return at once.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

const CLIENTS = 20;
const MAX_DELAY_MS = 1000; // in production: seconds, scaled with the number of clients

const http = createServer();
const wss = new WebSocketServer({ server: http });
const arrivals = [];
wss.on('connection', (ws, req) => {
  ws.on('error', console.error);
  if (req.url.includes('again')) arrivals.push(Date.now());
});

function connect(url) {
  const ws = new WebSocket(url);
  ws.on('close', (code) => {
    if (code !== 1012) return;
    const delay = Math.random() * MAX_DELAY_MS; // the jitter
    setTimeout(() => connect(`${url}?again`), delay);
  });
  return new Promise((resolve) => ws.on('open', resolve));
}

http.listen(0, '127.0.0.1', async () => {
  const url = `ws://127.0.0.1:${http.address().port}/`;
  await Promise.all(Array.from({ length: CLIENTS }, () => connect(url)));
  console.log(`${wss.clients.size} clients connected; restarting: close(1012) to all`);
  const start = Date.now();
  for (const ws of wss.clients) ws.close(1012, 'Service restart');
  await new Promise((resolve) => setTimeout(resolve, MAX_DELAY_MS + 300));
  const times = arrivals.map((t) => t - start).sort((a, b) => a - b);
  const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 100).length));
  console.log(`${times.length} reconnected`);
  console.log(`spread over at least half a second: ${times.at(-1) - times[0] >= 500}`);
  console.log(`busiest 100 ms saw fewer than half of them: ${busiest < CLIENTS / 2}`);
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  http.close();
});
