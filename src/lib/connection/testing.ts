// The one scripted WebSocket for unit tests of models that open sockets; a test that needs more (acks from /slow,
// records from /inspect) extends FakeSocket instead of writing another.
import { ConnectionModel, type SocketLike } from './model.ts';

type Handler = (event: any) => void;

/** What send() adds to bufferedAmount: text as UTF-8 bytes, binary as its byte length. */
function byteCount(data: unknown): number {
  if (typeof data === 'string') return new TextEncoder().encode(data).length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof Blob) return data.size;
  return 0;
}

/** A scripted stand-in for the browser's WebSocket that follows the WHATWG state rules the model relies on. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  bufferedAmount = 0;
  protocol = '';
  extensions = '';
  binaryType: 'blob' | 'arraybuffer' = 'blob';
  sent: unknown[] = [];
  /** The arguments of the last close() call, for tests that check how a model closed. */
  closedWith: [number?, string?] | null = null;
  handlers = new Map<string, Handler[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: string, listener: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  fire(type: string, event: object = {}) {
    for (const h of this.handlers.get(type) ?? []) h(event);
  }
  send(data: unknown) {
    if (this.readyState === 0) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    if (this.readyState >= 2) {
      // WHATWG: from CLOSING on, the data is discarded but bufferedAmount still grows by its byte count.
      this.bufferedAmount += byteCount(data);
      return;
    }
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
      throw new DOMException(`The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, 'InvalidAccessError');
    }
    this.closedWith = [code, reason];
    if (this.readyState < 2) this.readyState = 2;
  }
  // Server-side script helpers
  open(protocol = '') {
    this.readyState = 1;
    this.protocol = protocol;
    this.fire('open');
  }
  closed(code: number, reason: string, wasClean: boolean) {
    this.readyState = 3;
    this.fire('close', { code, reason, wasClean });
  }
}

/** A model on fake sockets and a hand-driven clock, with no polling. */
export function setup() {
  let clock = 0;
  const sockets: FakeSocket[] = [];
  const model = new ConnectionModel({
    createSocket: (url) => {
      if (!url.startsWith('ws')) throw new DOMException(`The URL '${url}' is invalid.`, 'SyntaxError');
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => clock,
    pollMs: 0,
  });
  return { model, sockets, tick: (ms: number) => (clock += ms) };
}
