// SERVER is the demo server's address, e.g. ws://localhost:8080
// Offer two subprotocols, most preferred first. /echo-deflate also accepts compression.
const socket = new WebSocket(`${SERVER}/echo-deflate`, ['json', 'echo']);

// Nothing is negotiated yet: the handshake is still in flight.
console.log('before open:', JSON.stringify(socket.protocol), JSON.stringify(socket.extensions));

socket.onopen = () => {
  // Both values come from headers of the server's 101 response.
  console.log('protocol   =', JSON.stringify(socket.protocol)); // Sec-WebSocket-Protocol
  console.log('extensions =', JSON.stringify(socket.extensions)); // Sec-WebSocket-Extensions
  socket.close(1000, 'done');
};
socket.onclose = (event) => console.log('close:', event.code, 'wasClean =', event.wasClean);
