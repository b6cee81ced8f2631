// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Tin nhắn nào cũng là một phong bì {"type": "…", …}. Bảng handler tra theo type giữ cho vòng
// xử lý gọn gàng; type lạ chỉ được ghi log chứ không làm hỏng ứng dụng, nên server thêm loại mới thoải mái.
const socket = new WebSocket(`${SERVER}/ticker?hz=5`);
let lastSeq = null;
let count = 0;

const handlers = {
  quote(msg) {
    if (lastSeq !== null && msg.seq !== lastSeq + 1) {
      console.warn(`hụt seq: chờ ${lastSeq + 1}, nhận ${msg.seq}`);
    }
    lastSeq = msg.seq;
    const latency = Date.now() - msg.t; // ở đây cùng một máy; khác máy thì đồng hồ lệch nhau
    console.log(`#${msg.seq} ${msg.symbol} ${msg.price.toFixed(2)} (${latency} ms)`);
    if (++count === 10) socket.close(1000, 'enough');
  },
};

socket.onmessage = (event) => {
  let msg;
  try {
    msg = JSON.parse(event.data);
  } catch {
    console.error('không phải JSON:', event.data);
    return;
  }
  const handle = handlers[msg.type];
  if (handle) handle(msg);
  else console.warn('type lạ:', msg.type);
};
socket.onclose = (event) => console.log('đã đóng', event.code, event.reason);
