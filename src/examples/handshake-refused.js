// SERVER is the demo server's address, e.g. ws://localhost:8080
// /echo speaks only the subprotocols "json" and "echo", so it answers this handshake with
// "HTTP/1.1 400 Bad Request" instead of 101. Watch how little of that reaches the page.
const socket = new WebSocket(`${SERVER}/echo`, ['chat.v2']);

socket.onopen = () => console.log('open — never happens');
socket.onerror = (event) => console.log('error event:', event.type, '— no status, no reason');
socket.onclose = (event) => {
  console.log('close:', event.code, JSON.stringify(event.reason), 'wasClean =', event.wasClean);
  console.log('The 400 is visible only in DevTools (Network → WS), never to this code.');
};
