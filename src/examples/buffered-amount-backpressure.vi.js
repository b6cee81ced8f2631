// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// /slow cố tình chỉ đọc khoảng 640 KiB mỗi giây. Gửi 8 MiB có backpressure.
const socket = new WebSocket(`${SERVER}/slow`);
const HIGH_WATER = 1024 * 1024;      // chỉ gửi khi hàng đợi còn dưới 1 MiB
const chunk = new Uint8Array(64 * 1024);
const TOTAL = 128;                   // 128 × 64 KiB = 8 MiB
let sent = 0;

socket.onopen = () => {
  socket.send('xin chào');
  // 9: số byte UTF-8 của chuỗi, không tính header của khung. Trong task này chưa có gì rời đi.
  console.log('sau một lần send():', socket.bufferedAmount);
  pump();
};

function pump() {
  if (socket.readyState !== WebSocket.OPEN) return;
  while (sent < TOTAL && socket.bufferedAmount < HIGH_WATER) {
    socket.send(chunk);
    sent++;
  }
  console.log(`đã gửi ${sent}/${TOTAL}, bufferedAmount = ${socket.bufferedAmount}`);
  if (sent < TOTAL) setTimeout(pump, 500); // không có sự kiện 'drain': lát nữa xem lại
  else socket.close(1000, 'done');         // dữ liệu đang xếp hàng vẫn được gửi trước
}

socket.onclose = (event) => {
  console.log('close', event.code, 'bufferedAmount =', socket.bufferedAmount);
};
