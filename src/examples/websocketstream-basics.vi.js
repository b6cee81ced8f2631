// SERVER là địa chỉ của server demo, ví dụ ws://localhost:8080
// WebSocketStream: promise và stream thay cho sự kiện. Chỉ có trên trình duyệt dựa trên Chromium, nên hãy kiểm tra trước.
if (!('WebSocketStream' in globalThis)) {
  console.warn('Trình duyệt này không có WebSocketStream: hãy dùng WebSocket (xem bài về bufferedAmount).');
} else {
  run();
}

async function run() {
  // AbortSignal huỷ lần bắt tay mở kết nối; ở đây, nếu nó kéo dài quá 5 giây.
  const wss = new WebSocketStream(`${SERVER}/echo`, { protocols: ['json'], signal: AbortSignal.timeout(5000) });

  const { readable, writable, protocol, extensions } = await wss.opened;
  console.log('đã mở: protocol =', JSON.stringify(protocol), 'extensions =', JSON.stringify(extensions));

  const writer = writable.getWriter();
  const reader = readable.getReader();
  for (const text of ['Hello', 'Xin chào']) {
    await writer.write(text); // hoàn tất khi trình duyệt đã nhận tin nhắn: backpressure có sẵn
    const { value } = await reader.read(); // chờ tin nhắn kế tiếp; trong lúc đó không có gì dồn lại
    console.log('echo:', value);
  }

  wss.close({ closeCode: 1000, reason: 'done' });
  const { closeCode, reason } = await wss.closed;
  console.log('đã đóng:', closeCode, JSON.stringify(reason));

  // Kết nối không mở được thì `opened` (và `closed`) bị từ chối, thay vì phát sự kiện error và close.
  try {
    await new WebSocketStream(`${SERVER}/no-such-endpoint`).opened;
  } catch (error) {
    console.warn(`opened bị từ chối: ${error.name}`, `closeCode ${error.closeCode}`); // null: chưa từng mở
  }
}
