// SERVER is the demo server's address, e.g. ws://localhost:8080
// Two members of the chat room in one script. Each shows messages with textContent, which
// never interprets HTML, so the markup Lan sends stays visible text.
function member(nick) {
  const socket = new WebSocket(`${SERVER}/chat?nick=${encodeURIComponent(nick)}`);
  socket.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    if (msg.type === 'join') console.log(`[${nick}] ${msg.nick} joined, ${msg.count} here`);
    if (msg.type === 'error') console.warn(`[${nick}] server error: ${msg.message}`);
    if (msg.type === 'message') {
      const line = document.createElement('p');
      line.textContent = `${msg.nick}: ${msg.text}`; // text, never HTML
      console.log(`[${nick}] shows:`, line.textContent);
      console.log(`[${nick}] as HTML that is:`, line.innerHTML);
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
