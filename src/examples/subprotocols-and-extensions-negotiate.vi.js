// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Đề xuất hai subprotocol cho /echo và /echo-deflate, rồi so sánh kết quả thương lượng.
for (const path of ['/echo', '/echo-deflate']) {
  const socket = new WebSocket(`${SERVER}${path}`, ['json', 'echo']);
  socket.onopen = () => {
    console.log(`${path}: protocol = ${JSON.stringify(socket.protocol)}, extensions = ${JSON.stringify(socket.extensions)}`);
    socket.send(JSON.stringify({ type: 'hello', text: 'xin chào' }));
  };
  socket.onmessage = (event) => {
    console.log(`${path}: nhận lại`, event.data); // đã được giải nén sẵn
    socket.close(1000, 'done');
  };
}

// Một tên mà server không hỗ trợ: kết nối thất bại.
const other = new WebSocket(`${SERVER}/echo`, ['chat.v2']);
other.onerror = () => console.warn('chat.v2: sự kiện error');
other.onclose = (event) => console.log('chat.v2: close', event.code, 'wasClean =', event.wasClean);

// Một tên được đề xuất hai lần: hàm khởi tạo ném ngoại lệ trước khi gửi bất cứ thứ gì.
try {
  new WebSocket(`${SERVER}/echo`, ['json', 'json']);
} catch (error) {
  console.warn('["json", "json"] ném ra', error.name);
}
