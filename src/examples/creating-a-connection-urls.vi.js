// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// Bốn lời gọi mà hàm khởi tạo từ chối hoặc viết lại: chưa có gì ra tới mạng trước phần cuối.
const httpServer = SERVER.replace(/^ws/, 'http'); // ws://… → http://…, wss://… → https://…
const calls = [
  [`${httpServer}/echo`], // http: được chấp nhận và đổi thành ws:
  [`${SERVER}/echo#top`], // có fragment
  [`${SERVER}/echo`, ['json', 'json']], // cùng một subprotocol hai lần
  [`${SERVER}/echo`, 'chat v2'], // tên subprotocol không được chứa dấu cách
];
for (const [url, protocols] of calls) {
  try {
    const socket = new WebSocket(url, protocols);
    console.log('chấp nhận, socket.url =', socket.url);
    socket.close(); // chỉ cần xem url
  } catch (error) {
    console.log('ném', error.name, 'với', url, protocols ?? '');
  }
}

// Một kết nối thật: đề xuất hai subprotocol; server chọn một.
const socket = new WebSocket(`${httpServer}/echo`, ['json', 'echo']);
socket.onopen = () => {
  console.log('open: url =', socket.url, ', protocol =', socket.protocol);
  socket.close(1000);
};
socket.onclose = (event) => console.log('close', event.code);
