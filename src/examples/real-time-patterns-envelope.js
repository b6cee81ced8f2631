// SERVER is the demo server's address, e.g. ws://localhost:8080
// Every message is an envelope {"type": "…", …}. A table of handlers keyed by type keeps the
// message loop small; an unknown type is logged, not fatal, so the server can add new ones.
const socket = new WebSocket(`${SERVER}/ticker?hz=5`);
let lastSeq = null;
let count = 0;

const handlers = {
  quote(msg) {
    if (lastSeq !== null && msg.seq !== lastSeq + 1) {
      console.warn(`gap: expected seq ${lastSeq + 1}, got ${msg.seq}`);
    }
    lastSeq = msg.seq;
    const latency = Date.now() - msg.t; // one machine here; across machines, clocks differ
    console.log(`#${msg.seq} ${msg.symbol} ${msg.price.toFixed(2)} (${latency} ms)`);
    if (++count === 10) socket.close(1000, 'enough');
  },
};

socket.onmessage = (event) => {
  let msg;
  try {
    msg = JSON.parse(event.data);
  } catch {
    console.error('not JSON:', event.data);
    return;
  }
  const handle = handlers[msg.type];
  if (handle) handle(msg);
  else console.warn('unknown message type:', msg.type);
};
socket.onclose = (event) => console.log('closed', event.code, event.reason);
