// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Một cập nhật WebSocket tốn bao nhiêu trên đường truyền: payload cộng 2 byte header khung
// (4 byte khi payload từ 126 byte). Một lần polling HTTP lặp lại dòng trạng thái và header trong mọi
// phản hồi (khoảng 180 byte với server này) và header của trình duyệt trong mọi request
// (khoảng 500 byte với Chromium), kể cả khi chẳng có gì thay đổi.
const socket = new WebSocket(`${SERVER}/ticker?hz=10`);
const encoder = new TextEncoder();
let n = 0;
let payload = 0;
let framing = 0;

socket.onmessage = (event) => {
  const bytes = encoder.encode(event.data).length;
  payload += bytes;
  framing += bytes <= 125 ? 2 : bytes <= 65535 ? 4 : 10;
  if (++n < 20) return;
  socket.close(1000, 'measured');
  console.log(`${n} tin nhắn: ${payload} byte JSON + ${framing} byte header khung`);
  console.log(`WebSocket, mỗi cập nhật: ${((payload + framing) / n).toFixed(1)} byte`);
  console.log(`polling mỗi cập nhật một lần, ước chừng: ${(payload / n + 180 + 500).toFixed(0)} byte`);
};
socket.onerror = () => console.error('không kết nối được tới', SERVER);
