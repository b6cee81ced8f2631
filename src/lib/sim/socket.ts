// SimulatedWebSocket: the browser's WebSocket API (WHATWG WebSockets Standard) over a simulated wire to the
// in-page server. Everything the page can observe follows the standard: readyState moves CONNECTING → OPEN
// → CLOSING → CLOSED; open, message, error and close are fired as tasks, in the standard's order; send()
// and close() throw what a browser throws; bufferedAmount counts what send() queued until it has left.
// Underneath, the opening handshake and every frame are real RFC 6455 bytes from src/lib/protocol.
import { computeAccept, encodeUtf8, OPCODE } from '../protocol/index.ts';
import { constructOrThrow } from '../constructor/construct.ts';
import { closeArguments, stillConnecting } from './api.ts';
import { Link } from './link.ts';
import { closeFrame, controlFrame, messageFrames, WireReader, type WireEvent } from './wire.ts';
import type { HandshakeRequest, SimRouter } from './router.ts';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

type Handler = ((event: Event) => void) | null;
type EventName = 'open' | 'message' | 'error' | 'close';

const utf8 = new TextDecoder();

/** The handshake's round trip on the simulated network. */
export const SIM_LATENCY_MS = 15;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A close event; CloseEvent where the platform has it (every browser, Node 23+). */
function closeEvent(code: number, reason: string, wasClean: boolean): Event {
  if (typeof CloseEvent === 'function') return new CloseEvent('close', { code, reason, wasClean });
  return Object.assign(new Event('close'), { code, reason, wasClean });
}

export class SimulatedWebSocket extends EventTarget {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSING = CLOSING;
  readonly CLOSED = CLOSED;

  readonly url: string;
  #readyState = CONNECTING;
  #bufferedAmount = 0;
  #protocol = '';
  #extensions = '';
  #binaryType: BinaryType = 'blob';
  #handlers = new Map<EventName, { handler: Handler; listener: (event: Event) => void }>();

  #toServer: Link | null = null;
  #toClient: Link | null = null;
  #reader: WireReader | null = null;
  #sendChain: Promise<void> = Promise.resolve();
  /** Messages sent whose bytes have not left yet: told when the connection ends first. */
  #unsent = new Set<(error: DOMException) => void>();
  #closeSent = false;
  #closeReceived: { code: number | null; reason: string } | null = null;
  #failed = false;
  #done = false;

