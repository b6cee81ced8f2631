// SERVER is the demo server's address, e.g. ws://localhost:8080
// Four kinds of data go out; /echo sends each one back with the same type.
const socket = new WebSocket(`${SERVER}/echo`);
socket.binaryType = 'arraybuffer'; // try 'blob' and run again

try {
  socket.send('too early');
} catch (error) {
  console.warn(`send() while CONNECTING threw ${error.name}`);
}

socket.onopen = () => {
  socket.send('xin chào');                                      // text: 9 bytes of UTF-8
  socket.send(new TextEncoder().encode('xin chào').buffer);     // ArrayBuffer: 9 bytes
  socket.send(new Uint16Array([1, 2, 3]));                      // typed array: 6 bytes
  socket.send(new Blob(['xin chào'], { type: 'text/plain' }));  // Blob: 9 bytes
  console.log('queued: bufferedAmount =', socket.bufferedAmount);
};

let received = 0;
socket.onmessage = ({ data }) => {
  if (typeof data === 'string') {
    console.log('string:', JSON.stringify(data));
  } else if (data instanceof ArrayBuffer) {
    console.log(`ArrayBuffer, ${data.byteLength} bytes:`, [...new Uint8Array(data)].join(' '));
  } else {
    console.log(`Blob, ${data.size} bytes, type ${JSON.stringify(data.type)}`);
  }
  if (++received === 4) socket.close(1000, 'done');
};

socket.onclose = () => {
  socket.send('after close'); // no exception: the data is discarded
  console.log('after close: bufferedAmount =', socket.bufferedAmount);
};
