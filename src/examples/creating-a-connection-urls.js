// SERVER is the demo server's address, e.g. ws://localhost:8080
// Three calls the constructor refuses: each throws before anything reaches the network.
const calls = [
  [`${SERVER}/echo#top`], // a fragment
  [`${SERVER}/echo`, ['json', 'json']], // the same subprotocol twice
  [`${SERVER}/echo`, 'chat v2'], // a space is not allowed in a subprotocol name
];
for (const [url, protocols] of calls) {
  const call = `new WebSocket(${JSON.stringify(url)}${protocols === undefined ? '' : `, ${JSON.stringify(protocols)}`})`;
  try {
    new WebSocket(url, protocols);
    console.log('accepted:', call);
  } catch (error) {
    console.log('threw', error.name + ':', call);
  }
}

// One it accepts: an http: URL (turned into ws:) and two subprotocols; the server picks one.
const socket = new WebSocket(`${SERVER.replace(/^ws/, 'http')}/echo`, ['json', 'echo']);
console.log('accepted, socket.url =', socket.url);
socket.onopen = () => {
  console.log('open, protocol =', socket.protocol);
  socket.close(1000);
};
socket.onclose = (event) => console.log('close', event.code);
