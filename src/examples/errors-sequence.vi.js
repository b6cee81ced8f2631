// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// Ba cách thất bại, lần lượt từng cách. Hãy so sánh trang web được cho biết gì trong mỗi trường hợp.
function attempt(url) {
  return new Promise((done) => {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      console.log(url, '→ ném ngoại lệ:', error.name);
      return done();
    }
    socket.onopen = () => socket.close();
    socket.onerror = (event) => console.log(url, '→ sự kiện error, kiểu', event.type, ', thuộc tính message:', event.message);
    socket.onclose = (event) => {
      console.log(url, '→ close', event.code, 'wasClean', event.wasClean);
      done();
    };
  });
}

attempt(`${SERVER}/no-such-endpoint`) // server trả lời 404
  .then(() => attempt('ws://127.0.0.1:2/')) // không có gì lắng nghe ở đó
  .then(() => attempt(SERVER.replace(/^ws/, 'ftp') + '/echo')); // không phải URL WebSocket
