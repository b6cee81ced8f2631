// One inspected connection: first the inspector stream (/inspect?session=ID), then — once it is open, so no
// record can be missed — the connection being watched, opened through the shared ConnectionModel with the
// same ?session=ID. Records are checked (records.ts), kept up to a bound, and handed to views as snapshots.

import { Snapshots, type Readable, type Subscriber } from '../reactive/store.ts';
import { ConnectionModel } from '../connection/model.ts';
import { closeIfOpen, createSocket } from '../server/sockets.ts';
import { endpointUrl } from '../server/url.ts';
import type { DroppedRecord, FrameRecord, HandshakeRecord, ParseResult } from './records.ts';

/** A random 128-bit session id as 32 lowercase hex digits (the form the demo server accepts). */
export function newSessionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += b.toString(16).padStart(2, '0');
  return id;
}

/** Adds `session=ID` to a WebSocket URL, keeping any query it already has (e.g. `/echo?fragment=3`). */
export function withSession(url: string, id: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('session', id);
  return parsed.toString();
}

/** The inspector stream's URL for a server base such as `ws://localhost:8080`. */
export function inspectUrl(base: string, id: string): string {
  return endpointUrl(base, `/inspect?session=${encodeURIComponent(id)}`);
}

/** The part of the browser's WebSocket the inspector stream needs, so tests can hand it a fake. */
export interface InspectSocketLike {
  readonly readyState: number;
  addEventListener(type: 'open' | 'message' | 'error' | 'close', listener: (event: any) => void): void;
  close(code?: number, reason?: string): void;
}

export type InspectSocketFactory = (url: string) => InspectSocketLike;

/**
 * Why there is nothing to inspect:
 * - `unreachable`: /inspect closed before opening (server down, refused the session, or too old to have it);
 * - `lost`: the stream was open and then ended, with the close event's code and reason;
 * - `badUrl`: the server base is not a usable WebSocket URL.
 */
export type InspectError =
  | { kind: 'unreachable'; url: string }
  | { kind: 'lost'; url: string; code: number; reason: string }
  | { kind: 'badUrl'; url: string; message: string };

export type InspectStatus = 'idle' | 'opening' | 'open' | 'closed';

/** A frame record with a running number (stable across trimming) for keys, selection and deep links. */
export type InspectedFrame = FrameRecord & { seq: number };

export type InspectSnapshot = {
  status: InspectStatus;
  sessionId: string;
  error: InspectError | null;
  handshake: HandshakeRecord | null;
  frames: readonly InspectedFrame[];
  /** Records the server said it dropped (DroppedRecord) plus frames this side trimmed to stay bounded. */
  dropped: number;
  /** Records that failed validation and were ignored, with the last reason (for developers). */
  invalid: number;
  lastInvalid: string | null;
};

export type InspectorSessionOptions = {
  createSocket?: InspectSocketFactory;
  /** The model the tapped connection uses; pass the lab's ConnectionModel so every view shares it. */
  connection?: ConnectionModel;
  /** Most frames kept; older ones are dropped (and counted) first. */
  maxFrames?: number;
  /** Makes session ids; tests pass a fixed one. */
  newId?: () => string;
  /** Checks each message's records (records.ts parseRecordMessage); without it, loaded with the first stream. */
  parseRecords?: RecordParser;
};

export type RecordParser = (data: unknown) => ParseResult[];

let recordParser: Promise<RecordParser> | null = null;
/**
 * The record checks are loaded when a stream starts, not with the lab: a lab page needs them only once the
 * reader connects. One load per page; after a failure the next stream tries again.
 */
function loadRecordParser(): Promise<RecordParser> {
  return (recordParser ??= import('./records.ts').then(
    (module) => module.parseRecordMessage,
    (error: unknown) => {
      recordParser = null;
      throw error;
    },
  ));
}


export class InspectorSession implements Readable<InspectSnapshot> {
  readonly connection: ConnectionModel;
  #ownsConnection: boolean;
  #createSocket: InspectSocketFactory;
  #maxFrames: number;
  #newId: () => string;
  #parse: RecordParser | null;
  /** Messages that arrived before the record checks were loaded, in order. */
  #unparsed: unknown[] = [];
  /** Why this stream's records cannot be checked (loading the checks failed); the next stream tries again. */
  #parseFailure: string | null = null;
  #snapshots = new Snapshots(() => this.snapshot());
  #socket: InspectSocketLike | null = null;
  #status: InspectStatus = 'idle';
  #sessionId = '';
  #error: InspectError | null = null;
  #handshake: HandshakeRecord | null = null;
  #frames: InspectedFrame[] = [];
  #seq = 0;
  #dropped = 0;
  #invalid = 0;
  #lastInvalid: string | null = null;
  /** Bumped on every start, so a late event from an abandoned stream changes nothing. */
  #generation = 0;

  constructor(options: InspectorSessionOptions = {}) {
    this.connection = options.connection ?? new ConnectionModel();
    this.#ownsConnection = options.connection === undefined;
    this.#createSocket = options.createSocket ?? ((url: string) => createSocket(url));
    this.#maxFrames = Math.max(1, options.maxFrames ?? 500);
    this.#newId = options.newId ?? newSessionId;
    this.#parse = options.parseRecords ?? null;
  }

