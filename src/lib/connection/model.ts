// A framework-free model of one browser WebSocket, as the labs show it: readyState with a timeline of
// transitions, and a log of every event and call with its time. Views subscribe and render snapshots.

import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { closeIfOpen, createSocket, type WebSocketLike } from '../server/sockets.ts';

export const READY_STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;
export type ReadyState = 0 | 1 | 2 | 3;
export type ReadyStateName = (typeof READY_STATE_NAMES)[number];

export type SocketLike = WebSocketLike;

export type SocketFactory = (url: string, protocols?: string | string[]) => SocketLike;

export type MessageData =
  | { type: 'text'; text: string }
  /** Binary data; `view` names the typed array or DataView a page sent (received binary is never a view). */
  | { type: 'arraybuffer'; bytes: Uint8Array; view?: string }
  | { type: 'blob'; size: number; mime: string };

export type LogEntry =
  | { id: number; t: number; kind: 'connect'; url: string; protocols: string[] }
  | { id: number; t: number; kind: 'open'; protocol: string; extensions: string }
  | { id: number; t: number; kind: 'message'; data: MessageData; origin: string }
  | { id: number; t: number; kind: 'error' }
  | { id: number; t: number; kind: 'close'; code: number; reason: string; wasClean: boolean }
  /** `readyState` when send() was called: from CLOSING on, the data was silently discarded. */
  | { id: number; t: number; kind: 'send'; data: MessageData; bufferedAmount: number; readyState: ReadyState }
  | { id: number; t: number; kind: 'closeCall'; code?: number; reason?: string }
  | { id: number; t: number; kind: 'exception'; call: 'constructor' | 'send' | 'close'; name: string; message: string };

/** A log entry as a caller hands it to `record`: the model adds the id and time. */
type NewEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'id' | 't'> : never) : never;

/**
 * Where a change of readyState was first noticed: right after a call the page made, inside an event
 * handler, or by the poll (a server-initiated CLOSING has no event, so only polling can see it).
 */
export type TransitionSource = 'constructor' | 'close()' | 'send()' | 'open' | 'message' | 'error' | 'close' | 'poll';

export type Transition = { from: ReadyState | null; to: ReadyState; t: number; seenIn: TransitionSource };

export type ConnectionSnapshot = {
  readyState: ReadyState | null;
  transitions: readonly Transition[];
  log: readonly LogEntry[];
  bufferedAmount: number;
  url: string;
  protocol: string;
  extensions: string;
  binaryType: 'blob' | 'arraybuffer';
  /** True once a connection attempt ended without ever opening: the lab says the server is unreachable. */
  failedToOpen: boolean;
};

export type ModelOptions = {
  createSocket?: SocketFactory;
  now?: () => number;
  /** readyState moves to CLOSING with no event when the server starts the closing handshake; poll to catch it. */
  pollMs?: number;
  maxLog?: number;
  /** False for a stream (a ticker at 20 Hz would push everything else out of the log): message events are
   * then only handed to onMessage listeners, while open/error/close and calls are still logged. */
  logMessages?: boolean;
  /** False for bursts (the bufferedAmount lab sends megabytes): successful send() calls are not logged, while
   * exceptions still are. */
  logSends?: boolean;
};

/** Gets each incoming message's data as the browser delivered it, before subscribers see the new snapshot. */
export type MessageListener = (data: unknown) => void;

/** The two moments a reconnecting lab acts on; failedToOpen: the socket closed without ever opening. */
export type LifecycleEvent = { kind: 'open' } | { kind: 'close'; code: number; reason: string; wasClean: boolean; failedToOpen: boolean };
export type LifecycleListener = (event: LifecycleEvent) => void;

function describeData(data: unknown): MessageData {
  if (typeof data === 'string') return { type: 'text', text: data };
  if (data instanceof ArrayBuffer) return { type: 'arraybuffer', bytes: new Uint8Array(data.slice(0)) };
  if (ArrayBuffer.isView(data)) {
    const bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    return { type: 'arraybuffer', bytes, view: data.constructor.name };
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) return { type: 'blob', size: data.size, mime: data.type };
  return { type: 'text', text: String(data) };
}

