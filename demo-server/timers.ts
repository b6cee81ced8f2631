// One pending timer per connection, for lab endpoints that act later (/close, /slow, /misbehave): cleared
// when the connection ends or the server stops, so no timer outlives what it was for.
import type { Client } from './client.ts';

export class ConnectionTimers {
  readonly #timers = new Map<Client, ReturnType<typeof setTimeout>>();

  /** Runs `action` after `ms` (replacing this client's pending timer, if any). */
  set(client: Client, ms: number, action: () => void): void {
    this.clear(client);
    this.#timers.set(
      client,
      setTimeout(() => {
        this.#timers.delete(client);
        client.guard('timer', action);
      }, ms),
    );
  }

  has(client: Client): boolean {
    return this.#timers.has(client);
  }

  clear(client: Client): void {
    clearTimeout(this.#timers.get(client));
    this.#timers.delete(client);
  }

  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
