// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// /echo chỉ hiểu hai subprotocol "json" và "echo", nên nó trả lời lần bắt tay này bằng
// "HTTP/1.1 400 Bad Request" thay vì 101. Hãy xem trang nhận được ít thông tin đến mức nào.
const socket = new WebSocket(`${SERVER}/echo`, ['chat.v2']);

socket.onopen = () => console.log('open — không bao giờ xảy ra');
socket.onerror = (event) => console.log('sự kiện error:', event.type, '— không mã trạng thái, không lý do');
socket.onclose = (event) => {
  console.log('close:', event.code, JSON.stringify(event.reason), 'wasClean =', event.wasClean);
  console.log('Mã 400 chỉ thấy được trong DevTools (Network → WS), code này không bao giờ thấy.');
};
