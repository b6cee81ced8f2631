// SERVER is the demo server's address, e.g. ws://localhost:8080
// What a WebSocket update costs on the wire: its payload plus a 2-byte frame header
// (4 bytes from 126 bytes of payload). An HTTP poll repeats a status line and headers in every
// response (about 180 bytes from this server) and the browser's headers in every request
// (about 500 bytes from Chromium), even when nothing changed.
const socket = new WebSocket(`${SERVER}/ticker?hz=10`);
const encoder = new TextEncoder();
let n = 0;
let payload = 0;
let framing = 0;

socket.onmessage = (event) => {
  const bytes = encoder.encode(event.data).length;
  payload += bytes;
  framing += bytes <= 125 ? 2 : bytes <= 65535 ? 4 : 10;
  if (++n < 20) return;
  socket.close(1000, 'measured');
  console.log(`${n} messages: ${payload} bytes of JSON + ${framing} bytes of frame headers`);
  console.log(`WebSocket, per update: ${((payload + framing) / n).toFixed(1)} bytes`);
  console.log(`one poll per update, roughly: ${(payload / n + 180 + 500).toFixed(0)} bytes`);
};
socket.onerror = () => console.error('could not connect to', SERVER);
