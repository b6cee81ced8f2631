// The one subscription contract every lab model exposes: Svelte's store contract. `subscribe` calls the
// listener at once with the current snapshot and returns the unsubscribe function, so an island reads a
// model with `fromStore(model)` (svelte/store) and a test reads it with a plain callback, both the same way.

export type Subscriber<T> = (value: T) => void;

export interface Readable<T> {
  subscribe(listener: Subscriber<T>): () => void;
}

/**
 * The listener bookkeeping a model would otherwise write by hand: it keeps the listeners, hands a new one
 * the current snapshot, and `emit()` builds one snapshot for all of them.
 */
export class Snapshots<T> implements Readable<T> {
  #listeners = new Set<Subscriber<T>>();
  #snapshot: () => T;

  /** `snapshot` builds the value listeners get; it is called once per subscribe and once per emit. */
  constructor(snapshot: () => T) {
    this.#snapshot = snapshot;
  }

  subscribe(listener: Subscriber<T>): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot());
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(): void {
    if (this.#listeners.size === 0) return;
    const value = this.#snapshot();
    for (const listener of this.#listeners) listener(value);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
