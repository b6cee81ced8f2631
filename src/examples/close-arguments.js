// SERVER is the demo server's address, e.g. ws://localhost:8080
// close() checks its arguments before it does anything. Change them, run again.
const socket = new WebSocket(`${SERVER}/echo`);
const bytes = (text) => new TextEncoder().encode(text).length;

socket.onopen = () => {
  const attempts = [
    [1001, 'going away'],            // 1001 is for browsers and servers, not pages
    [4000, 'Tạm biệt! '.repeat(10)], // 100 characters, but how many bytes?
  ];
  for (const [code, reason] of attempts) {
    try {
      socket.close(code, reason);
    } catch (error) {
      console.warn(`close(${code}, ${bytes(reason)} bytes) threw ${error.name}`);
    }
  }
  console.log('still open: readyState =', socket.readyState);

  socket.close(4000, 'Tạm biệt!'); // valid: the closing handshake starts
  console.log('after close(): readyState =', socket.readyState);
};

socket.onclose = (event) => {
  const { code, reason, wasClean } = event;
  console.log('close:', code, JSON.stringify(reason), 'wasClean =', wasClean);
};
