// Stand-ins for the simulated server's socket, WebSocketStream and EventSource while the simulator's code is still loading.
// The simulator is loaded on demand (only a reader who picks it pays for it), but `new WebSocket()` answers
// at once: so a connection opened in the meantime gets a socket that already is what the browser's would be
// at that moment (CONNECTING; the constructor's and send()/close()'s errors thrown at the call), and hands
// over to the simulator's own socket once it is there, replaying what the page did to it in order.
import { constructOrThrow, type ProtocolsArgument } from '../constructor/construct.ts';
import { closeArguments, stillConnecting } from '../sim/api.ts';
import type { StreamOpened, StreamClosed, WebSocketStreamLike } from '../buffered/stream.ts';
import type { EventSourceLike, SimulatedServer, WebSocketLike } from './sockets.ts';

type Listener = (event: any) => void;
type EventName = 'open' | 'message' | 'error' | 'close';

const CONNECTING = 0;
const CLOSING = 2;

export class DeferredSocket implements WebSocketLike {
  readonly url: string;
  #inner: WebSocketLike | null = null;
  #binaryType: 'blob' | 'arraybuffer' = 'blob';
  /** What the page did before the simulator came, in order: listeners, a close, sends after the close. */
  #pending: Array<(socket: WebSocketLike) => void> = [];
  #closing = false;

  constructor(url: string, protocols: ProtocolsArgument, server: Promise<SimulatedServer>) {
    // The constructor's checks run now, as the browser's do; the simulator repeats them on the same input.
    this.url = constructOrThrow(url, protocols).url;
    server.then(
      (sim) => this.#attach(sim.openSocket(url, protocols as string | string[] | undefined)),
      () => this.#attach(new FailedSocket(this.url)),
    );
  }

  get readyState(): number {
    return this.#inner ? this.#inner.readyState : this.#closing ? CLOSING : CONNECTING;
  }
  get bufferedAmount(): number {
    return this.#inner?.bufferedAmount ?? 0;
  }
  get protocol(): string {
    return this.#inner?.protocol ?? '';
  }
  get extensions(): string {
    return this.#inner?.extensions ?? '';
  }
  get binaryType(): 'blob' | 'arraybuffer' {
    return this.#inner?.binaryType ?? this.#binaryType;
  }
  set binaryType(value: 'blob' | 'arraybuffer') {
    if (this.#inner) this.#inner.binaryType = value;
    else if (value === 'blob' || value === 'arraybuffer') this.#binaryType = value;
  }

  addEventListener(type: EventName, listener: Listener): void {
    if (this.#inner) this.#inner.addEventListener(type, listener);
    else this.#pending.push((socket) => socket.addEventListener(type, listener));
  }

  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    if (this.#inner) return this.#inner.send(data);
    if (!this.#closing) throw stillConnecting();
    // After close() the browser takes the data and never sends it; the simulator's socket does the same.
    this.#pending.push((socket) => socket.send(data));
  }

  close(code?: number, reason?: string): void {
    if (this.#inner) return this.#inner.close(code, reason);
    const args = closeArguments(code, reason);
    if (this.#closing) return;
    this.#closing = true;
    this.#pending.push((socket) => socket.close(args.code, args.reason));
  }

  #attach(socket: WebSocketLike): void {
    socket.binaryType = this.#binaryType;
    this.#inner = socket;
    for (const replay of this.#pending) replay(socket);
    this.#pending = [];
  }
}

/**
 * What a page whose simulator failed to load (the network went away) gets: a connection that fails as a
 * browser's does when it cannot reach its server — error, then close 1006.
 */
class FailedSocket extends EventTarget implements WebSocketLike {
  readyState = CONNECTING;
  readonly bufferedAmount = 0;
  readonly protocol = '';
  readonly extensions = '';
  binaryType: 'blob' | 'arraybuffer' = 'blob';
  readonly url: string;

  constructor(url: string) {
    super();
    this.url = url;
    setTimeout(() => this.close(), 0);
  }

  send(): void {
    if (this.readyState === CONNECTING) throw stillConnecting();
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new Event('error'));
    this.dispatchEvent(Object.assign(new Event('close'), { code: 1006, reason: '', wasClean: false }));
  }
}

/** The simulator's EventSource once it has loaded; until then CONNECTING, and close() means it never opens. */
export function deferredEventSource(url: string, server: Promise<SimulatedServer>): EventSourceLike {
  let inner: EventSourceLike | null = null;
  let closed = false;
  const handlers: Pick<EventSourceLike, 'onopen' | 'onmessage' | 'onerror'> = { onopen: null, onmessage: null, onerror: null };
  const source: EventSourceLike = {
    get readyState() {
      return inner ? inner.readyState : closed ? 2 : 0;
    },
    get onopen() {
      return handlers.onopen;
    },
    set onopen(handler) {
      handlers.onopen = handler;
      if (inner) inner.onopen = handler;
    },
    get onmessage() {
      return handlers.onmessage;
    },
    set onmessage(handler) {
      handlers.onmessage = handler;
      if (inner) inner.onmessage = handler;
    },
    get onerror() {
      return handlers.onerror;
    },
    set onerror(handler) {
      handlers.onerror = handler;
      if (inner) inner.onerror = handler;
    },
    close() {
      closed = true;
      inner?.close();
    },
  };
  server.then(
    (sim) => {
      if (closed) return;
      inner = Object.assign(sim.openEventSource(url), handlers);
    },
    () => {
      if (closed) return;
      // Like an EventSource whose request failed outright: readyState CLOSED, one error, no retry.
      closed = true;
      handlers.onerror?.(new Event('error'));
    },
  );
  return source;
}

/**
 * The simulator's WebSocketStream once it has loaded: the constructor's checks now, `opened` and `closed`
 * settle as its do (or reject with the load's error), and a close() meanwhile is checked now and made then.
 */
export function deferredStream(url: string, options: { protocols?: string[]; signal?: AbortSignal } | undefined, server: Promise<SimulatedServer>): WebSocketStreamLike {
  const accepted = constructOrThrow(url, options?.protocols);
  let inner: WebSocketStreamLike | null = null;
  let closeInfo: { closeCode?: number; reason?: string } | null = null;
  const ready = server.then((sim) => {
    inner = sim.openStream(url, options);
    if (closeInfo) inner.close(closeInfo);
    return inner;
  });
  const opened: Promise<StreamOpened> = ready.then((stream) => stream.opened);
  const closed: Promise<StreamClosed> = ready.then((stream) => stream.closed);
  // As the stream's own: a page that awaits only one of them must not hear of the other as unhandled.
  opened.catch(() => {});
  closed.catch(() => {});
  return {
    url: accepted.url,
    opened,
    closed,
    close(info = {}) {
      if (inner) return inner.close(info);
      closeArguments(info.closeCode, info.reason);
      closeInfo ??= info;
    },
  };
}
