// WebSocketStream, as far as the labs need it: the shape of the browser's object (so tests hand in a fake),
// feature detection, and how its `opened` / `closed` promises and errors read for a person.
// Shipped in Chromium-based browsers since 124; not in Firefox or Safari (checked at run time, never assumed).

export type StreamOpened = {
  readable: ReadableStream<string | Uint8Array>;
  writable: WritableStream<string | Uint8Array | ArrayBuffer>;
  protocol: string;
  extensions: string;
};

export type StreamClosed = { closeCode: number; reason: string };

export interface WebSocketStreamLike {
  readonly url: string;
  readonly opened: Promise<StreamOpened>;
  readonly closed: Promise<StreamClosed>;
  close(info?: { closeCode?: number; reason?: string }): void;
}

export type StreamFactory = (url: string, options?: { protocols?: string[]; signal?: AbortSignal }) => WebSocketStreamLike;

type StreamConstructor = new (url: string, options?: { protocols?: string[]; signal?: AbortSignal }) => WebSocketStreamLike;

/** The browser's WebSocketStream, or null where it does not exist (Firefox, Safari, older Chromium). */
export function streamConstructor(scope: object = globalThis): StreamConstructor | null {
  const ctor = (scope as { WebSocketStream?: unknown }).WebSocketStream;
  return typeof ctor === 'function' ? (ctor as StreamConstructor) : null;
}

export function browserStreamFactory(scope: object = globalThis): StreamFactory | null {
  const Ctor = streamConstructor(scope);
  return Ctor ? (url, options) => new Ctor(url, options) : null;
}

/**
 * What a rejected `opened` or `closed` tells the page. Chromium rejects with a WebSocketError (a DOMException
 * subclass carrying closeCode and reason) — or with the AbortSignal's reason when the opening was aborted.
 */
export function describeStreamError(error: unknown): { name: string; message: string; closeCode: number | null; reason: string } {
  const e = error as { name?: unknown; message?: unknown; closeCode?: unknown; reason?: unknown } | null;
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
    closeCode: typeof e?.closeCode === 'number' ? e.closeCode : null,
    reason: typeof e?.reason === 'string' ? e.reason : '',
  };
}