export class ConnectionModel implements Readable<ConnectionSnapshot> {
  #createSocket: SocketFactory;
  #now: () => number;
  #pollMs: number;
  #maxLog: number;
  #logMessages: boolean;
  #logSends: boolean;
  #messageListeners = new Set<MessageListener>();
  #lifecycleListeners = new Set<LifecycleListener>();
  #socket: SocketLike | null = null;
  #snapshots = new Snapshots(() => this.snapshot());
  #log: LogEntry[] = [];
  #transitions: Transition[] = [];
  #lastState: ReadyState | null = null;
  #nextId = 1;
  #opened = false;
  #failedToOpen = false;
  #poll: ReturnType<typeof setInterval> | null = null;
  #binaryType: 'blob' | 'arraybuffer' = 'blob';
  #epoch: number;
  #startedAt = Date.now();

  constructor(options: ModelOptions = {}) {
    this.#createSocket = options.createSocket ?? createSocket;
    this.#now = options.now ?? (() => performance.now());
    this.#pollMs = options.pollMs ?? 50;
    this.#maxLog = options.maxLog ?? 500;
    this.#logMessages = options.logMessages ?? true;
    this.#logSends = options.logSends ?? true;
    this.#epoch = this.#now();
  }

  /** Milliseconds since the current connection attempt started (or since the model was made). */
  #time(): number {
    return Math.round((this.#now() - this.#epoch) * 10) / 10;
  }

  /** Wall-clock time (ms since the epoch) the current attempt started: where an exported transcript's times begin. */
  get startedAt(): number {
    return this.#startedAt;
  }

  get socket(): SocketLike | null {
    return this.#socket;
  }

  snapshot(): ConnectionSnapshot {
    const s = this.#socket;
    return {
      readyState: this.#lastState,
      transitions: this.#transitions.slice(),
      log: this.#log.slice(),
      bufferedAmount: s?.bufferedAmount ?? 0,
      url: s?.url ?? '',
      protocol: s?.protocol ?? '',
      extensions: s?.extensions ?? '',
      binaryType: this.#binaryType,
      failedToOpen: this.#failedToOpen,
    };
  }

  /** Labs that interpret messages (chat, ticker) read them here instead of parsing the log. */
  onMessage(listener: MessageListener): () => void {
    this.#messageListeners.add(listener);
    return () => this.#messageListeners.delete(listener);
  }

  /** Labs that react to a connection opening or ending (chat, ticker: reconnecting) hear it here, after subscribers. */
  onLifecycle(listener: LifecycleListener): () => void {
    this.#lifecycleListeners.add(listener);
    return () => this.#lifecycleListeners.delete(listener);
  }

  /** The store contract (reactive/store.ts): called at once with the current snapshot, then on every change. */
  subscribe(listener: Subscriber<ConnectionSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  #announce(event: LifecycleEvent): void {
    for (const listener of this.#lifecycleListeners) listener(event);
  }

  #emit(): void {
    this.#snapshots.emit();
  }

  #record(entry: NewEntry): void {
    this.#log.push({ ...entry, id: this.#nextId++, t: this.#time() } as LogEntry);
    if (this.#log.length > this.#maxLog) this.#log.splice(0, this.#log.length - this.#maxLog);
  }

  /** Reads the socket's readyState and records a transition when it changed. */
  #sample(seenIn: TransitionSource): boolean {
    const state = (this.#socket?.readyState ?? null) as ReadyState | null;
    if (state === null || state === this.#lastState) return false;
    this.#transitions.push({ from: this.#lastState, to: state, t: this.#time(), seenIn });
    this.#lastState = state;
    if (state === 3) this.#stopPolling();
    return true;
  }

  #startPolling(): void {
    this.#stopPolling();
    if (this.#pollMs <= 0) return;
    this.#poll = setInterval(() => {
      // bufferedAmount also changes without events, so views get a fresh snapshot while connected.
      this.#sample('poll');
      this.#emit();
    }, this.#pollMs);
  }

  #stopPolling(): void {
    if (this.#poll !== null) clearInterval(this.#poll);
    this.#poll = null;
  }

  /** Opens a new connection, dropping any previous one (its late events are ignored). */
  connect(url: string, protocols: string[] = []): boolean {
    this.#detach();
    this.#epoch = this.#now();
    this.#startedAt = Date.now();
    this.#transitions = [];
    this.#lastState = null;
    this.#opened = false;
    this.#failedToOpen = false;
    this.#record({ kind: 'connect', url, protocols });
    let socket: SocketLike;
    try {
      socket = protocols.length > 0 ? this.#createSocket(url, protocols) : this.#createSocket(url);
    } catch (error) {
      this.#recordException('constructor', error);
      this.#emit();
      return false;
    }
    this.#socket = socket;
    socket.binaryType = this.#binaryType;
    // Each handler samples readyState first, so a transition is timed and attributed to the event that revealed it.
    const live = (type: 'open' | 'message' | 'error' | 'close', handler: (event: any) => void) => {
      socket.addEventListener(type, (event: any) => {
        if (this.#socket !== socket) return;
        this.#sample(type);
        handler(event);
        this.#emit();
        if (type === 'open') this.#announce({ kind: 'open' });
        if (type === 'close') {
          const { code, reason, wasClean } = event as { code: number; reason: string; wasClean: boolean };
          this.#announce({ kind: 'close', code, reason, wasClean, failedToOpen: this.#failedToOpen });
        }
      });
    };
    live('open', () => {
      this.#opened = true;
      this.#record({ kind: 'open', protocol: socket.protocol, extensions: socket.extensions });
    });
    live('message', (event: { data: unknown; origin?: string }) => {
      if (this.#logMessages) this.#record({ kind: 'message', data: describeData(event.data), origin: event.origin ?? '' });
      for (const listener of this.#messageListeners) listener(event.data);
    });
    live('error', () => {
      this.#record({ kind: 'error' });
    });
    live('close', (event: { code: number; reason: string; wasClean: boolean }) => {
      if (!this.#opened) this.#failedToOpen = true;
      this.#record({ kind: 'close', code: event.code, reason: event.reason, wasClean: event.wasClean });
    });
    this.#sample('constructor');
    this.#startPolling();
    this.#emit();
    return true;
  }

  /** Calls send() as an app would; an exception is logged (and returned) rather than thrown. */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): Error | null {
    const socket = this.#socket;
    if (!socket) return null;
    const readyState = socket.readyState as ReadyState;
    try {
      socket.send(data);
    } catch (error) {
      this.#recordException('send', error);
      this.#emit();
      return error instanceof Error ? error : new Error(String(error));
    }
    if (this.#logSends) this.#record({ kind: 'send', data: describeData(data), bufferedAmount: socket.bufferedAmount, readyState });
    this.#sample('send()');
    this.#emit();
    return null;
  }

  /** Calls close() with exactly the arguments given, so the browser's own validation is what the reader sees. */
  close(code?: number, reason?: string): Error | null {
    const socket = this.#socket;
    if (!socket) return null;
    this.#record({ kind: 'closeCall', code, reason });
    try {
      if (code === undefined) socket.close();
      else if (reason === undefined) socket.close(code);
      else socket.close(code, reason);
    } catch (error) {
      this.#recordException('close', error);
      this.#emit();
      return error instanceof Error ? error : new Error(String(error));
    }
    this.#sample('close()');
    this.#emit();
    return null;
  }

  setBinaryType(type: 'blob' | 'arraybuffer'): void {
    this.#binaryType = type;
    if (this.#socket) this.#socket.binaryType = type;
    this.#emit();
  }

  clearLog(): void {
    this.#log = [];
    this.#emit();
  }

  #recordException(call: 'constructor' | 'send' | 'close', error: unknown): void {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    this.#record({ kind: 'exception', call, name, message });
  }

  #detach(): void {
    this.#stopPolling();
    const old = this.#socket;
    this.#socket = null;
    closeIfOpen(old, 1000, 'replaced');
  }

  /** Stops timers and closes the socket; the view calls this when it is destroyed. */
  dispose(): void {
    this.#detach();
    this.#snapshots.clear();
    this.#messageListeners.clear();
  }
}
