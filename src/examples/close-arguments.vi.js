// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// close() kiểm tra đối số trước khi làm bất cứ điều gì. Hãy sửa chúng rồi chạy lại.
const socket = new WebSocket(`${SERVER}/echo`);
const bytes = (text) => new TextEncoder().encode(text).length;

socket.onopen = () => {
  const attempts = [
    [1001, 'going away'],            // 1001 dành cho trình duyệt và server
    [4000, 'Tạm biệt! '.repeat(10)], // 100 ký tự, nhưng là bao nhiêu byte?
  ];
  for (const [code, reason] of attempts) {
    try {
      socket.close(code, reason);
    } catch (error) {
      console.warn(`close(${code}, ${bytes(reason)} byte) ném ${error.name}`);
    }
  }
  console.log('vẫn mở: readyState =', socket.readyState);

  socket.close(4000, 'Tạm biệt!'); // hợp lệ: quá trình bắt tay đóng bắt đầu
  console.log('sau close(): readyState =', socket.readyState);
};

socket.onclose = (event) => {
  const { code, reason, wasClean } = event;
  console.log('close:', code, JSON.stringify(reason), 'wasClean =', wasClean);
};
