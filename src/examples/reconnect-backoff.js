// SERVER is the demo server's address, e.g. ws://localhost:8080
// Reconnecting with exponential backoff and jitter. The server closes each
// connection after 300 ms with 1001 (Going Away, as when a server restarts);
// the fourth time it sends 4003, which this app treats as "do not retry".
const BASE_MS = 250;
const MAX_MS = 10_000;
const STABLE_MS = 5_000; // a connection that lasted this long resets the backoff
const NO_RETRY = new Set([1008, 4003]);
let attempt = 0;

function backoff(n) {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** n);
  // Half fixed, half random: clients that lost the server together spread out.
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function connect() {
  const code = attempt < 3 ? 1001 : 4003;
  const socket = new WebSocket(`${SERVER}/close?code=${code}&reason=demo&after=300`);
  const openedAt = Date.now();
  socket.onopen = () => console.log(`attempt ${attempt + 1}: open`);
  socket.onclose = (event) => {
    console.log(`closed with ${event.code}`);
    if (NO_RETRY.has(event.code)) {
      console.log('not reconnecting: this code says retrying will not help');
      return;
    }
    if (Date.now() - openedAt > STABLE_MS) attempt = 0;
    const delay = backoff(attempt++);
    console.log(`reconnecting in ${delay} ms`);
    setTimeout(connect, delay);
  };
}

connect();
