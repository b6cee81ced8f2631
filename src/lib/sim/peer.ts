// The server's end of one simulated connection, as the demo server's `ws` keeps it: it reads the client's
// masked frames with the codec (refusing what ws refuses), answers pings, completes closing handshakes the
// way ws does (echoing the client's code and reason, then ending the TCP stream), and offers endpoints the
// few verbs the demo server's endpoints use. Every byte it reads or writes also goes to the tap, if any.
import { OPCODE } from '../protocol/index.ts';
import type { TapDirection } from '../inspect/tap.ts';
import { DEFAULT_MAX_PAYLOAD, fullBucket, rateLimitClose, takeToken, type TokenBucket } from '../server/limits.ts';
import type { Link } from './link.ts';
import { closeFrame, controlFrame, messageFrames, WireReader, type WireEvent } from './wire.ts';

/** How long a server that sent a close frame waits for the answer before it cuts the connection (ws: 30 s; the demo server: 5 s). */
const CLOSE_TIMEOUT_MS = 5000;

const encoder = new TextEncoder();

export class SimPeer {
  readonly query: URLSearchParams;
  readonly deflate: boolean;
  /** What the endpoint does with each message (data unmasked and inflated). */
  onMessage: ((data: Uint8Array, binary: boolean) => void) | null = null;
  #closedListeners: Array<() => void> = [];
  #toClient: Link | null = null;
  #state: 'open' | 'closing' | 'closed' = 'open';
  #closeSent = false;
  #reader: WireReader;
  #chain: Promise<void> = Promise.resolve();
  /** Bytes of messages sent whose frames are still being made (compressed or cut). */
  #framing = 0;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #tap: { incoming: TapDirection; outgoing: TapDirection } | null;
  /** Messages per second this connection may send (0: no limit), and its bucket. */
  readonly #rate: number;
  readonly #bucket: TokenBucket;

  /** `rate`: the demo server's MESSAGES_PER_SECOND for this endpoint (0 for none); messages over DEFAULT_MAX_PAYLOAD get 1009. */
  constructor(query: URLSearchParams, deflate: boolean, tap: { incoming: TapDirection; outgoing: TapDirection } | null, rate = 0) {
    this.query = query;
    this.deflate = deflate;
    this.#tap = tap;
    this.#rate = rate;
    this.#bucket = fullBucket(rate, Date.now());
    this.#reader = new WireReader({ expectMasked: true, allowRsv1: deflate, maxPayload: DEFAULT_MAX_PAYLOAD }, (event) => this.#onEvent(event));
  }

  /** The connection is up: `toClient` carries what the server writes. */
  attach(toClient: Link): void {
    this.#toClient = toClient;
  }

  /** Runs `listener` when the connection has ended, however it ended. */
  whenClosed(listener: () => void): void {
    this.#closedListeners.push(listener);
  }

  get open(): boolean {
    return this.#state === 'open';
  }

  /** As ws's readyState: 1 open, 2 closing, 3 closed. */
  get readyState(): number {
    return this.#state === 'open' ? 1 : this.#state === 'closing' ? 2 : 3;
  }

  /** Bytes sent and not yet on their way to the client (as ws's bufferedAmount): framing, or waiting on the link. */
  get bufferedAmount(): number {
    return this.#framing + (this.#state === 'closed' ? 0 : (this.#toClient?.queuedBytes ?? 0));
  }

  /** One message, as ws's send(): text or binary, in `fragments` frames, compressed when negotiated. */
  send(data: string | Uint8Array, options: { binary?: boolean; fragments?: number } = {}): void {
    if (this.#state !== 'open') return;
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const binary = options.binary ?? typeof data !== 'string';
    const frames = messageFrames(bytes, binary, { masked: false, deflate: this.deflate, fragments: options.fragments });
    this.#framing += bytes.length;
    this.#chain = this.#chain.then(async () => {
      const made = await frames;
      this.#framing -= bytes.length;
      for (const frame of made) this.writeRaw(frame);
    });
  }

  /** A protocol Ping with no payload (as ws's ping()); the browser answers it without the page. */
  ping(): void {
    if (this.#state !== 'open') return;
    this.#chain = this.#chain.then(() => this.#write(controlFrame(OPCODE.PING, false, new Uint8Array(0))));
  }

  /** Starts the closing handshake (as ws's close(code, reason)). */
  close(code: number, reason = ''): void {
    if (this.#state !== 'open') return;
    this.#state = 'closing';
    this.#sendClose(code, reason);
    this.setTimer(CLOSE_TIMEOUT_MS, () => this.terminate());
  }

  /** Cuts the TCP connection without a close frame (the client sees 1006). */
  terminate(): void {
    if (this.#state === 'closed') return;
    this.#chain = this.#chain.then(() => this.#toClient?.end());
    this.#finish();
  }

  /** Writes bytes as they are, frame or not (what /misbehave does to break the protocol). */
  writeRaw(bytes: Uint8Array): void {
    if (this.#state !== 'closed') this.#write(bytes);
  }

  #write(bytes: Uint8Array): void {
    if (!this.#toClient) return;
    if (this.#tap && !this.#tap.outgoing.done) this.#tap.outgoing.push(bytes);
    this.#toClient.write(bytes);
  }

  /** A timer that dies with the connection. */
  setTimer(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
  }

  /** Bytes from the client's side of the wire. */
  receive(bytes: Uint8Array): void {
    if (this.#state === 'closed') return;
    if (this.#tap && !this.#tap.incoming.done) this.#tap.incoming.push(bytes);
    this.#reader.push(bytes);
  }

  /** The client ended its side of the TCP connection. */
  clientEnded(): void {
    if (this.#state === 'closed') return;
    this.#chain = this.#chain.then(() => this.#toClient?.end());
    this.#finish();
  }

  #onEvent(event: WireEvent): void {
    if (this.#state === 'closed') return;
    switch (event.kind) {
      case 'message':
        if (this.#state !== 'open') return;
        // As the demo server's endpoints admit() each message first: an empty bucket closes with 1008.
        if (this.#rate > 0 && !takeToken(this.#bucket, this.#rate, Date.now())) {
          const { code, reason } = rateLimitClose(this.#rate);
          return this.close(code, reason);
        }
        this.onMessage?.(event.data, event.binary);
        return;
      case 'ping':
        this.#chain = this.#chain.then(() => this.#write(controlFrame(OPCODE.PONG, false, event.payload)));
        return;
      case 'pong':
        return;
      case 'close':
        // ws answers with the code and reason it received (none when there was none), then ends the stream.
        if (!this.#closeSent) this.#sendClose(event.code ?? undefined, event.reason);
        this.#state = 'closing';
        this.#chain = this.#chain.then(() => this.#toClient?.end());
        this.#finish();
        return;
      case 'error':
        // ws closes with the code the broken rule calls for, then ends the stream.
        if (!this.#closeSent) this.#sendClose(event.error.closeCode, '');
        this.#state = 'closing';
        this.#chain = this.#chain.then(() => this.#toClient?.end());
        this.#finish();
    }
  }

  #sendClose(code: number | undefined, reason: string): void {
    this.#closeSent = true;
    this.#chain = this.#chain.then(() => this.#write(closeFrame(false, code, reason)));
  }

  #finish(): void {
    if (this.#state === 'closed') return;
    // Writes already chained (the close frame, the end of the stream) still go out.
    const last = this.#chain;
    void last.then(() => {
      this.#tap?.incoming.end();
      this.#tap?.outgoing.end();
    });
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#state = 'closed';
    void last.then(() => this.#closedListeners.forEach((listener) => listener()));
  }
}
