// Step 1: a WebSocket server on a plain Node HTTP server. The HTTP server still answers ordinary requests;
// ws takes over only the requests that ask to upgrade.
import { createServer } from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';

const http = createServer((req, res) => res.end('plain HTTP still works\n'));
const wss = new WebSocketServer({ server: http, maxPayload: 64 * 1024 });

wss.on('connection', (ws, req) => {
  console.log('server: connection from', req.headers.origin ?? '(no Origin: not a browser)');
  ws.on('error', console.error); // without a listener, a bad frame would crash the process
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })); // echo, same type
});

http.listen(0, '127.0.0.1', () => {
  // Try it: a client in the same script (Node 22+ also has a global WebSocket).
  const { port } = http.address();
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  client.on('open', () => client.send('hello'));
  client.on('message', (data) => {
    console.log('client: got back', data.toString());
    client.close(1000, 'done');
  });
  client.on('close', (code, reason) => {
    console.log('client: closed', code, reason.toString());
    http.close();
    wss.close();
  });
});
