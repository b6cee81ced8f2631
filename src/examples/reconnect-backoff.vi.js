// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Kết nối lại với exponential backoff và jitter. Server đóng mỗi kết nối
// sau 300 ms với mã 1001 (Going Away, như khi server khởi động lại);
// lần thứ tư nó gửi 4003, mã mà ứng dụng này coi là "đừng thử lại".
const BASE_MS = 250;
const MAX_MS = 10_000;
const STABLE_MS = 5_000; // kết nối trụ được lâu chừng này thì đặt lại thời gian chờ
const NO_RETRY = new Set([1008, 4003]);
let attempt = 0;

function backoff(n) {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** n);
  // Nửa cố định, nửa ngẫu nhiên: các client cùng mất kết nối sẽ quay lại rải rác.
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function connect() {
  const code = attempt < 3 ? 1001 : 4003;
  const socket = new WebSocket(`${SERVER}/close?code=${code}&reason=demo&after=300`);
  const openedAt = Date.now();
  socket.onopen = () => console.log(`lần thử ${attempt + 1}: đã mở`);
  socket.onclose = (event) => {
    console.log(`đã đóng với mã ${event.code}`);
    if (NO_RETRY.has(event.code)) {
      console.log('không kết nối lại: mã này cho biết thử lại cũng vô ích');
      return;
    }
    if (Date.now() - openedAt > STABLE_MS) attempt = 0;
    const delay = backoff(attempt++);
    console.log(`kết nối lại sau ${delay} ms`);
    setTimeout(connect, delay);
  };
}

connect();
