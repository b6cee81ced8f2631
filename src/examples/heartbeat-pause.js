// SERVER is the demo server's address, e.g. ws://localhost:8080
// /heartbeat?interval=1000 sends {"type":"ping","n":N} every second and expects
// {"type":"pong","n":N} before the next one; otherwise it closes with 4000.
// This page answers three pings, then stops, like a tab the system has frozen.
// Its own watchdog checks the other direction: no ping for WATCHDOG_MS means
// the page presumes the connection dead. Try WATCHDOG_MS = 500: a deadline
// shorter than the interval gives up on a perfectly healthy connection.
const ANSWERED = 3;
const WATCHDOG_MS = 2500;
const socket = new WebSocket(`${SERVER}/heartbeat?interval=1000`);
let watchdog;

function expectPing() {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    socket.onclose = null; // a dead connection's close event may come very late
    socket.close(4001, 'no ping from the server');
    console.warn(`no ping for ${WATCHDOG_MS} ms: connection presumed dead, reconnect now`);
  }, WATCHDOG_MS);
}

socket.onopen = expectPing;
socket.onmessage = (event) => {
  expectPing();
  const ping = JSON.parse(event.data);
  if (ping.n <= ANSWERED) {
    socket.send(JSON.stringify({ type: 'pong', n: ping.n }));
    console.log(`ping ${ping.n} → pong ${ping.n}`);
  } else {
    console.log(`ping ${ping.n}: not answering`);
  }
};
socket.onclose = (event) => {
  clearTimeout(watchdog);
  console.log(`closed by the server: ${event.code} "${event.reason}"`);
};
