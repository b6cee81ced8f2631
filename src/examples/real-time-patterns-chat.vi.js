// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// Hai thành viên phòng chat trong cùng một script. Cả hai hiển thị tin nhắn bằng textContent, vốn
// không bao giờ phân tích HTML, nên đoạn mã HTML Lan gửi vẫn chỉ là những ký tự nhìn thấy được.
function member(nick) {
  const socket = new WebSocket(`${SERVER}/chat?nick=${encodeURIComponent(nick)}`);
  socket.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.type === 'join') console.log(`[${nick}] ${msg.nick} đã vào phòng, ${msg.count} người`);
    if (msg.type === 'error') console.warn(`[${nick}] server báo lỗi: ${msg.message}`);
    if (msg.type === 'message') {
      const line = document.createElement('p');
      line.textContent = `${msg.nick}: ${msg.text}`; // chữ, không bao giờ là HTML
      console.log(`[${nick}] hiển thị:`, line.textContent);
      console.log(`[${nick}] dưới dạng HTML là:`, line.innerHTML);
    }
  };
  return new Promise((resolve) => (socket.onopen = () => resolve(socket)));
}

Promise.all([member('Lan'), member('Minh')]).then(([lan, minh]) => {
  lan.send(JSON.stringify({ type: 'message', text: '<img src=x onerror=alert(1)> xin chào' }));
  setTimeout(() => {
    lan.close(1000, 'bye');
    minh.close(1000, 'bye');
  }, 1000);
});
