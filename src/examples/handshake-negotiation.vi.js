// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// Đề xuất hai subprotocol, cái ưu tiên nhất đứng trước. /echo-deflate còn chấp nhận nén.
const socket = new WebSocket(`${SERVER}/echo-deflate`, ['json', 'echo']);

// Chưa có gì được thương lượng: bắt tay vẫn đang diễn ra.
console.log('trước open:', JSON.stringify(socket.protocol), JSON.stringify(socket.extensions));

socket.onopen = () => {
  // Cả hai giá trị đều lấy từ header của phản hồi 101 mà server gửi.
  console.log('protocol   =', JSON.stringify(socket.protocol)); // Sec-WebSocket-Protocol
  console.log('extensions =', JSON.stringify(socket.extensions)); // Sec-WebSocket-Extensions
  socket.close(1000, 'done');
};
socket.onclose = (event) => console.log('close:', event.code, 'wasClean =', event.wasClean);
