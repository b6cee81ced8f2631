// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// /close gửi lại tin nhắn giống /echo, rồi đóng kết nối với mã 4000 sau 300 ms.
const socket = new WebSocket(`${SERVER}/close?code=4000&reason=tạm biệt&after=300`);
const t0 = performance.now();
const at = () => `${Math.round(performance.now() - t0)} ms`;

socket.onopen = () => {
  console.log(at(), 'open');
  socket.send('xin chào');
};

socket.onmessage = () => console.log('không bao giờ chạy: dòng dưới thay handler này');
socket.onmessage = (event) => console.log(at(), 'onmessage:', event.data, 'từ', event.origin);
socket.addEventListener('message', () => console.log(at(), 'listener gắn bằng addEventListener cũng chạy'));

socket.onerror = () => console.log(at(), 'error (không kèm chi tiết)');
socket.onclose = (event) => {
  console.log(at(), 'close:', event.code, JSON.stringify(event.reason), 'wasClean', event.wasClean);
};
