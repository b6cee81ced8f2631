// SimulatedWebSocketStream: WebSocketStream's shape (as Chromium ships it; the WHATWG proposal is
// whatwg/websockets#48) over a SimulatedWebSocket, so the same handshake, frames and close rules apply.
// `opened` settles with a readable and a writable; writer.write() settles once the message's bytes have left
// the page (on /slow's simulated link, at its rate); a page that does not read stops the simulated browser
// reading, and the server's link waits — the backlog sits in the simulated server's bufferedAmount.
// What it does not model: the kernel socket buffers that absorb a few MiB on each side before a real
// server's bufferedAmount moves, and the exact size of Chromium's own receive buffer.
import type { StreamClosed, StreamOpened, WebSocketStreamLike } from '../buffered/stream.ts';
import { encodeUtf8 } from '../protocol/index.ts';
import type { SimRouter } from './router.ts';
import { SimulatedWebSocket } from './socket.ts';

/** Unread bytes the simulated browser holds before it stops reading the connection. */
export const SIM_READ_BUFFER_BYTES = 64 * 1024;

/** Chromium's WebSocketError: a DOMException that carries the close code and reason. */
export class WebSocketError extends DOMException {
  readonly closeCode: number | null;
  readonly reason: string;

  constructor(message = '', init: { closeCode?: number | null; reason?: string } = {}) {
    super(message, 'WebSocketError');
    this.closeCode = init.closeCode ?? null;
    this.reason = init.reason ?? '';
  }
}

type Chunk = string | Uint8Array;
type CloseInfo = { closeCode?: number; reason?: string };

/** A close requested through the streams (writer.abort, reader.cancel): a WebSocketError's code and reason, else none. */
function closeInfoOf(reason: unknown): CloseInfo {
  if (reason instanceof WebSocketError) return { closeCode: reason.closeCode ?? undefined, reason: reason.reason };
  return {};
}

export class SimulatedWebSocketStream implements WebSocketStreamLike {
  readonly url: string;
  readonly opened: Promise<StreamOpened>;
  readonly closed: Promise<StreamClosed>;
  readonly #socket: SimulatedWebSocket;

  constructor(url: string, options: { protocols?: string[]; signal?: AbortSignal } = {}, router: SimRouter) {
    // The constructor's URL and protocol checks are WebSocket's (a SyntaxError is thrown right here).
    const socket = new SimulatedWebSocket(url, options.protocols, router);
    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    this.url = socket.url;

    let resolveOpened!: (opened: StreamOpened) => void;
    let rejectOpened!: (error: unknown) => void;
    let resolveClosed!: (closed: StreamClosed) => void;
    let rejectClosed!: (error: unknown) => void;
    this.opened = new Promise((resolve, reject) => ((resolveOpened = resolve), (rejectOpened = reject)));
    this.closed = new Promise((resolve, reject) => ((resolveClosed = resolve), (rejectClosed = reject)));
    // A page that only awaits one of them must not hear of the other as an unhandled rejection.
    this.opened.catch(() => {});
    this.closed.catch(() => {});

    let isOpen = false;
    let aborted: unknown = null;
    let readController: ReadableStreamDefaultController<Chunk> | null = null;
    let writeController: WritableStreamDefaultController | null = null;

    const signal = options.signal;
    const onAbort = () => {
      if (isOpen) return;
      aborted = signal!.reason;
      socket.close();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });

    socket.addEventListener('open', () => {
      isOpen = true;
      signal?.removeEventListener('abort', onAbort);
      const readable = new ReadableStream<Chunk>(
        {
          start: (controller) => void (readController = controller),
          pull: () => socket.pauseReading(false),
          cancel: (reason) => this.#closeWith(closeInfoOf(reason)),
        },
        { highWaterMark: SIM_READ_BUFFER_BYTES, size: (chunk) => (typeof chunk === 'string' ? chunk.length : chunk.byteLength) },
      );
      const writable = new WritableStream<string | Uint8Array | ArrayBuffer>(
        {
          start: (controller) => void (writeController = controller),
          write: (chunk) => socket.sendAndWait(chunk),
          close: () => this.#closeWith({}),
          abort: (reason) => this.#closeWith(closeInfoOf(reason)),
        },
        { highWaterMark: 1 },
      );
      resolveOpened({ readable, writable, protocol: socket.protocol, extensions: socket.extensions });
    });

    socket.addEventListener('message', (e) => {
      if (!readController) return;
      const event = e as MessageEvent;
      const data: Chunk = typeof event.data === 'string' ? event.data : new Uint8Array(event.data as ArrayBuffer);
      try {
        readController.enqueue(data);
      } catch {
        return; // the page cancelled the readable: the connection is closing, and nothing more is read
      }
      // The page has not read what it holds: the simulated browser stops reading, and the server waits.
      if ((readController.desiredSize ?? 0) <= 0) socket.pauseReading(true);
    });

    socket.addEventListener('close', (e) => {
      const event = e as CloseEvent;
      if (!isOpen) {
        // Never opened: both promises reject (with the signal's reason if the opening was aborted).
        const error = aborted ?? new WebSocketError('WebSocket connection could not be established');
        rejectOpened(error);
        rejectClosed(error);
        return;
      }
      if (event.wasClean) {
        try {
          readController?.close();
        } catch {
          // the page cancelled the readable already
        }
        writeController?.error(new WebSocketError('The connection is closed', { closeCode: event.code, reason: event.reason }));
        resolveClosed({ closeCode: event.code, reason: event.reason });
        return;
      }
      const error = new WebSocketError('The WebSocket connection was not closed cleanly', { closeCode: event.code, reason: event.reason });
      readController?.error(error);
      writeController?.error(error);
      rejectClosed(error);
    });
  }

  /** Starts the closing handshake; the code and reason follow WebSocket's close() rules (and throw as it does). */
  close(info: CloseInfo = {}): void {
    if (info.reason !== undefined && encodeUtf8(info.reason).length > 123) {
      throw new DOMException('The close reason must not be greater than 123 UTF-8 bytes.', 'SyntaxError');
    }
    this.#closeWith(info);
  }

  #closeWith(info: CloseInfo): void {
    // Closing, the browser reads again (and drops what it reads) until the server's close frame arrives.
    this.#socket.pauseReading(false);
    const reason = info.reason ? info.reason : undefined;
    // An empty reason with no code sends an empty close frame (1005), as in Chromium.
    if (info.closeCode === undefined && reason === undefined) this.#socket.close();
    else this.#socket.close(info.closeCode ?? 1000, reason);
  }
}
