// SERVER là địa chỉ server demo, ví dụ ws://localhost:8080
// Ba lời gọi mà hàm khởi tạo từ chối: mỗi lời gọi ném ngoại lệ trước khi có gì ra tới mạng.
const calls = [
  [`${SERVER}/echo#top`], // có fragment
  [`${SERVER}/echo`, ['json', 'json']], // cùng một subprotocol hai lần
  [`${SERVER}/echo`, 'chat v2'], // tên subprotocol không được chứa dấu cách
];
for (const [url, protocols] of calls) {
  const call = `new WebSocket(${JSON.stringify(url)}${protocols === undefined ? '' : `, ${JSON.stringify(protocols)}`})`;
  try {
    new WebSocket(url, protocols);
    console.log('chấp nhận:', call);
  } catch (error) {
    console.log('ném', error.name + ':', call);
  }
}

// Một lời gọi được chấp nhận: URL http: (được đổi thành ws:) và hai subprotocol; server chọn một.
const socket = new WebSocket(`${SERVER.replace(/^ws/, 'http')}/echo`, ['json', 'echo']);
console.log('chấp nhận, socket.url =', socket.url);
socket.onopen = () => {
  console.log('open, protocol =', socket.protocol);
  socket.close(1000);
};
socket.onclose = (event) => console.log('close', event.code);
