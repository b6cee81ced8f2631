// SERVER is the demo server's address, e.g. ws://localhost:8080
// Offer two subprotocols to /echo and to /echo-deflate, and compare what was negotiated.
for (const path of ['/echo', '/echo-deflate']) {
  const socket = new WebSocket(`${SERVER}${path}`, ['json', 'echo']);
  socket.onopen = () => {
    console.log(`${path}: protocol = ${JSON.stringify(socket.protocol)}, extensions = ${JSON.stringify(socket.extensions)}`);
    socket.send(JSON.stringify({ type: 'hello', text: 'xin chào' }));
  };
  socket.onmessage = (event) => {
    console.log(`${path}: echo`, event.data); // already decompressed
    socket.close(1000, 'done');
  };
}

// A name the server does not speak: the connection fails.
const other = new WebSocket(`${SERVER}/echo`, ['chat.v2']);
other.onerror = () => console.warn('chat.v2: error event');
other.onclose = (event) => console.log('chat.v2: close', event.code, 'wasClean =', event.wasClean);

// A name offered twice: the constructor throws before anything is sent.
try {
  new WebSocket(`${SERVER}/echo`, ['json', 'json']);
} catch (error) {
  console.warn('["json", "json"] threw', error.name);
}
