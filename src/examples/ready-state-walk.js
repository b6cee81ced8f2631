// SERVER is the demo server's address, e.g. ws://localhost:8080
const names = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const socket = new WebSocket(`${SERVER}/echo`);
const show = (when) => console.log(`${when}: readyState ${socket.readyState} (${names[socket.readyState]})`);

show('after new WebSocket()'); // 0: the handshake has not finished yet
try {
  socket.send('too early');
} catch (error) {
  console.log('send() while CONNECTING throws', error.name);
}

socket.onopen = () => {
  show('in onopen'); // 1
  socket.close(1000, 'done');
  show('right after close()'); // 2, before close() even returns to us
};

socket.onclose = (event) => {
  show('in onclose'); // 3, for good: a closed socket never reopens
  console.log('code', event.code, 'wasClean', event.wasClean);
  console.log('WebSocket.CLOSED === socket.CLOSED:', WebSocket.CLOSED === socket.CLOSED);
};