  constructor(url: string | URL, protocols: string | string[] | undefined, router: SimRouter) {
    super();
    // The constructor's checks, as a browser runs them (no base URL: the simulated host is always absolute).
    const accepted = constructOrThrow(String(url), protocols);
    const parsed = new URL(accepted.url);
    const list = accepted.protocols;
    this.url = accepted.url;
    setTimeout(() => void this.#connect(parsed, list, router), SIM_LATENCY_MS);
  }

  get readyState(): number {
    return this.#readyState;
  }
  get bufferedAmount(): number {
    return this.#bufferedAmount;
  }
  get protocol(): string {
    return this.#protocol;
  }
  get extensions(): string {
    return this.#extensions;
  }
  get binaryType(): BinaryType {
    return this.#binaryType;
  }
  set binaryType(value: BinaryType) {
    // An enumerated IDL attribute: other values are ignored, as in a browser.
    if (value === 'blob' || value === 'arraybuffer') this.#binaryType = value;
  }

  get onopen(): Handler { return this.#getHandler('open'); }
  set onopen(handler: Handler) { this.#setHandler('open', handler); }
  get onmessage(): Handler { return this.#getHandler('message'); }
  set onmessage(handler: Handler) { this.#setHandler('message', handler); }
  get onerror(): Handler { return this.#getHandler('error'); }
  set onerror(handler: Handler) { this.#setHandler('error', handler); }
  get onclose(): Handler { return this.#getHandler('close'); }
  set onclose(handler: Handler) { this.#setHandler('close', handler); }

  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    this.#enqueue(data).catch(() => {});
  }

  /**
   * The simulator's own, not the WebSocket API: send() that says when the message has left the page (its
   * bytes went onto the link and out of bufferedAmount). SimulatedWebSocketStream's write() waits on it.
   * Rejects if the connection ends first.
   */
  sendAndWait(data: string | ArrayBuffer | ArrayBufferView): Promise<void> {
    return this.#enqueue(data);
  }

  /** The simulator's own: the page stops reading (true) or reads again (false), and the server's link waits. */
  pauseReading(paused: boolean): void {
    this.#toClient?.pause(paused);
  }

  #enqueue(data: string | ArrayBuffer | ArrayBufferView | Blob): Promise<void> {
    if (this.#readyState === CONNECTING) throw stillConnecting();
    let size: number;
    let bytes: Uint8Array | Promise<Uint8Array>;
    let binary = true;
    if (typeof data === 'string') {
      bytes = encodeUtf8(data);
      size = bytes.length;
      binary = false;
    } else if (data instanceof ArrayBuffer) {
      bytes = new Uint8Array(data.slice(0));
      size = bytes.length;
    } else if (ArrayBuffer.isView(data)) {
      bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
      size = bytes.length;
    } else if (typeof Blob === 'function' && data instanceof Blob) {
      bytes = data.arrayBuffer().then((buffer) => new Uint8Array(buffer));
      size = data.size;
    } else {
      return this.#enqueue(String(data));
    }
    // After the closing handshake has started, data is counted but never sent (the standard says so).
    this.#bufferedAmount += size;
    if (this.#readyState !== OPEN) return Promise.reject(new DOMException('The connection is closing', 'InvalidStateError'));
    const deflate = this.#extensions.includes('permessage-deflate');
    return new Promise<void>((resolve, reject) => {
      this.#unsent.add(reject);
      this.#sendChain = this.#sendChain.then(async () => {
        const frames = await messageFrames(await bytes, binary, { masked: true, deflate });
        const sent = () => {
          this.#bufferedAmount -= size;
          this.#unsent.delete(reject);
          resolve();
        };
        if (!this.#toServer) return reject(new DOMException('The connection is closed', 'InvalidStateError'));
        frames.forEach((frame, i) => this.#toServer?.write(frame, i === frames.length - 1 ? sent : undefined));
      });
    });
  }

  close(code?: number, reason?: string): void {
    ({ code, reason } = closeArguments(code, reason));
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (this.#readyState === CONNECTING) {
      this.#readyState = CLOSING;
      this.#fail(null);
      return;
    }
    this.#readyState = CLOSING;
    this.#sendClose(code, reason ?? '');
  }

  #getHandler(name: EventName): Handler {
    return this.#handlers.get(name)?.handler ?? null;
  }

  // An event handler attribute: one listener, placed when first set, removed when set to null.
  #setHandler(name: EventName, handler: Handler): void {
    const current = this.#handlers.get(name);
    if (typeof handler !== 'function') handler = null;
    if (handler === null) {
      if (current) this.removeEventListener(name, current.listener);
      this.#handlers.delete(name);
      return;
    }
    if (current) {
      current.handler = handler;
      return;
    }
    const entry = { handler, listener: (event: Event) => entry.handler?.call(this, event) };
    this.#handlers.set(name, entry);
    this.addEventListener(name, entry.listener);
  }

  async #connect(url: URL, protocols: string[], router: SimRouter): Promise<void> {
    if (this.#readyState !== CONNECTING) return; // close() came first: the connection is already failed
    const key = base64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
    const headers: Array<[string, string]> = [
      ['Host', url.host],
      ['Connection', 'Upgrade'],
      ['Pragma', 'no-cache'],
      ['Cache-Control', 'no-cache'],
      ['Upgrade', 'websocket'],
    ];
    if (typeof location !== 'undefined') headers.push(['Origin', location.origin]);
    headers.push(['Sec-WebSocket-Version', '13']);
    if (typeof navigator !== 'undefined' && navigator.userAgent) headers.push(['User-Agent', navigator.userAgent]);
    headers.push(['Sec-WebSocket-Key', key], ['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits']);
    if (protocols.length > 0) headers.push(['Sec-WebSocket-Protocol', protocols.join(', ')]);
    const request: HandshakeRequest = { method: 'GET', url: url.pathname + url.search, rawHeaders: headers.flat() };

    const answer = await router.upgrade(request);
    if (this.#failed || answer.status !== 101) {
      answer.peer?.clientEnded();
      return this.#fail(null);
    }
    // What a browser checks before it calls the connection established (RFC 6455 §4.1, client steps 2–6).
    const header = (name: string) => answer.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
    const protocol = header('sec-websocket-protocol') ?? '';
    const extensions = header('sec-websocket-extensions') ?? '';
    const valid =
      header('upgrade')?.toLowerCase() === 'websocket' &&
      header('sec-websocket-accept') === (await computeAccept(key)) &&
      (protocol === '' || protocols.includes(protocol)) &&
      (extensions === '' || extensions.startsWith('permessage-deflate'));
    if (!valid || !answer.peer) {
      answer.peer?.clientEnded();
      return this.#fail(null);
    }
    const peer = answer.peer;
    // The end of the TCP stream is heard after the frames that came before it (a close frame may still be in the reader).
    const ended = () => void (this.#reader?.settled() ?? Promise.resolve()).then(() => this.#serverEnded());
    this.#toClient = new Link((bytes) => this.#reader?.push(bytes), ended, answer.writeRate);
    this.#toServer = new Link((bytes) => peer.receive(bytes), () => peer.clientEnded(), answer.readRate);
    this.#reader = new WireReader({ expectMasked: false, allowRsv1: extensions !== '' }, (event) => this.#onEvent(event));
    peer.attach(this.#toClient);
    this.#protocol = protocol;
    this.#extensions = extensions;
    this.#readyState = OPEN;
    this.dispatchEvent(new Event('open'));
    answer.opened();
  }

  #onEvent(event: WireEvent): void {
    if (this.#done || this.#failed) return;
    switch (event.kind) {
      case 'message': {
        if (this.#readyState !== OPEN) return;
        const data = event.binary
          ? this.#binaryType === 'arraybuffer'
            ? event.data.slice().buffer
            : new Blob([event.data as BufferSource])
          : utf8.decode(event.data);
        this.dispatchEvent(new MessageEvent('message', { data, origin: new URL(this.url).origin }));
        return;
      }
      case 'ping':
        this.#sendChain = this.#sendChain.then(() => this.#toServer?.write(controlFrame(OPCODE.PONG, true, event.payload)));
        return;
      case 'pong':
        return;
      case 'close':
        this.#closeReceived = { code: event.code, reason: event.reason };
        if (this.#readyState === OPEN) this.#readyState = CLOSING;
        // The browser answers with the code it received, and waits for the server to end the TCP stream.
        if (!this.#closeSent) this.#sendClose(event.code ?? undefined, '');
        return;
      case 'error':
        this.#fail(event.error.closeCode);
    }
  }

  #sendClose(code: number | undefined, reason: string): void {
    this.#closeSent = true;
    this.#sendChain = this.#sendChain.then(() => this.#toServer?.write(closeFrame(true, code, reason)));
  }

  /** Fail the WebSocket connection: a close frame when a broken frame calls for one, then the TCP stream ends. */
  #fail(closeCode: number | null): void {
    if (this.#failed || this.#done) return;
    this.#failed = true;
    this.#readyState = this.#readyState === CONNECTING ? CLOSING : this.#readyState;
    this.#toClient?.cut();
    if (closeCode !== null && !this.#closeSent) {
      this.#closeSent = true;
      this.#toServer?.write(closeFrame(true, closeCode, ''));
    }
    this.#toServer?.end();
    setTimeout(() => this.#closed(), 0);
  }

  /** The server ended the TCP stream (after its close frame, or without one). */
  #serverEnded(): void {
    this.#toServer?.end();
    this.#closed();
  }

  // The WebSocket connection is closed: readyState CLOSED, an error event if it was failed, then close.
  #closed(): void {
    if (this.#done) return;
    this.#done = true;
    this.#readyState = CLOSED;
    for (const reject of this.#unsent) reject(new DOMException('The connection closed before the message was sent', 'InvalidStateError'));
    this.#unsent.clear();
    const clean = !this.#failed && this.#closeSent && this.#closeReceived !== null;
    const code = this.#failed || this.#closeReceived === null ? 1006 : (this.#closeReceived.code ?? 1005);
    const reason = clean ? (this.#closeReceived?.reason ?? '') : '';
    if (this.#failed) this.dispatchEvent(new Event('error'));
    this.dispatchEvent(closeEvent(code, reason, clean));
  }
}