  snapshot(): InspectSnapshot {
    return {
      status: this.#status,
      sessionId: this.#sessionId,
      error: this.#error,
      handshake: this.#handshake,
      frames: this.#frames.slice(),
      dropped: this.#dropped,
      invalid: this.#invalid,
      lastInvalid: this.#lastInvalid,
    };
  }

  /** The store contract (reactive/store.ts): called at once with the current snapshot, then on every change. */
  subscribe(listener: Subscriber<InspectSnapshot>): () => void {
    return this.#snapshots.subscribe(listener);
  }

  #emit(): void {
    this.#snapshots.emit();
  }

  /**
   * Opens a fresh inspector stream with a new session id (closing any earlier one) and resolves once it is
   * open. Resolves false — with `error` set — when it cannot be opened; it never rejects.
   */
  start(base: string): Promise<boolean> {
    this.#closeStream();
    const generation = ++this.#generation;
    this.#sessionId = this.#newId();
    this.#error = null;
    this.#handshake = null;
    this.#frames = [];
    this.#dropped = 0;
    this.#invalid = 0;
    this.#lastInvalid = null;
    this.#unparsed = [];
    this.#parseFailure = null;
    if (!this.#parse) this.#loadParser(generation);
    const url = inspectUrl(base, this.#sessionId);

    let socket: InspectSocketLike;
    try {
      socket = this.#createSocket(url);
    } catch (error) {
      this.#status = 'closed';
      this.#error = { kind: 'badUrl', url, message: error instanceof Error ? error.message : String(error) };
      this.#emit();
      return Promise.resolve(false);
    }
    this.#socket = socket;
    this.#status = 'opening';
    this.#emit();

    return new Promise<boolean>((resolve) => {
      const current = () => generation === this.#generation;
      socket.addEventListener('open', () => {
        if (!current()) return;
        this.#status = 'open';
        this.#emit();
        resolve(true);
      });
      socket.addEventListener('message', (event: { data: unknown }) => {
        if (!current()) return;
        this.#receive(event.data);
      });
      socket.addEventListener('close', (event: { code: number; reason: string }) => {
        if (!current()) return resolve(false);
        const wasOpen = this.#status === 'open';
        this.#status = 'closed';
        this.#socket = null;
        this.#error = wasOpen
          ? { kind: 'lost', url, code: event.code, reason: event.reason }
          : { kind: 'unreachable', url };
        this.#emit();
        resolve(false);
      });
      // 'error' is always followed by 'close', which carries what there is to say.
    });
  }

  /**
   * Starts a new session on `base` and then opens `base + path` (path may carry a query) on the shared
   * connection with `?session=ID`. Resolves false, without opening anything, when /inspect is unreachable.
   */
  async connect(base: string, path: string, protocols: string[] = []): Promise<boolean> {
    // The previous tapped connection (if any) keeps its old session: model.connect() replaces it below.
    if (!(await this.start(base))) return false;
    const target = endpointUrl(base, path);
    let url: string;
    try {
      url = withSession(target, this.#sessionId);
    } catch {
      url = target; // Not a URL: let the model report it exactly as the browser would.
    }
    return this.connection.connect(url, protocols);
  }

  /** Forgets the frames shown so far (the handshake stays); numbering goes on, so new frames are told apart. */
  clearFrames(): void {
    this.#frames = [];
    this.#dropped = 0;
    this.#emit();
  }

  #loadParser(generation: number): void {
    const drain = () => {
      if (generation !== this.#generation) return;
      const waiting = this.#unparsed;
      this.#unparsed = [];
      for (const data of waiting) this.#receive(data);
    };
    loadRecordParser().then(
      (parse) => {
        this.#parse = parse;
        drain();
      },
      (error: unknown) => {
        // Records that cannot be checked are not shown; the view counts them as unreadable, with this reason.
        if (generation === this.#generation) this.#parseFailure = `the record checks could not be loaded (${error instanceof Error ? error.message : String(error)})`;
        drain();
      },
    );
  }

  #receive(data: unknown): void {
    const failure = this.#parseFailure;
    const parse = this.#parse ?? (failure === null ? null : () => [{ error: failure }]);
    if (!parse) {
      this.#unparsed.push(data);
      return;
    }
    for (const result of parse(data)) {
      if ('error' in result) {
        this.#invalid++;
        this.#lastInvalid = result.error;
        continue;
      }
      const record = result.record;
      if (record.kind === 'handshake') this.#handshake = record;
      else if (record.kind === 'dropped') this.#dropped += (record as DroppedRecord).count;
      else {
        this.#frames.push({ ...record, seq: ++this.#seq });
        const excess = this.#frames.length - this.#maxFrames;
        if (excess > 0) {
          this.#frames.splice(0, excess);
          this.#dropped += excess;
        }
      }
    }
    this.#emit();
  }

  #closeStream(): void {
    const old = this.#socket;
    this.#socket = null;
    closeIfOpen(old, 1000, 'done');
  }

  /** Closes the stream (and the tapped connection when this session made it); views call this on destroy. */
  dispose(): void {
    this.#generation++;
    this.#closeStream();
    if (this.#ownsConnection) this.connection.dispose();
    this.#snapshots.clear();
  }
}
