// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// /echo?fragment=4 gửi mỗi câu trả lời thành 4 khung: FIN=0, 0, 0, rồi 1.
// Hãy đếm xem trang nhận được bao nhiêu sự kiện message.
const socket = new WebSocket(`${SERVER}/echo?fragment=4`);
let messages = 0;

socket.onopen = () => {
  console.log('extensions:', JSON.stringify(socket.extensions)); // "" với /echo; thử đổi sang /echo-deflate
  socket.send('một tin nhắn, bốn khung');
};

socket.onmessage = (event) => {
  messages += 1;
  console.log(`message #${messages}:`, event.data);
  setTimeout(() => socket.close(1000, 'done'), 300); // đợi thêm chút xem còn message nào nữa không
};

socket.onclose = (event) => {
  console.log('close:', event.code, event.reason, '- số sự kiện message:', messages);
};
