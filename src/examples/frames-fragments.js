// SERVER is the demo server's address, e.g. ws://localhost:8080
// /echo?fragment=4 sends every reply as 4 frames: FIN=0, 0, 0, then 1.
// Count how many message events the page gets for it.
const socket = new WebSocket(`${SERVER}/echo?fragment=4`);
let messages = 0;

socket.onopen = () => {
  console.log('extensions:', JSON.stringify(socket.extensions)); // "" on /echo; try /echo-deflate
  socket.send('one message, four frames');
};

socket.onmessage = (event) => {
  messages += 1;
  console.log(`message #${messages}:`, event.data);
  setTimeout(() => socket.close(1000, 'done'), 300); // wait a little for any other message
};

socket.onclose = (event) => {
  console.log('close:', event.code, event.reason, '- message events:', messages);
};
