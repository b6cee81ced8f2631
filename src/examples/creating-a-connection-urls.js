// SERVER is the demo server's address, e.g. ws://localhost:8080
// Four calls the constructor refuses or rewrites: nothing below reaches the network before the last part.
const httpServer = SERVER.replace(/^ws/, 'http'); // ws://… → http://…, wss://… → https://…
const calls = [
  [`${httpServer}/echo`], // http: is accepted and becomes ws:
  [`${SERVER}/echo#top`], // a fragment
  [`${SERVER}/echo`, ['json', 'json']], // the same subprotocol twice
  [`${SERVER}/echo`, 'chat v2'], // a space is not allowed in a subprotocol name
];
for (const [url, protocols] of calls) {
  try {
    const socket = new WebSocket(url, protocols);
    console.log('accepted, socket.url =', socket.url);
    socket.close(); // we only wanted to see the url
  } catch (error) {
    console.log('threw', error.name, 'for', url, protocols ?? '');
  }
}

// A real connection: offer two subprotocols; the server picks one.
const socket = new WebSocket(`${httpServer}/echo`, ['json', 'echo']);
socket.onopen = () => {
  console.log('open: url =', socket.url, ', protocol =', socket.protocol);
  socket.close(1000);
};
socket.onclose = (event) => console.log('close', event.code);
