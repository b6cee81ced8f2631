// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Gửi đi bốn kiểu dữ liệu; /echo gửi trả từng tin nhắn với đúng kiểu của nó.
const socket = new WebSocket(`${SERVER}/echo`);
socket.binaryType = 'arraybuffer'; // thử đổi thành 'blob' rồi chạy lại

try {
  socket.send('sớm quá');
} catch (error) {
  console.warn(`send() khi đang CONNECTING ném ra ${error.name}`);
}

socket.onopen = () => {
  socket.send('xin chào');                                      // văn bản: 9 byte UTF-8
  socket.send(new TextEncoder().encode('xin chào').buffer);     // ArrayBuffer: 9 byte
  socket.send(new Uint16Array([1, 2, 3]));                      // typed array: 6 byte
  socket.send(new Blob(['xin chào'], { type: 'text/plain' }));  // Blob: 9 byte
  console.log('đã xếp hàng: bufferedAmount =', socket.bufferedAmount);
};

let received = 0;
socket.onmessage = ({ data }) => {
  if (typeof data === 'string') {
    console.log('chuỗi:', JSON.stringify(data));
  } else if (data instanceof ArrayBuffer) {
    console.log(`ArrayBuffer, ${data.byteLength} byte:`, [...new Uint8Array(data)].join(' '));
  } else {
    console.log(`Blob, ${data.size} byte, type ${JSON.stringify(data.type)}`);
  }
  if (++received === 4) socket.close(1000, 'done');
};

socket.onclose = () => {
  socket.send('sau khi đóng'); // không có ngoại lệ: dữ liệu bị bỏ đi
  console.log('sau khi đóng: bufferedAmount =', socket.bufferedAmount);
};
