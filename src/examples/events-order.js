// SERVER is the demo server's address, e.g. ws://localhost:8080
// /close echoes like /echo, then closes with code 4000 after 300 ms.
const socket = new WebSocket(`${SERVER}/close?code=4000&reason=bye&after=300`);
const t0 = performance.now();
const at = () => `${Math.round(performance.now() - t0)} ms`;

socket.onopen = () => {
  console.log(at(), 'open');
  socket.send('hello');
};

socket.onmessage = () => console.log('never runs: the next line replaces this handler');
socket.onmessage = (event) => console.log(at(), 'onmessage:', event.data, 'from', event.origin);
socket.addEventListener('message', () => console.log(at(), 'a listener added with addEventListener runs too'));

socket.onerror = () => console.log(at(), 'error (no details)');
socket.onclose = (event) => {
  console.log(at(), 'close:', event.code, JSON.stringify(event.reason), 'wasClean', event.wasClean);
};
