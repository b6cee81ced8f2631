// What each runnable example prints when it runs against the demo server: all of its console lines, in the
// order it prints them. A string must equal a console line, a RegExp must match one (numbers that vary: times,
// sizes, random delays, the server's address). `vi` is the Vietnamese version's output when <name>.vi.js
// translates it.
// tests/runnable-all.spec.ts runs every example on every lesson in both languages and checks these lines;
// src/examples/expected.test.ts checks that every example has its entry.

type Line = string | RegExp;

export type Expected = {
  en: readonly Line[];
  vi?: readonly Line[];
  /** Lines from concurrent connections whose relative order is not fixed: each must appear, in any order. */
  anyOrder?: true;
  /** The example prints other lines too (progress, a stream of quotes, other readers in a shared room). */
  more?: true;
};

const server = String.raw`ws://[\w.:\[\]-]+`;
const re = (source: string) => new RegExp(`^${source}$`);

export const expectedOutput: Readonly<Record<string, Expected>> = {
  'echo-hello': {
    en: ['open, readyState = 1', 'message: xin chào', 'close: 1000 done wasClean = true'],
  },
  'ready-state-walk': {
    en: [
      'after new WebSocket(): readyState 0 (CONNECTING)',
      'send() while CONNECTING throws InvalidStateError',
      'in onopen: readyState 1 (OPEN)',
      'right after close(): readyState 2 (CLOSING)',
      'in onclose: readyState 3 (CLOSED)',
      'code 1000 wasClean true',
      'WebSocket.CLOSED === socket.CLOSED: true',
    ],
    vi: [
      'sau new WebSocket(): readyState 0 (CONNECTING)',
      'send() khi đang CONNECTING ném ngoại lệ InvalidStateError',
      'trong onopen: readyState 1 (OPEN)',
      'ngay sau close(): readyState 2 (CLOSING)',
      'trong onclose: readyState 3 (CLOSED)',
      'code 1000 wasClean true',
      'WebSocket.CLOSED === socket.CLOSED: true',
    ],
  },
  'sending-and-receiving-kinds': {
    en: [
      'send() while CONNECTING threw InvalidStateError',
      'queued: bufferedAmount = 33',
      'string: "xin chào"',
      'ArrayBuffer, 9 bytes: 120 105 110 32 99 104 195 160 111',
      'ArrayBuffer, 6 bytes: 1 0 2 0 3 0',
      'ArrayBuffer, 9 bytes: 120 105 110 32 99 104 195 160 111',
      re(String.raw`after close: bufferedAmount = \d+`),
    ],
    vi: [
      'send() khi đang CONNECTING ném ra InvalidStateError',
      'đã xếp hàng: bufferedAmount = 33',
      'chuỗi: "xin chào"',
      'ArrayBuffer, 9 byte: 120 105 110 32 99 104 195 160 111',
      'ArrayBuffer, 6 byte: 1 0 2 0 3 0',
      'ArrayBuffer, 9 byte: 120 105 110 32 99 104 195 160 111',
      re(String.raw`sau khi đóng: bufferedAmount = \d+`),
    ],
  },
  'events-order': {
    en: [
      re(String.raw`\d+ ms open`),
      re(String.raw`\d+ ms onmessage: hello from ${server}`),
      re(String.raw`\d+ ms a listener added with addEventListener runs too`),
      re(String.raw`\d+ ms close: 4000 "bye" wasClean true`),
    ],
    vi: [
      re(String.raw`\d+ ms open`),
      re(String.raw`\d+ ms onmessage: xin chào từ ${server}`),
      re(String.raw`\d+ ms listener gắn bằng addEventListener cũng chạy`),
      re(String.raw`\d+ ms close: 4000 "tạm biệt" wasClean true`),
    ],
  },
  'buffered-amount-backpressure': {
    more: true, // one progress line per look at bufferedAmount: how many depends on the link
    en: ['after one send(): 9', re(String.raw`128/128 sent, bufferedAmount = \d+`), re(String.raw`close 1000 bufferedAmount = \d+`)],
    vi: ['sau một lần send(): 9', re(String.raw`đã gửi 128/128, bufferedAmount = \d+`), re(String.raw`close 1000 bufferedAmount = \d+`)],
  },
  'close-arguments': {
    en: [
      'close(1001, 10 bytes) threw InvalidAccessError',
      'close(4000, 140 bytes) threw SyntaxError',
      'still open: readyState = 1',
      'after close(): readyState = 2',
      'close: 4000 "Tạm biệt!" wasClean = true',
    ],
    vi: [
      'close(1001, 10 byte) ném InvalidAccessError',
      'close(4000, 140 byte) ném SyntaxError',
      'vẫn mở: readyState = 1',
      'sau close(): readyState = 2',
      'close: 4000 "Tạm biệt!" wasClean = true',
    ],
  },
  'creating-a-connection-urls': {
    en: [
      re(String.raw`threw SyntaxError: new WebSocket\("${server}/echo#top"\)`),
      re(String.raw`threw SyntaxError: new WebSocket\("${server}/echo", \["json","json"\]\)`),
      re(String.raw`threw SyntaxError: new WebSocket\("${server}/echo", "chat v2"\)`),
      re(String.raw`accepted, socket.url = ${server}/echo`),
      'open, protocol = json',
      'close 1000',
    ],
    vi: [
      re(String.raw`ném SyntaxError: new WebSocket\("${server}/echo#top"\)`),
      re(String.raw`ném SyntaxError: new WebSocket\("${server}/echo", \["json","json"\]\)`),
      re(String.raw`ném SyntaxError: new WebSocket\("${server}/echo", "chat v2"\)`),
      re(String.raw`chấp nhận, socket.url = ${server}/echo`),
      'open, protocol = json',
      'close 1000',
    ],
  },
  'errors-sequence': {
    en: [
      re(String.raw`${server}/no-such-endpoint → error event of type error with message undefined`),
      re(String.raw`${server}/no-such-endpoint → close 1006 wasClean false`),
      'ws://127.0.0.1:2/ → error event of type error with message undefined',
      'ws://127.0.0.1:2/ → close 1006 wasClean false',
      re(String.raw`ftp://[\w.:\[\]-]+/echo → thrown: SyntaxError`),
    ],
    vi: [
      re(String.raw`${server}/no-such-endpoint → sự kiện error, kiểu error , thuộc tính message: undefined`),
      re(String.raw`${server}/no-such-endpoint → close 1006 wasClean false`),
      'ws://127.0.0.1:2/ → sự kiện error, kiểu error , thuộc tính message: undefined',
      'ws://127.0.0.1:2/ → close 1006 wasClean false',
      re(String.raw`ftp://[\w.:\[\]-]+/echo → ném ngoại lệ: SyntaxError`),
    ],
  },
  'handshake-negotiation': {
    en: ['before open: "" ""', 'protocol   = "json"', 'extensions = "permessage-deflate"', 'close: 1000 wasClean = true'],
    vi: ['trước open: "" ""', 'protocol   = "json"', 'extensions = "permessage-deflate"', 'close: 1000 wasClean = true'],
  },
  'handshake-refused': {
    en: [
      'error event: error — no status, no reason',
      'close: 1006 "" wasClean = false',
      'The 400 is visible only in DevTools (Network → WS), never to this code.',
    ],
    vi: [
      'sự kiện error: error — không mã trạng thái, không lý do',
      'close: 1006 "" wasClean = false',
      'Mã 400 chỉ thấy được trong DevTools (Network → WS), code này không bao giờ thấy.',
    ],
  },
  'frames-fragments': {
    en: ['extensions: ""', 'message #1: one message, four frames', 'close: 1000 done - message events: 1'],
    vi: ['extensions: ""', 'message #1: một tin nhắn, bốn khung', 'close: 1000 done - số sự kiện message: 1'],
  },
  'subprotocols-and-extensions-negotiate': {
    anyOrder: true,
    en: [
      '["json", "json"] threw SyntaxError',
      '/echo: protocol = "json", extensions = ""',
      '/echo: echo {"type":"hello","text":"xin chào"}',
      '/echo-deflate: protocol = "json", extensions = "permessage-deflate"',
      '/echo-deflate: echo {"type":"hello","text":"xin chào"}',
      'chat.v2: error event',
      'chat.v2: close 1006 wasClean = false',
    ],
    vi: [
      '["json", "json"] ném ra SyntaxError',
      '/echo: protocol = "json", extensions = ""',
      '/echo: nhận lại {"type":"hello","text":"xin chào"}',
      '/echo-deflate: protocol = "json", extensions = "permessage-deflate"',
      '/echo-deflate: nhận lại {"type":"hello","text":"xin chào"}',
      'chat.v2: sự kiện error',
      'chat.v2: close 1006 wasClean = false',
    ],
  },
  'heartbeat-pause': {
    en: [
      'ping 1 → pong 1',
      'ping 2 → pong 2',
      'ping 3 → pong 3',
      'ping 4: not answering',
      'closed by the server: 4000 "no pong for ping 4 within 1000 ms"',
    ],
    vi: [
      'ping 1 → pong 1',
      'ping 2 → pong 2',
      'ping 3 → pong 3',
      'ping 4: không trả lời',
      'server đã đóng kết nối: 4000 "no pong for ping 4 within 1000 ms"',
    ],
  },
  'reconnect-backoff': {
    en: [
      'attempt 1: open',
      'closed with 1001',
      re(String.raw`reconnecting in \d+ ms`),
      'attempt 2: open',
      'closed with 1001',
      re(String.raw`reconnecting in \d+ ms`),
      'attempt 3: open',
      'closed with 1001',
      re(String.raw`reconnecting in \d+ ms`),
      'attempt 4: open',
      'closed with 4003',
      'not reconnecting: this code says retrying will not help',
    ],
    vi: [
      'lần thử 1: đã mở',
      'đã đóng với mã 1001',
      re(String.raw`kết nối lại sau \d+ ms`),
      'lần thử 2: đã mở',
      'đã đóng với mã 1001',
      re(String.raw`kết nối lại sau \d+ ms`),
      'lần thử 3: đã mở',
      'đã đóng với mã 1001',
      re(String.raw`kết nối lại sau \d+ ms`),
      'lần thử 4: đã mở',
      'đã đóng với mã 4003',
      'không kết nối lại: mã này cho biết thử lại cũng vô ích',
    ],
  },
  'real-time-patterns-chat': {
    // Two clients in one room (other readers may be in it too): each sees the other join and the same message.
    anyOrder: true,
    more: true,
    en: [
      re(String.raw`\[Lan\] Lan joined, \d+ here`),
      re(String.raw`\[Lan\] Minh joined, \d+ here`),
      re(String.raw`\[Minh\] Minh joined, \d+ here`),
      '[Lan] shows: Lan: <img src=x onerror=alert(1)> xin chào',
      '[Lan] as HTML that is: Lan: &lt;img src=x onerror=alert(1)&gt; xin chào',
      '[Minh] shows: Lan: <img src=x onerror=alert(1)> xin chào',
      '[Minh] as HTML that is: Lan: &lt;img src=x onerror=alert(1)&gt; xin chào',
    ],
    vi: [
      re(String.raw`\[Lan\] Lan đã vào phòng, \d+ người`),
      re(String.raw`\[Lan\] Minh đã vào phòng, \d+ người`),
      re(String.raw`\[Minh\] Minh đã vào phòng, \d+ người`),
      '[Lan] hiển thị: Lan: <img src=x onerror=alert(1)> xin chào',
      '[Lan] dưới dạng HTML là: Lan: &lt;img src=x onerror=alert(1)&gt; xin chào',
      '[Minh] hiển thị: Lan: <img src=x onerror=alert(1)> xin chào',
      '[Minh] dưới dạng HTML là: Lan: &lt;img src=x onerror=alert(1)&gt; xin chào',
    ],
  },
  'real-time-patterns-envelope': {
    more: true, // as many quotes as arrive before it closes
    en: [re(String.raw`#\d+ [A-Z]{4} \d+\.\d\d \(\d+ ms\)`), 'closed 1000 enough'],
    vi: [re(String.raw`#\d+ [A-Z]{4} \d+\.\d\d \(\d+ ms\)`), 'đã đóng 1000 enough'],
  },
  'alternatives-overhead': {
    en: [
      re(String.raw`20 messages: \d+ bytes of JSON \+ 40 bytes of frame headers`),
      re(String.raw`WebSocket, per update: \d+\.\d bytes`),
      re(String.raw`one poll per update, roughly: \d+ bytes`),
    ],
    vi: [
      re(String.raw`20 tin nhắn: \d+ byte JSON \+ 40 byte header khung`),
      re(String.raw`WebSocket, mỗi cập nhật: \d+\.\d byte`),
      re(String.raw`polling mỗi cập nhật một lần, ước chừng: \d+ byte`),
    ],
  },
  'websocketstream-basics': {
    en: [
      'opened: protocol = "json" extensions = ""',
      'echo: Hello',
      'echo: Xin chào',
      'closed: 1000 "done"',
      'opened rejected: WebSocketError closeCode null',
    ],
    vi: [
      'đã mở: protocol = "json" extensions = ""',
      'echo: Hello',
      'echo: Xin chào',
      'đã đóng: 1000 "done"',
      'opened bị từ chối: WebSocketError closeCode null',
    ],
  },
};

/** The lines `example` prints in `lang`. */
export function expectedLines(example: string, lang: 'en' | 'vi'): readonly Line[] {
  const entry = expectedOutput[example];
  if (!entry) throw new Error(`No expected output for the runnable example "${example}" in src/examples/expected.ts`);
  return (lang === 'vi' && entry.vi) || entry.en;
}

/**
 * How far `lines` (the console, in order) fulfil `expected`: the expected lines still missing. In order, each
 * expected line must match a console line after the previous match; with `anyOrder`, any line will do.
 */
export function missingLines(expected: readonly Line[], lines: readonly string[], anyOrder = false): Line[] {
  const matches = (want: Line, got: string) => (typeof want === 'string' ? got === want : want.test(got));
  const missing: Line[] = [];
  const used = new Set<number>();
  let from = 0;
  for (const want of expected) {
    const at = lines.findIndex((got, i) => (anyOrder ? !used.has(i) : i >= from) && matches(want, got));
    if (at === -1) missing.push(want);
    else (used.add(at), (from = at + 1));
  }
  return missing;
}
