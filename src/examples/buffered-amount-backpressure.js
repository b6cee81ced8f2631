// SERVER is the demo server's address, e.g. ws://localhost:8080
// /slow reads about 640 KiB per second on purpose. Send 8 MiB with backpressure.
const socket = new WebSocket(`${SERVER}/slow`);
const HIGH_WATER = 1024 * 1024;      // send only while less than 1 MiB is queued
const chunk = new Uint8Array(64 * 1024);
const TOTAL = 128;                   // 128 × 64 KiB = 8 MiB
let sent = 0;

socket.onopen = () => {
  socket.send('xin chào');
  // 9: the UTF-8 bytes of the text, no frame header. Nothing leaves during this task.
  console.log('after one send():', socket.bufferedAmount);
  pump();
};

function pump() {
  if (socket.readyState !== WebSocket.OPEN) return;
  while (sent < TOTAL && socket.bufferedAmount < HIGH_WATER) {
    socket.send(chunk);
    sent++;
  }
  console.log(`${sent}/${TOTAL} sent, bufferedAmount = ${socket.bufferedAmount}`);
  if (sent < TOTAL) setTimeout(pump, 500); // no 'drain' event: look again later
  else socket.close(1000, 'done');         // the queued data still goes out first
}

socket.onclose = (event) => {
  console.log('close', event.code, 'bufferedAmount =', socket.bufferedAmount);
};
