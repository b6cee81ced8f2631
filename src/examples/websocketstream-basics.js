// SERVER is the demo server's address, e.g. ws://localhost:8080
// WebSocketStream: promises and streams instead of events. Chromium-based browsers only, so check first.
if (!('WebSocketStream' in globalThis)) {
  console.warn('No WebSocketStream in this browser: use WebSocket (see the lesson on bufferedAmount).');
} else {
  run();
}

async function run() {
  // An AbortSignal cancels the opening handshake; here, if it takes more than 5 seconds.
  const wss = new WebSocketStream(`${SERVER}/echo`, { protocols: ['json'], signal: AbortSignal.timeout(5000) });

  const { readable, writable, protocol, extensions } = await wss.opened;
  console.log('opened: protocol =', JSON.stringify(protocol), 'extensions =', JSON.stringify(extensions));

  const writer = writable.getWriter();
  const reader = readable.getReader();
  for (const text of ['Hello', 'Xin chào']) {
    await writer.write(text); // settles once the browser has taken the message: backpressure for free
    const { value } = await reader.read(); // waits for the next message; nothing piles up meanwhile
    console.log('echo:', value);
  }

  wss.close({ closeCode: 1000, reason: 'done' });
  const { closeCode, reason } = await wss.closed;
  console.log('closed:', closeCode, JSON.stringify(reason));

  // A connection that cannot open rejects `opened` (and `closed`) instead of firing error and close.
  try {
    await new WebSocketStream(`${SERVER}/no-such-endpoint`).opened;
  } catch (error) {
    console.warn(`opened rejected: ${error.name}`, `closeCode ${error.closeCode}`); // null: it never opened
  }
}
