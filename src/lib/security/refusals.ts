// The security lesson's lab: make the demo server refuse something on purpose and read what the page is told.
// Framework-free so the view stays thin and the rules are tested without a browser: every verdict comes from
// what a real socket reported (a close code, an echo, an open), never from what we expected to happen.
import type { WebSocketLike } from '../server/sockets.ts';

export type OpenSocket = (path: string) => WebSocketLike;

/** The demo server's defaults (src/lib/server/limits.ts, which the simulated server enforces too); a deployment may set others. */
export { DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_PAYLOAD, DEFAULT_MESSAGES_PER_SECOND } from '../server/limits.ts';
/** The crowd test never opens more than this, whatever the server allows. */
export const CROWD_CEILING = 40;

/** What one attempt came to, read from the socket's own events. */
export type Verdict =
  | { kind: 'running' }
  | { kind: 'closed'; code: number; reason: string; wasClean: boolean; echoes: number }
  | { kind: 'allowed'; echoes: number }
  | { kind: 'unreachable' };

/** A text message of exactly `bytes` UTF-8 bytes (ASCII, so one byte per character). */
export function messageOfSize(bytes: number): string {
  return 'a'.repeat(Math.max(0, Math.floor(bytes)));
}

/** A burst big enough to empty a token bucket that holds one second at `rate` messages per second. */
export function burstFor(rate: number): number {
  return Math.max(1, Math.ceil(rate * 3));
}

/**
 * Opens `/echo`, sends `messages` as fast as the page can once it is open, and reports how it ended:
 * `closed` with the server's code (1009 for a message over maxPayload, 1008 for a flood), or `allowed`
 * when every message came back and the server kept the connection (this server's limits are higher).
 */
export function provoke(open: OpenSocket, messages: string[], settleMs = 1500): Promise<Verdict> {
  return new Promise((resolve) => {
    let echoes = 0;
    let opened = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const socket = open('/echo');
    socket.addEventListener('open', () => {
      opened = true;
      for (const m of messages) socket.send(m);
    });
    socket.addEventListener('message', () => {
      echoes += 1;
      if (echoes === messages.length) {
        // Everything came back; give a late close (the server's verdict) a moment before calling it allowed.
        timer = setTimeout(() => {
          resolve({ kind: 'allowed', echoes });
          socket.close(1000, 'lab done');
        }, settleMs);
      }
    });
    socket.addEventListener('close', (event: { code: number; reason: string; wasClean: boolean }) => {
      clearTimeout(timer);
      resolve(opened ? { kind: 'closed', code: event.code, reason: event.reason, wasClean: event.wasClean, echoes } : { kind: 'unreachable' });
    });
  });
}

export type CrowdResult =
  | { kind: 'running'; opened: number }
  /** Connection number `opened + 1` failed before opening: the server refused it (429 for our per-address cap). */
  | { kind: 'refused'; opened: number }
  | { kind: 'ceiling'; opened: number }
  | { kind: 'unreachable' };

/**
 * Opens connections to `/echo` one after another until one fails to open or CROWD_CEILING are open,
 * reporting progress; `release()` closes them all. One at a time, so the count at the failure is exact.
 */
export class Crowd {
  readonly #open: OpenSocket;
  readonly #sockets: WebSocketLike[] = [];
  #stopped = false;

  constructor(open: OpenSocket) {
    this.#open = open;
  }

  async run(onProgress: (result: CrowdResult) => void, ceiling = CROWD_CEILING): Promise<CrowdResult> {
    while (!this.#stopped && this.#sockets.length < ceiling) {
      const socket = this.#open('/echo');
      const opened = await new Promise<boolean>((resolve) => {
        socket.addEventListener('open', () => resolve(true));
        socket.addEventListener('close', () => resolve(false));
      });
      if (!opened) {
        const result: CrowdResult = this.#sockets.length === 0 ? { kind: 'unreachable' } : { kind: 'refused', opened: this.#sockets.length };
        onProgress(result);
        return result;
      }
      this.#sockets.push(socket);
      onProgress({ kind: 'running', opened: this.#sockets.length });
    }
    const result: CrowdResult = { kind: 'ceiling', opened: this.#sockets.length };
    onProgress(result);
    return result;
  }

  /** Closes every connection the crowd opened (1000), and stops a run in progress. */
  release(): void {
    this.#stopped = true;
    for (const s of this.#sockets.splice(0)) s.close(1000, 'lab done');
  }
}
