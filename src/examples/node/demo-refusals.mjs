// The demo server's refusals, seen from Node — which, unlike a page, may set any Origin and reads the
// HTTP status of a refused handshake. SERVER is the demo server, e.g. ws://localhost:8080.
import WebSocket from 'ws';

const SERVER = process.env.SERVER ?? 'ws://localhost:8080';

function handshake(path, options = {}) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${SERVER}${path}`, options);
    ws.on('open', () => resolve({ ws, status: 101 }));
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: body.trim() }));
    });
    ws.on('error', (err) => resolve({ status: 0, body: err.message }));
  });
}

// 1. A page on another site. A browser always sends its page's Origin; a script cannot change it.
const evil = await handshake('/echo', { origin: 'https://evil.example' });
console.log('Origin https://evil.example →', evil.status, evil.body);

// 2. Too many connections from one address (MAX_CONNECTIONS_PER_IP, 20 by default).
const open = [];
for (;;) {
  const attempt = await handshake('/echo');
  if (attempt.status !== 101) {
    console.log(`connection ${open.length + 1} →`, attempt.status, attempt.body);
    break;
  }
  open.push(attempt.ws);
}
console.log(`${open.length} connections were accepted first`);
for (const ws of open) ws.close();
