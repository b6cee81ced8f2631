// Step 4: broadcast to every client without letting one slow reader eat the server's memory.
// ws.send() never blocks: what the network cannot take yet waits in bufferedAmount, in this process.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

const SKIP_ABOVE = 64 * 1024; // this client misses messages until it catches up
const CUT_ABOVE = 1024 * 1024; // this client is hopeless: cut it off

const http = createServer();
const wss = new WebSocketServer({ server: http });
wss.on('connection', (ws) => ws.on('error', console.error));

function broadcast(text) {
  let sent = 0;
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue; // CLOSING clients are still in wss.clients
    if (client.bufferedAmount > CUT_ABOVE) {
      client.terminate();
      continue;
    }
    if (client.bufferedAmount > SKIP_ABOVE) continue;
    client.send(text);
    sent++;
  }
  return sent;
}

http.listen(0, '127.0.0.1', async () => {
  const url = `ws://127.0.0.1:${http.address().port}/`;
  const clients = await Promise.all(
    [1, 2, 3].map(() => new Promise((resolve) => { const c = new WebSocket(url); c.on('open', () => resolve(c)); })),
  );
  let received = 0;
  for (const c of clients) c.on('message', () => received++);
  console.log('broadcast reached', broadcast('price 101.5'), 'clients');
  clients[2].close(); // once its Close frame arrives, ws drops it from wss.clients
  await new Promise((resolve) => setTimeout(resolve, 100));
  console.log('broadcast reached', broadcast('price 101.6'), 'clients');
  await new Promise((resolve) => setTimeout(resolve, 100));
  console.log('messages received in total:', received);
  for (const c of clients) c.close();
  wss.close();
  http.close();
});
