// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// /heartbeat?interval=1000 gửi {"type":"ping","n":N} mỗi giây và chờ
// {"type":"pong","n":N} trước lần kế tiếp; nếu không, nó đóng với mã 4000.
// Trang này trả lời ba lần ping, rồi thôi, như một tab bị hệ điều hành đóng băng.
// Bộ hẹn giờ giám sát của trang kiểm tra chiều ngược lại: không có ping nào trong
// WATCHDOG_MS thì trang coi như kết nối đã chết. Hãy thử WATCHDOG_MS = 500: hạn chót
// ngắn hơn khoảng cách giữa các ping sẽ bỏ cả một kết nối hoàn toàn khoẻ mạnh.
const ANSWERED = 3;
const WATCHDOG_MS = 2500;
const socket = new WebSocket(`${SERVER}/heartbeat?interval=1000`);
let watchdog;

function expectPing() {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    socket.onclose = null; // sự kiện close của một kết nối đã chết có thể đến rất muộn
    socket.close(4001, 'no ping from the server');
    console.warn(`không có ping trong ${WATCHDOG_MS} ms: coi như kết nối đã chết, kết nối lại ngay`);
  }, WATCHDOG_MS);
}

socket.onopen = expectPing;
socket.onmessage = (event) => {
  expectPing();
  const ping = JSON.parse(event.data);
  if (ping.n <= ANSWERED) {
    socket.send(JSON.stringify({ type: 'pong', n: ping.n }));
    console.log(`ping ${ping.n} → pong ${ping.n}`);
  } else {
    console.log(`ping ${ping.n}: không trả lời`);
  }
};
socket.onclose = (event) => {
  clearTimeout(watchdog);
  console.log(`server đã đóng kết nối: ${event.code} "${event.reason}"`);
};
