// What happens when the server's own code throws (docs/DEMO-SERVER.md, "When an endpoint throws").
//
// Inside a connection — a listener of its events, its timers, its endpoint's opener — the throw is confined
// to that connection: it is closed with 1011 and the error is logged with its stack (client.ts); the other
// connections and the process carry on. A handshake whose endpoint throws is refused with 500, and an HTTP
// route that throws answers 500. Anything else (shared timers, a raw socket listener, a rejected promise
// nobody awaited) reaches 'uncaughtException': then the process's state is unknown, so it does not go on:
// it logs the error, closes every connection with 1011, and exits with 1 for its supervisor to restart it.

/** A connection whose endpoint threw (RFC 6455 §7.4.1: 1011, an unexpected condition on the server). */
export const CRASH_CLOSE = { code: 1011, reason: 'Internal server error: this connection was closed; the server is still running' } as const;

/** Every connection, when the process itself must stop after an error it cannot confine. */
export const FATAL_CLOSE = { code: 1011, reason: 'Internal server error: the server is stopping' } as const;

/** A refused handshake whose endpoint threw while checking it. */
export const CRASH_REFUSAL = 'Internal server error: the handshake could not be completed; the server is still running';

/** The body of a 500 from an HTTP route that threw. */
export const HTTP_CRASH_BODY = 'Internal server error; the server is still running';

/** The process exits at the latest this long after a fatal error, even if closing every connection hangs. */
export const FATAL_EXIT_MS = 5000;

export interface FatalContext {
  /** Closes every connection with this code and reason and stops listening. */
  close(goodbye: { code: number; reason: string }): Promise<void>;
  writeError(line: string): void;
  exit(code: number): void;
}

/** The 'uncaughtException' listener: log, say goodbye with 1011, exit 1 (once, however many errors follow). */
export function fatalHandler(context: FatalContext): (error: unknown, origin?: string) => void {
  let stopping = false;
  return (error, origin = 'uncaughtException') => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.writeError(`${new Date().toISOString()} fatal (${origin}): ${detail}`);
    if (stopping) return;
    stopping = true;
    setTimeout(() => context.exit(1), FATAL_EXIT_MS).unref();
    context.close(FATAL_CLOSE).finally(() => context.exit(1));
  };
}
