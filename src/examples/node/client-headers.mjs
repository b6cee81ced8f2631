// Outside a browser, the client writes its own handshake: any header, and an Origin only if it wants one.
// The demo server's /inspect shows the request exactly as it arrived. SERVER is the demo server, e.g. ws://localhost:8080.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const SERVER = process.env.SERVER ?? 'ws://localhost:8080';
const session = randomBytes(16).toString('hex');
const opened = (socket) => new Promise((resolve, reject) => {
  socket.once('open', resolve);
  socket.once('error', reject);
});

// 1. Watch a session: its first record is the handshake of the connection opened with the same id.
const inspector = new WebSocket(`${SERVER}/inspect?session=${session}`);
const handshake = new Promise((resolve) => {
  inspector.on('message', (data) => {
    const record = JSON.parse(data);
    if (record.kind === 'handshake') resolve(record.request);
  });
});
await opened(inspector);

// 2. The ws package: subprotocols as in a browser, plus headers no page can set.
const client = new WebSocket(`${SERVER}/echo?session=${session}`, ['json'], {
  headers: { Authorization: 'Bearer demo-token', 'X-Client-Version': '1.4.2' },
});
await opened(client);
console.log('protocol chosen by the server:', client.protocol);

const request = await handshake;
const shown = ['authorization', 'x-client-version', 'sec-websocket-protocol', 'origin', 'cookie'];
for (const [name, value] of request.headers) {
  if (shown.includes(name.toLowerCase())) console.log(`  ${name}: ${value}`);
}
const has = (header) => request.headers.some(([name]) => name.toLowerCase() === header);
console.log('Origin sent?', has('origin'), '| Cookie sent?', has('cookie'));

// 3. Node's built-in WebSocket (a global since Node 22) takes the browser's arguments, and there is no page
//    for a relative URL to resolve against.
try {
  new globalThis.WebSocket('/echo');
} catch (error) {
  console.log("new WebSocket('/echo') in Node →", error.name);
}

client.close(1000);
inspector.close(1000);
