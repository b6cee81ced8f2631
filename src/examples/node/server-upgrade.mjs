// Step 2: noServer + handleUpgrade — decide during the upgrade, before any WebSocket exists.
// A refused handshake costs one HTTP response and no per-connection state.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import WebSocket, { WebSocketServer } from 'ws';

const ALLOWED_ORIGINS = new Set(['https://app.example']);
const tickets = new Map(); // ticket -> { user, expires }: handed out over authenticated HTTP, used once

function issueTicket(user) {
  const ticket = randomBytes(16).toString('hex');
  tickets.set(ticket, { user, expires: Date.now() + 30_000 });
  return ticket;
}

function refuse(socket, status, text) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const http = createServer();
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

http.on('upgrade', (req, socket, head) => {
  socket.on('error', () => socket.destroy()); // a reset during the handshake must not crash us
  const url = new URL(req.url, 'http://placeholder');
  if (url.pathname !== '/live') return refuse(socket, 404, 'Not Found');
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) return refuse(socket, 403, 'Forbidden');
  const entry = tickets.get(url.searchParams.get('ticket'));
  tickets.delete(url.searchParams.get('ticket')); // single use, even when it has expired
  if (!entry || entry.expires < Date.now()) return refuse(socket, 401, 'Unauthorized');
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, entry.user));
});

wss.on('connection', (ws, req, user) => {
  ws.on('error', console.error);
  ws.send(`hello ${user}`);
});

// Try it: three handshakes, as a browser on each origin would make them.
http.listen(0, '127.0.0.1', async () => {
  const base = `ws://127.0.0.1:${http.address().port}/live`;
  const attempt = (label, url, origin) =>
    new Promise((resolve) => {
      const ws = new WebSocket(url, { origin });
      ws.on('error', (err) => resolve(console.log(`${label}: ${err.message}`)));
      ws.on('message', (data) => {
        console.log(`${label}: open, server says "${data}"`);
        ws.close();
        resolve();
      });
    });
  await attempt('evil origin ', `${base}?ticket=${issueTicket('an')}`, 'https://evil.example');
  await attempt('no ticket   ', base, 'https://app.example');
  const ticket = issueTicket('an');
  await attempt('good ticket ', `${base}?ticket=${ticket}`, 'https://app.example');
  await attempt('ticket again', `${base}?ticket=${ticket}`, 'https://app.example');
  http.close();
});
