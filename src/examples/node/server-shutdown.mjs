// Step 5: shut down gracefully. Tell every client why (1001 going away, or 1012 restarting: come back soon),
// give them a moment to answer the Close, then cut whoever is left.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

const http = createServer();
const wss = new WebSocketServer({ server: http });
wss.on('connection', (ws) => ws.on('error', console.error));

function shutdown({ restarting }, graceMs = 2000) {
  http.close(); // stop accepting new connections first
  const [code, reason] = restarting ? [1012, 'Service restart'] : [1001, 'Server shutting down'];
  for (const ws of wss.clients) ws.close(code, reason);
  const cut = setTimeout(() => { for (const ws of wss.clients) ws.terminate(); }, graceMs);
  return new Promise((resolve) => wss.close(() => resolve(clearTimeout(cut)))); // after every client is gone
}
// In a real server: process.once('SIGTERM', () => shutdown({ restarting: false }).then(() => process.exit(0)));

http.listen(0, '127.0.0.1', () => {
  const client = new WebSocket(`ws://127.0.0.1:${http.address().port}/`);
  client.on('open', async () => {
    client.on('close', (code, reason) => console.log(`client: closed ${code} "${reason}"; reconnect after a random delay`));
    await shutdown({ restarting: true });
    console.log('server: every client gone, exiting');
  });
});
