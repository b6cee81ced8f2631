// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
const socket = new WebSocket(`${SERVER}/echo`);

socket.onopen = () => {
  console.log('open, readyState =', socket.readyState);
  socket.send('xin chào');
};
socket.onmessage = (event) => {
  console.log('message:', event.data); // server gửi lại đúng tin nhắn đó
  socket.close(1000, 'done');
};
socket.onclose = (event) => {
  console.log('close:', event.code, event.reason, 'wasClean =', event.wasClean);
};
