// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
const names = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const socket = new WebSocket(`${SERVER}/echo`);
const show = (when) => console.log(`${when}: readyState ${socket.readyState} (${names[socket.readyState]})`);

show('sau new WebSocket()'); // 0: bắt tay chưa xong
try {
  socket.send('sớm quá');
} catch (error) {
  console.log('send() khi đang CONNECTING ném ngoại lệ', error.name);
}

socket.onopen = () => {
  show('trong onopen'); // 1
  socket.close(1000, 'xong');
  show('ngay sau close()'); // 2, ngay cả trước khi close() trả về
};

socket.onclose = (event) => {
  show('trong onclose'); // 3, vĩnh viễn: socket đã đóng không bao giờ mở lại
  console.log('code', event.code, 'wasClean', event.wasClean);
  console.log('WebSocket.CLOSED === socket.CLOSED:', WebSocket.CLOSED === socket.CLOSED);
};
